"""An editor creates and publishes a program page in the Wagtail admin, in a real browser."""

import re

import pytest

from wagtail_spcp.models import ProgramIndexPage, ProgramPage

pytestmark = pytest.mark.browser


def test_editor_creates_and_publishes_a_program_page(page, demo_site, editor_login):
    editor_login()
    index = ProgramIndexPage.objects.get(slug="programs", locale__language_code="en")

    page.goto(f"/admin/pages/add/wagtail_spcp/programpage/{index.pk}/")
    page.locator("#id_title").fill("Campus Dialogue")
    page.locator("#id_summary").fill("A facilitated dialogue for a college campus.")
    page.locator("#id_length").fill("Two days")
    page.locator("#id_audience").fill("Students, faculty and campus police.")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()

    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    assert page.get_by_text("Page 'Campus Dialogue' created and published.").is_visible()

    program = ProgramPage.objects.get(title="Campus Dialogue")
    assert program.live
    assert program.get_parent().specific == index
    assert program.summary == "A facilitated dialogue for a college campus."
