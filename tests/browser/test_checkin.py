"""Staff check people in at the door on a phone (390 px) and a laptop (1280 px): search as
they type, tap to check in, undo, add a walk-in; axe finds no WCAG 2.1 AA violation."""

import re

import pytest

from tests.browser.axe import assert_accessible
from wagtail_spcp.choices import ParticipationStatus
from wagtail_spcp.models import Engagement, Participation, Person

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [390, 1280])
def test_check_in_search_tap_undo_and_walk_in(page, demo_site, editor_login, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(reduced_motion="reduce")
    editor_login(form=False)
    engagement = Engagement.objects.get(slug="port-alder-2026")
    region = engagement.office.region
    for first, last, organisation in [
        ("Imani", "Okonkwo", "Harbor Youth Center"),
        ("Imelda", "Ruiz", "St. Brendan Parish"),
        ("Tomas", "Nguyen", "Port Alder Police"),
    ]:
        person = Person.objects.create(
            region=region,
            first_name=first,
            last_name=last,
            email=f"{first.lower()}@example.org",
            organisation=organisation,
        )
        Participation.objects.create(person=person, engagement=engagement)

    page.goto(f"/admin/spcp/checkin/{engagement.pk}/")
    assert_accessible(page, "check-in")
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    # Type-ahead: the results narrow without submitting the form.
    page.get_by_label("Find a participant by name, email or organization").fill("okonkwo")
    results = page.locator("#spcp-checkin-results")
    results.get_by_text("1 participant matches").wait_for()
    assert results.locator(".spcp-checkin__name").all_inner_texts() == ["Imani Okonkwo"]

    # One tap checks in; the row and the counts change in place.
    results.get_by_role("button", name="Check in Imani Okonkwo").click()
    page.get_by_role("status").get_by_text("Imani Okonkwo is checked in.").wait_for()
    participation = Participation.objects.get(person__last_name="Okonkwo")
    assert participation.status == ParticipationStatus.ATTENDED
    undo = results.get_by_role("button", name="Undo check-in of Imani Okonkwo")
    assert undo.is_visible()
    assert undo.evaluate("button => button === document.activeElement")
    assert_accessible(page, "checked in")

    undo.click()
    page.get_by_role("status").get_by_text("is no longer checked in").wait_for()
    participation.refresh_from_db()
    assert participation.status == ParticipationStatus.REGISTERED

    # A walk-in: added, checked in and shown.
    form = page.get_by_role("region", name="Add a walk-in")
    form.get_by_label("Name").fill("Rosa Delgado")
    form.get_by_label("Email").fill("rosa.delgado@example.org")
    form.get_by_label("Organization").fill("Harbor Tenants Union")
    form.get_by_label("Sector").select_option(label="Civil rights")
    form.get_by_label("Agrees to be contacted after the program").check()
    form.get_by_role("button", name="Add and check in").click()
    page.wait_for_url(re.compile(r"\?q=Rosa"))
    page.get_by_text("Rosa Delgado was added as a walk-in and checked in.").wait_for()
    walk_in = Participation.objects.get(person__email="rosa.delgado@example.org")
    assert walk_in.walk_in and walk_in.status == ParticipationStatus.ATTENDED
    counts = page.locator(".spcp-checkin__counts")
    assert "Walk-ins" in counts.inner_text()
    assert_accessible(page, "after walk-in")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
