"""A visitor finds their office in a real browser: by ZIP, by ambiguous city, by keyboard only."""

import pytest

from wagtail_spcp.models import OfficeFinderPage

pytestmark = pytest.mark.browser


@pytest.fixture
def finder_url(demo_site):
    return OfficeFinderPage.objects.get(locale__language_code="en").url


def results(page):
    return page.locator("#results")


def test_visitor_finds_the_office_by_zip(page, finder_url):
    page.goto(finder_url)
    page.get_by_label("ZIP code, city or state").fill("77550")
    page.get_by_role("button", name="Find an office").click()

    heading = results(page).get_by_role("heading", level=2)
    assert "Galveston" in heading.inner_text()
    assert results(page).get_by_role("heading", name="Southwest Regional Office").is_visible()
    field_offices = results(page).get_by_role("heading", level=4).all_inner_texts()
    assert field_offices[0] == "Houston Field Office"


def test_visitor_chooses_among_cities_of_the_same_name(page, finder_url):
    page.goto(finder_url)
    page.get_by_label("ZIP code, city or state").fill("Galveston")
    page.get_by_role("button", name="Find an office").click()

    assert results(page).get_by_role("heading", name="Choose your place").is_visible()
    page.get_by_role("link", name="Galveston, Texas").click()

    assert results(page).get_by_role("heading", name="Southwest Regional Office").is_visible()
    assert "q=Galveston" in page.url


def test_visitor_uses_only_the_keyboard(page, finder_url):
    page.goto(finder_url)
    search_box = page.get_by_label("ZIP code, city or state")
    for _ in range(40):  # tab through the page until the search box has focus
        page.keyboard.press("Tab")
        if search_box.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("the search box cannot be reached with the Tab key")

    page.keyboard.type("02108")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=02108*")
    assert results(page).get_by_role("heading", name="New England Regional Office").is_visible()

    # The region link in the results is reachable and works from the keyboard too.
    region_link = results(page).get_by_role("link", name="About the New England region")
    region_link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/new-england/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("New England")
