"""Every public page type and finder state, at phone and desktop widths, in a real browser.

axe-core finds no WCAG 2.1 A or AA violation; at 320 and 390 px nothing scrolls sideways, the office
cards fit the screen and the controls are large enough to touch; every search button has a name.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from wagtail_spcp.models import (
    CaseStudyPage,
    Council,
    OfficeFinderPage,
    ProgramIndexPage,
    ProgramPage,
    Region,
)

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
NARROWEST = {"width": 320, "height": 640}
MIN_TOUCH_TARGET = 44  # px, WCAG 2.5.5 (AAA) and USWDS's own target size


@pytest.fixture
def public_council(demo_site):
    """The demo's council, marked public with a long contact email, so its page is public."""
    council = Council.objects.get()
    council.is_public = True
    council.public_summary = "The council meets monthly and welcomes residents."
    council.public_contact_name = "Council secretary"
    council.public_contact_email = "council-secretary.port-alder-community-council@example.org"
    council.save()
    return council


def public_urls(council=None, language="en"):
    """Every public page type and finder state in ``language`` (Spanish under "/es/")."""
    in_language = {"locale__language_code": language}
    finder = OfficeFinderPage.objects.get(**in_language)
    programs = ProgramIndexPage.objects.get(**in_language).url
    program = ProgramPage.objects.filter(**in_language).order_by("path").first()
    urls = [
        "/" if language == "en" else f"/{language}/",
        programs,
        program.url,
        CaseStudyPage.objects.get(**in_language).url,
        finder.url,
        f"{finder.url}?q=77550",
        f"{finder.url}?q=Galveston",
        f"{finder.url}?q=Nowhereville, ZZ",
        f"{finder.url}?q=AE",
        f"{finder.url}southwest/",
        f"{programs}?q=council",
        f"{programs}?q=zzzz-no-such-words",
    ]
    if council is not None:
        region = Region.objects.get(pk=council.engagement.office.region_id)
        urls.append(finder.council_url(region, council.pk))
    return urls


def describe(violations):
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} nodes, e.g. "
        f"{violation['nodes'][0]['target']})"
        for violation in violations
    ]


def sideways_overflow(page) -> list[str]:
    """What sticks out past the right edge of the window: empty when nothing does."""
    return page.evaluate(
        """() => {
          if (document.documentElement.scrollWidth <= window.innerWidth) return [];
          return [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 5)
            .map(el => `${el.tagName.toLowerCase()}.${el.className} ` +
                       `(right edge ${Math.round(el.getBoundingClientRect().right)} px)`)
            .concat([`scrollWidth ${document.documentElement.scrollWidth} px`]);
        }"""
    )


def small_touch_targets(page) -> list[str]:
    """Buttons, form fields and the header's and footer's links smaller than 44 px."""
    return page.evaluate(
        """(minimum) => [...document.querySelectorAll(
              'button, input:not([type=hidden]), select, .usa-header a, .usa-banner button, ' +
              '.usa-identifier__required-link, .usa-identifier__logo, .usa-breadcrumb a')]
            .filter(el => el.offsetParent !== null)
            .filter(el => {
              const box = el.getBoundingClientRect();
              return box.width > 0 && (box.height < minimum - 0.5 || box.width < minimum - 0.5);
            })
            .map(el => `${el.tagName.toLowerCase()} “${(el.innerText || el.value || '').trim()}” ` +
                       `${Math.round(el.getBoundingClientRect().width)}x` +
                       `${Math.round(el.getBoundingClientRect().height)}`)""",
        MIN_TOUCH_TARGET,
    )


def nameless_buttons(page) -> list[str]:
    """The accessibility tree of each search button that has no accessible name."""
    snapshots = [button.aria_snapshot() for button in page.locator(".usa-search button").all()]
    return [snapshot for snapshot in snapshots if not re.search(r'button "\w', snapshot)]


def overflowing_cards(page) -> list[str]:
    """Cards whose content runs past the card's own edge or the window's."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.usa-card__container')]
            .filter(card => card.scrollWidth > card.clientWidth + 1 ||
                            card.getBoundingClientRect().right > window.innerWidth + 1)
            .map(card => card.querySelector('.usa-card__heading')?.innerText || '?')"""
    )


@pytest.mark.parametrize(
    "viewport", [NARROWEST, PHONE, DESKTOP], ids=["narrowest", "phone", "desktop"]
)
def test_public_pages_have_no_wcag_violations(page, public_council, viewport):
    page.set_viewport_size(viewport)
    console_errors = []
    page.on(
        "console", lambda message: message.type == "error" and console_errors.append(message.text)
    )
    axe = Axe()
    failures = {}
    for url in public_urls(public_council):
        response = page.goto(url)
        assert response.status in (200, 404), (url, response.status)
        problems = []
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
        if result.violations_count:
            problems += describe(result.response["violations"])
        problems += [
            f"search button with no name: {snapshot}" for snapshot in nameless_buttons(page)
        ]
        if viewport is not DESKTOP:
            problems += sideways_overflow(page)
            problems += [f"small target: {target}" for target in small_touch_targets(page)]
            problems += [f"card overflows: {card}" for card in overflowing_cards(page)]
        if problems:
            failures[url] = problems
    assert not failures, failures
    # The Content Security Policy blocks nothing the pages need (USWDS scripts, styles, icons).
    assert not [text for text in console_errors if "Content Security Policy" in text], (
        console_errors
    )


def test_search_buttons_show_the_icon_and_keep_their_names_on_a_phone(page, demo_site):
    page.set_viewport_size(PHONE)
    page.goto(ProgramIndexPage.objects.get(locale__language_code="en").url)
    button = page.locator("#main-content .usa-search button")
    expect(button).to_have_accessible_name("Search")
    icon = button.locator("img.usa-search__submit-icon")
    expect(icon).to_be_visible()
    assert icon.get_attribute("src").endswith("img/usa-icons-bg/search--white.svg")
    assert icon.evaluate("img => img.complete && img.naturalWidth > 0")

    page.goto(OfficeFinderPage.objects.get(locale__language_code="en").url)
    expect(page.locator("#main-content .usa-search button")).to_have_accessible_name(
        "Find an office"
    )


def test_the_office_card_fits_the_narrowest_phone(page, demo_site):
    page.set_viewport_size(NARROWEST)
    page.goto(f"{OfficeFinderPage.objects.get(locale__language_code='en').url}?q=77550")
    card = page.locator("#results .usa-card").first
    expect(card.get_by_role("heading", name="Southwest Regional Office")).to_be_visible()
    assert not overflowing_cards(page)
    assert not sideways_overflow(page)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_official_website_banner_opens_and_closes(page, demo_site, viewport):
    page.set_viewport_size(viewport)
    page.goto("/")
    banner = page.get_by_role("region", name="Official website of the United States government")
    button = banner.get_by_role("button", name="Here’s how you know")
    guidance = banner.get_by_text("Official websites use .gov")
    expect(guidance).to_be_hidden()

    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(guidance).to_be_visible()
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    assert not result.violations_count, describe(result.response["violations"])
    if viewport is PHONE:
        assert not sideways_overflow(page)

    button.focus()
    page.keyboard.press("Enter")
    expect(guidance).to_be_hidden()

    # The footer identifier names the agency and shows only the links the demo sets.
    identifier = page.get_by_role("navigation", name="Important links")
    expect(identifier.get_by_role("link")).to_have_count(1)
    expect(identifier.get_by_role("link", name="About Community Relations Service")).to_be_visible()
    expect(page.get_by_role("link", name="Visit USA.gov")).to_be_visible()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_spanish_pages_have_no_wcag_violations(page, public_council, viewport):
    page.set_viewport_size(viewport)
    axe = Axe()
    failures = {}
    for url in [*public_urls(public_council, language="es"), "/es/search/?q=consejo"]:
        response = page.goto(url)
        assert response.status in (200, 404), (url, response.status)
        assert page.locator("html").get_attribute("lang") == "es", url
        problems = []
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
        if result.violations_count:
            problems += describe(result.response["violations"])
        if viewport is not DESKTOP:
            problems += sideways_overflow(page)
            problems += [f"small target: {target}" for target in small_touch_targets(page)]
            problems += [f"card overflows: {card}" for card in overflowing_cards(page)]
        if problems:
            failures[url] = problems
    assert not failures, failures


@pytest.mark.parametrize(
    "viewport", [NARROWEST, PHONE, DESKTOP], ids=["narrowest", "phone", "desktop"]
)
def test_visitor_switches_language_on_a_program_page_and_on_finder_results(
    page, demo_site, viewport
):
    page.set_viewport_size(viewport)
    program = ProgramPage.objects.get(slug="strengthening-police-and-community-partnerships")
    page.goto(program.url)
    switch = page.get_by_role("link", name="Español", exact=True)
    expect(switch).to_have_count(1)  # the other copy is hidden at this width
    expect(switch).to_have_attribute("hreflang", "es")
    expect(switch).to_have_attribute("lang", "es")
    box = switch.bounding_box()
    assert box["height"] >= MIN_TOUCH_TARGET and box["width"] >= MIN_TOUCH_TARGET
    switch.click()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Fortalecimiento de las Alianzas entre la Policía y la Comunidad"
    )
    assert not sideways_overflow(page)

    page.get_by_role("link", name="English", exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url.endswith(program.url)

    # The finder's results stay on the same query in the other language.
    page.goto(f"{OfficeFinderPage.objects.get(locale__language_code='en').url}?q=77550")
    page.get_by_role("link", name="Español", exact=True).click()
    expect(page.locator("#results")).to_contain_text("Oficinas locales de su región")
    assert page.url.endswith("/es/oficinas/?q=77550")
