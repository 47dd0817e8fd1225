"""Survey admin: default questions, results with figures from few answers withheld, exports."""

import csv
import io

from django.contrib.auth.models import Permission
from django.test import override_settings
from django.urls import reverse

import pytest

from tests.utils import add_survey_responses, open_survey
from wagtail_spcp.choices import SurveyWave
from wagtail_spcp.models import RegionScopedLogEntry, Survey, SurveyResponse
from wagtail_spcp.surveys.results import survey_results

SURVEY_PERMISSIONS = ["add_survey", "change_survey", "delete_survey", "view_survey"]


@pytest.fixture
def survey(world):
    return open_survey(world.a.engagement)


@pytest.fixture
def survey_staff(world):
    """Region A's and B's staff, allowed to work with surveys."""
    permissions = Permission.objects.filter(codename__in=SURVEY_PERMISSIONS)
    for user in (world.users["staff_a"], world.users["staff_b"]):
        for group in user.groups.all():
            group.permissions.add(*permissions)
    return world.users["staff_a"], world.users["staff_b"]


def results_url(survey):
    return reverse("wagtail_spcp_surveys_admin:results", args=(survey.pk,))


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_a_new_survey_starts_with_default_questions_in_two_languages(survey):
    questions = list(survey.questions.all())
    assert len(questions) == 5
    assert {question.dimension for question in questions} == {
        "trust",
        "fairness",
        "voice",
        "respect",
    }
    assert all(question.text_en and question.text_es for question in questions)
    assert len(survey.token) >= 32
    assert (
        survey.token
        != open_survey(
            survey.engagement.__class__.objects.exclude(pk=survey.engagement_id).first()
        ).token
    )


def test_figures_from_fewer_than_five_answers_are_withheld(survey):
    add_survey_responses(survey, SurveyWave.BEFORE, [1, 2, 4, 2])
    add_survey_responses(survey, SurveyWave.AFTER, [4, 5, 4, 2, 5])

    results = survey_results(survey)

    assert results.threshold == 5
    before, after = results.waves
    assert before.withheld and before.comments is None
    assert not after.withheld and after.responses == 5
    first = results.questions[0]
    assert first.before.withheld and first.before.mean is None
    assert first.before.agree_percent is None and first.before.by_score == []
    assert not first.after.withheld
    assert first.after.by_score == [0, 1, 0, 2, 2]
    assert first.after.mean == 4.0 and first.after.agree_percent == 80.0
    assert first.change is None

    # The fifth "before" answer shows the figure, and the change.
    add_survey_responses(survey, SurveyWave.BEFORE, [5])
    first = survey_results(survey).questions[0]
    assert not first.before.withheld and first.before.agree_percent == 40.0
    assert first.change == 40.0


@override_settings(SPCP_SURVEY_MIN_RESPONSES=3)
def test_the_threshold_is_a_setting(survey):
    add_survey_responses(survey, SurveyWave.BEFORE, [1, 2, 4])
    results = survey_results(survey)
    assert results.threshold == 3 and not results.questions[0].before.withheld


def test_results_page_shows_chart_table_and_withholds(client, world, survey):
    add_survey_responses(survey, SurveyWave.BEFORE, [1, 2, 4, 2], comment="Before comment")
    add_survey_responses(survey, SurveyWave.AFTER, [4, 5, 4, 2, 5], comment="After comment")
    client.force_login(world.users["superuser"])

    response = client.get(results_url(survey))
    body = response.content.decode()

    assert response.status_code == 200
    assert "<svg" in body and 'role="img"' in body and "<desc" in body
    assert 'data-spcp-table="figures"' in body
    assert "Withheld: fewer than 5 answers" in body
    assert "80.0%" in body
    assert "After comment" in body and "Before comment" not in body
    assert "fewer than 5" in body
    assert f"/survey/{survey.token}/before/" in body


def test_exports_are_formula_safe_withhold_and_are_logged(client, world, survey):
    formula = '=HYPERLINK("http://example.com","click")'
    add_survey_responses(survey, SurveyWave.AFTER, [4, 5, 4, 2, 5], comment=formula)
    add_survey_responses(survey, SurveyWave.BEFORE, [3], comment="Too few to show")
    client.force_login(world.users["superuser"])

    figures = read_csv(
        client.get(reverse("wagtail_spcp_surveys_admin:figures_csv", args=(survey.pk,)))
    )
    comments = read_csv(
        client.get(reverse("wagtail_spcp_surveys_admin:comments_csv", args=(survey.pk,)))
    )

    assert figures[0][:4] == ["Question", "Measures", "Wave", "Answers"]
    before_row, after_row = figures[1], figures[2]
    assert before_row[2] == "Before" and before_row[3] == ""
    assert before_row[-1] == "Withheld: fewer than 5 answers"
    assert after_row[2] == "After" and after_row[3:6] == ["5", "4.0", "80.0"]
    assert comments[1:] == [["After", "'" + formula]] * 5
    assert "Too few to show" not in str(comments)
    assert RegionScopedLogEntry.objects.filter(action="wagtail_spcp.export").count() == 2


def test_results_are_region_scoped(client, world, survey, survey_staff):
    staff_a, staff_b = survey_staff
    client.force_login(staff_b)
    assert client.get(results_url(survey)).status_code == 404
    assert (
        client.get(reverse("wagtail_spcp_surveys_admin:figures_csv", args=(survey.pk,))).status_code
        == 404
    )
    client.force_login(staff_a)
    assert client.get(results_url(survey)).status_code == 200
    # Staff without the survey permissions may not open results at all (Wagtail sends
    # them to the dashboard with a message).
    client.force_login(world.users["editor"])
    refused = client.get(results_url(survey))
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")


def test_links_page_prints_both_waves_with_qr_codes(client, world, survey):
    client.force_login(world.users["superuser"])
    body = client.get(
        reverse("wagtail_spcp_surveys_admin:links", args=(survey.pk,))
    ).content.decode()
    assert body.count('class="segno"') == 2
    assert f"/survey/{survey.token}/before/" in body and f"/survey/{survey.token}/after/" in body
    assert "QR code for the “Before” survey" in body


def test_engagement_hub_links_to_the_survey_or_to_adding_one(client, world, survey_staff):
    staff_a, _ = survey_staff
    client.force_login(staff_a)
    inspect = reverse(
        "wagtailsnippets_wagtail_spcp_engagement:inspect", args=(world.a.engagement.pk,)
    )
    add_url = (
        f"{reverse('wagtailsnippets_wagtail_spcp_survey:add')}?engagement={world.a.engagement.pk}"
    )
    assert add_url.replace("&", "&amp;") in client.get(inspect).content.decode()

    # The add view starts with the engagement chosen; saving adds the default questions.
    form = client.get(add_url).content.decode()
    assert f'value="{world.a.engagement.pk}"' in form

    survey = open_survey(world.a.engagement)
    body = client.get(inspect).content.decode()
    assert results_url(survey) in body
    listing = client.get(reverse("wagtailsnippets_wagtail_spcp_engagement:list")).content.decode()
    assert results_url(survey) in listing


def test_survey_edit_view_saves_questions(client, world, survey):
    client.force_login(world.users["superuser"])
    edit = reverse("wagtailsnippets_wagtail_spcp_survey:edit", args=(survey.pk,))
    response = client.get(edit)
    assert response.status_code == 200
    assert results_url(survey) in response.content.decode()
    assert Survey.objects.get(pk=survey.pk).questions.count() == 5
    assert not SurveyResponse.objects.exists()
