"""Staff find probable duplicates, compare two records side by side, merge and undo,
in a real browser at phone and desktop widths, with axe on each new screen."""

import re

import pytest

from wagtail_spcp.models import Person, Region

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture
def two_priyas(demo_site):
    region = Region.objects.get(slug="northwest")
    kept = Person.objects.create(
        region=region,
        first_name="Priya",
        last_name="Lefèvre",
        email="priya@work.example.org",
        phone="+12065550101",
        organisation="Harbor Clinic",
    )
    other = Person.objects.create(
        region=region,
        first_name="Priya",
        last_name="Lefevre",
        email="priya@home.example.net",
        phone="+12065550101",
        organisation="Eastside Youth",
    )
    return region, kept, other


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_find_compare_merge_and_undo(page, editor_login, axe_check, two_priyas, viewport):
    region, kept, other = two_priyas
    page.set_viewport_size(VIEWPORTS[viewport])
    editor_login(form=False)

    page.goto(f"/admin/snippets/wagtail_spcp/person/duplicates/?region={region.pk}")
    row = page.locator("tr", has_text="priya@home.example.net")
    row.get_by_text("Same phone", exact=True).wait_for()
    axe_check("duplicates")
    row.get_by_role("link", name="Compare and merge").click()
    page.get_by_role("heading", name="Compare and choose what to keep").wait_for()
    axe_check("review")
    page.get_by_role("radio", name="priya@home.example.net").check()
    page.get_by_role("button", name="Merge the two records").click()
    page.wait_for_url(re.compile(rf"/person/edit/{kept.pk}/$"))
    kept.refresh_from_db()
    assert kept.email == "priya@home.example.net"
    assert kept.alternate_emails == ["priya@work.example.org"]
    assert not Person.objects.filter(pk=other.pk).exists()

    page.get_by_role("link", name="Undo").click()
    page.wait_for_url("**/merge/undo/*/")
    axe_check("undo")
    page.get_by_role("button", name="Undo the merge").click()
    page.wait_for_url(re.compile(rf"/person/edit/{other.pk}/$"))
    kept.refresh_from_db()
    assert kept.email == "priya@work.example.org"
    assert Person.objects.get(pk=other.pk).email == "priya@home.example.net"


def test_the_chooser_tells_two_people_of_one_name_apart(page, editor_login, two_priyas):
    _region, kept, other = two_priyas
    editor_login(form=False)
    page.goto("/admin/snippets/wagtail_spcp/person/merge/")
    page.get_by_role("button", name=re.compile("Choose", re.I)).first.click()
    search = page.get_by_role("textbox", name="Search term")
    search.fill("Lefevre")
    results = page.locator(".modal-content table")
    results.get_by_text("priya@home.example.net").wait_for()
    assert results.get_by_text("Eastside Youth").is_visible()
    assert results.get_by_text("priya@work.example.org").is_visible()
    results.get_by_role("link", name=str(other)).click()
    page.locator(".modal-content").wait_for(state="hidden")
    assert page.locator("input[name=survivor]").input_value() == str(other.pk)
