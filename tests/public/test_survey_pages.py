"""The public survey: opened by its link, anonymous, one answer per browser, open by date."""

import datetime

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from tests.utils import open_survey
from wagtail_spcp.models import Person, SurveyAnswer, SurveyResponse
from wagtail_spcp.surveys.views import answered_cookie_name

SECRET = "zqxSURVEYSECRETqz"
CLIENT_ADDRESS = "203.0.113.77"
USER_AGENT = "zqxBrowserAgent/1.0"


@pytest.fixture
def survey(public_site, make_engagement):
    engagement = make_engagement(
        slug="survey-town", title=f"Survey Town {SECRET}", incident_summary=SECRET
    )
    return open_survey(engagement, public_title="Harbor pulse survey")


def survey_path(survey, wave, language="en"):
    path = reverse("wagtail_spcp_surveys:take", kwargs={"token": survey.token, "wave": wave})
    return path if language == "en" else f"/{language}{path}"


def answers_for(survey, score=4, comment=""):
    data = {f"question_{question.pk}": str(score) for question in survey.questions.all()}
    data["comment"] = comment
    return data


def test_open_wave_shows_the_public_title_and_questions_only(client, survey):
    response = client.get(survey_path(survey, "before"))
    body = response.content.decode()

    assert response.status_code == 200
    assert "Harbor pulse survey" in body
    assert "I trust the police in my community to do what is right." in body
    assert "Strongly agree" in body and "Is there anything else" in body
    assert SECRET not in body and "survey-town" not in body
    assert '<meta name="robots" content="noindex, nofollow">' in body
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies, "opening the survey sets no cookie"


def test_spanish_page_shows_the_spanish_questions(client, survey):
    body = client.get(survey_path(survey, "after", "es")).content.decode()
    assert "Confío en que la policía de mi comunidad hace lo correcto." in body
    assert "¿Hay algo más que quiera decirnos?" in body


def test_a_response_stores_no_person_address_or_browser(client, survey):
    response = client.post(
        survey_path(survey, "before"),
        answers_for(survey, comment="More foot patrols, please."),
        REMOTE_ADDR=CLIENT_ADDRESS,
        HTTP_USER_AGENT=USER_AGENT,
    )
    assert response.status_code == 302

    # The models hold no link to a person or user, and no address or browser field.
    linked = {
        field.related_model
        for model in (SurveyResponse, SurveyAnswer)
        for field in model._meta.get_fields()
        if field.is_relation
    }
    assert Person not in linked and get_user_model() not in linked
    assert {field.name for field in SurveyResponse._meta.concrete_fields} == {
        "id",
        "survey",
        "wave",
        "submitted_on",
        "language",
        "comment",
    }
    assert {field.name for field in SurveyAnswer._meta.concrete_fields} == {
        "id",
        "response",
        "question",
        "score",
    }
    # And the stored values are what was answered, nothing more.
    stored = SurveyResponse.objects.get(survey=survey)
    values = SurveyResponse.objects.filter(pk=stored.pk).values().get()
    assert values == {
        "id": stored.pk,
        "survey_id": survey.pk,
        "wave": "before",
        "submitted_on": timezone.localdate(),
        "language": "en",
        "comment": "More foot patrols, please.",
    }
    assert sorted(stored.answers.values_list("score", flat=True)) == [4] * 5
    every_value = " ".join(
        str(value)
        for row in [
            *SurveyResponse.objects.values_list(),
            *SurveyAnswer.objects.values_list(),
        ]
        for value in row
    )
    assert CLIENT_ADDRESS not in every_value and USER_AGENT not in every_value


def test_one_cookie_stops_a_second_answer_and_identifies_no_one(client, survey):
    path = survey_path(survey, "after")
    response = client.post(path, answers_for(survey))

    assert response.status_code == 302 and response["Location"] == path
    assert list(response.cookies) == [answered_cookie_name(survey, "after")]
    cookie = response.cookies[answered_cookie_name(survey, "after")]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert survey.token not in cookie.key and survey.token not in cookie.value
    # The value is the same signed flag for every browser: it tells no one apart.
    other = Client().post(path, answers_for(survey, score=2))
    assert other.cookies[cookie.key].value == cookie.value
    assert SurveyResponse.objects.filter(survey=survey).count() == 2

    thanks = client.get(path).content.decode()
    assert "Thank you" in thanks and "Send my answers" not in thanks
    client.post(path, answers_for(survey, score=1))
    assert SurveyResponse.objects.filter(survey=survey).count() == 2
    # The other wave is still open to the same browser.
    assert "Send my answers" in client.get(survey_path(survey, "before")).content.decode()


def test_an_empty_form_is_refused(client, survey):
    response = client.post(survey_path(survey, "before"), {"comment": " "})
    assert response.status_code == 200
    assert "Please answer at least one question." in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_questions_may_be_skipped(client, survey):
    first = survey.questions.first()
    client.post(survey_path(survey, "before"), {f"question_{first.pk}": "5"})
    assert list(SurveyAnswer.objects.values_list("question", "score")) == [(first.pk, 5)]


@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [
        (3, None, "This survey is not open yet"),
        (-10, -1, "This survey is closed"),
        (None, None, "This survey is not open"),
    ],
)
def test_waves_open_and_close_by_date(client, survey, opens, closes, message):
    today = timezone.localdate()
    survey.before_opens_on = opens is not None and today + datetime.timedelta(days=opens) or None
    survey.before_closes_on = closes is not None and today + datetime.timedelta(days=closes) or None
    survey.save()
    path = survey_path(survey, "before")

    body = client.get(path).content.decode()
    assert message in body and "Send my answers" not in body
    client.post(path, answers_for(survey))
    assert not SurveyResponse.objects.exists()


def test_the_closing_day_is_included(client, survey):
    survey.before_closes_on = timezone.localdate()
    survey.save()
    client.post(survey_path(survey, "before"), answers_for(survey))
    assert SurveyResponse.objects.count() == 1


def test_unknown_links_are_not_found(client, survey):
    assert client.get(survey_path(survey, "during")).status_code == 404
    assert client.get(f"/survey/{survey.token[:-1]}x/before/").status_code == 404


def test_survey_pages_are_not_in_the_sitemap_or_search(client, survey):
    client.post(survey_path(survey, "before"), answers_for(survey))
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/survey/" not in sitemap and survey.token not in sitemap
    search = client.get("/search/", {"q": "Harbor pulse survey"}).content.decode()
    assert survey.token not in search
