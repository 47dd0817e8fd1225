"""A visitor searches the site in a real browser, on a phone and a desktop, with axe on each."""

import pytest

from wagtail_spcp.models import ProgramIndexPage, ProgramPage

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def searchable_site(demo_site):
    """The demo site with an editor's pick for "request" and two pages of "harbor" programs."""
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    programs = ProgramIndexPage.objects.get(locale__language_code="en")
    for number in range(1, 13):
        programs.add_child(
            instance=ProgramPage(
                title=f"Harbor forum {number:02d}",
                slug=f"harbor-forum-{number:02d}",
                summary="A half-day forum for harbor towns, with a very long "
                "Supercalifragilisticexpialidociousharborword in its summary.",
                length="Half a day",
                audience="Harbor neighbors",
            )
        )
    SearchPromotion.objects.create(
        query=Query.get("request"),
        page=ProgramPage.objects.get(slug="strengthening-police-and-community-partnerships"),
        description="How to ask for the program in your community.",
    )


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_visitor_searches_pages_through_results_and_pagination(
    page, searchable_site, axe_check, viewport
):
    page.set_viewport_size(viewport)
    page.goto("/search/")
    assert page.get_by_role("heading", level=1).inner_text() == "Search"
    assert page.get_by_role("search", name="Search this site").is_visible()
    axe_check("empty")
    assert no_sideways_scroll(page), "empty"

    page.get_by_label("Search terms").fill("harbor")
    page.get_by_role("main").get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url("**/search/?q=harbor")
    assert page.get_by_role("status").inner_text().startswith("12 results for “harbor”")
    results = page.locator(".spcp-search-result")
    assert results.count() == 10
    assert results.first.locator(".spcp-search-result__type").inner_text() == "Program"
    pagination = page.get_by_role("navigation", name="Pagination")
    assert pagination.is_visible()
    axe_check("results, page 1")
    assert no_sideways_scroll(page), "results, page 1"

    pagination.get_by_role("link", name="Page 2").click()
    page.wait_for_url("**/search/?q=harbor&page=2")
    assert results.count() == 2
    assert page.get_by_role("link", name="Page 2").get_attribute("aria-current") == "page"
    axe_check("results, page 2")
    assert no_sideways_scroll(page), "results, page 2"

    page.goto("/search/?q=request")
    recommended = page.get_by_role("region", name="Recommended")
    assert recommended.get_by_role("link").first.inner_text() == (
        "Strengthening Police and Community Partnerships"
    )
    assert "How to ask for the program" in recommended.inner_text()
    axe_check("promoted")
    assert no_sideways_scroll(page), "promoted"

    page.goto("/search/?q=zebra")
    assert page.get_by_role("heading", name="No pages match your search").is_visible()
    page.get_by_role("link", name="Programs").last.click()
    page.wait_for_url("**/programs/")
    page.go_back()
    axe_check("no results")
    assert no_sideways_scroll(page), "no results"


def test_visitor_searches_with_the_keyboard_only(page, searchable_site):
    page.set_viewport_size(PHONE)
    page.goto("/search/")
    page.get_by_label("Search terms").focus()
    page.keyboard.type("forum")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=forum")
    in_results = "document.activeElement.closest('.spcp-search-result') !== null"
    for _ in range(20):  # skip link, header, search box and button come first
        page.keyboard.press("Tab")
        if page.evaluate(in_results):
            break
    assert page.evaluate(in_results), "the first result is reached with Tab"
    page.keyboard.press("Enter")
    page.wait_for_url("**/programs/**")
