"""The demo survey taken before and after on a phone (390 px) and a laptop (1280 px), then its
results page; axe finds no WCAG 2.1 AA violation on any of them."""

import datetime

from django.utils import timezone

import pytest

from tests.browser.axe import assert_accessible
from wagtail_spcp.models import Survey, SurveyResponse

pytestmark = pytest.mark.browser


def take_survey(page, path, width, answer):
    page.goto(path)
    assert_accessible(page, f"{path} form")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    questions = page.get_by_role("group")
    assert questions.count() == 5
    for index in range(questions.count()):
        questions.nth(index).get_by_text(answer, exact=True).click()
    page.get_by_label("Is there anything else you would like to tell us?").fill(
        "Thank you for listening."
    )
    page.get_by_role("button", name="Send my answers").click()
    page.get_by_role("heading", name="Thank you").wait_for()
    assert_accessible(page, f"{path} thanks")


@pytest.mark.parametrize("width", [390, 1280])
def test_survey_before_and_after_then_results(page, demo_site, editor_login, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(reduced_motion="reduce")
    survey = Survey.objects.get(engagement__slug="port-alder-2026")
    # Open the "before" wave again today, as on a program day.
    today = timezone.localdate()
    survey.before_opens_on = today - datetime.timedelta(days=1)
    survey.before_closes_on = today
    survey.save()
    counts = {wave: survey.responses.filter(wave=wave).count() for wave in ("before", "after")}

    take_survey(page, f"/survey/{survey.token}/before/", width, "Disagree")
    take_survey(page, f"/survey/{survey.token}/after/", width, "Strongly agree")

    for wave, answered in (("before", 2), ("after", 5)):
        assert survey.responses.filter(wave=wave).count() == counts[wave] + 1
        latest = SurveyResponse.objects.filter(survey=survey, wave=wave).latest("pk")
        assert set(latest.answers.values_list("score", flat=True)) == {answered}
    # The browser cannot answer a wave twice.
    page.goto(f"/survey/{survey.token}/after/")
    page.get_by_role("heading", name="Thank you").wait_for()

    editor_login(form=False)
    page.goto(f"/admin/spcp/surveys/{survey.pk}/results/")
    page.get_by_role("heading", name="Agreement before and after").wait_for()
    assert_accessible(page, "results")
    figures = page.locator('[data-spcp-table="figures"]')
    assert (
        figures.locator('tr[data-question="1"][data-wave="after"] td').nth(1).inner_text() == "21"
    )
    assert (
        "Withheld: fewer than 5 answers"
        in figures.locator('tr[data-question="5"][data-wave="before"]').inner_text()
    )
    assert page.locator('[data-spcp-table="responses"] td[data-wave="before"]').inner_text() == "25"
