"""Every public page type and finder state, at phone and desktop widths, in a real browser.

axe-core finds no WCAG 2.1 A or AA violation at 390 and 1280 px; at 320 and 390 px nothing
scrolls sideways, the office cards fit the screen and the controls are large enough to touch;
every search button has a name.
"""

import mimetypes
import re
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.storage import default_storage

import pytest
from playwright.sync_api import expect

from spcp_demo.home.models import HomePage
from tests.browser.axe import assert_accessible, violations
from wagtail_spcp.models import (
    CaseStudyPage,
    Council,
    OfficeFinderPage,
    ProgramIndexPage,
    ProgramPage,
    Region,
)

pytestmark = pytest.mark.browser

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
    """The accessibility tree of each shown search button that has no accessible name.

    A button out of sight (the header's, in a phone's closed menu) is out of the tree too.
    """
    buttons = page.locator(".usa-search button").all()
    snapshots = [button.aria_snapshot() for button in buttons if button.is_visible()]
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
    failures = {}
    for url in public_urls(public_council):
        response = page.goto(url)
        assert response.status in (200, 404), (url, response.status)
        problems = []
        # axe runs at the phone and desktop widths; at 320 px the layout checks below.
        if viewport is not NARROWEST:
            problems += violations(page)
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
    assert_accessible(page, "banner open")
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
    failures = {}
    for url in [*public_urls(public_council, language="es"), "/es/search/?q=consejo"]:
        response = page.goto(url)
        assert response.status in (200, 404), (url, response.status)
        assert page.locator("html").get_attribute("lang") == "es", url
        problems = []
        problems += violations(page)
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


def serve_media(page):
    """Serve ``/media/`` from the test storage (in memory; the test server does not serve it)."""

    def fulfill(route):
        name = unquote(urlsplit(route.request.url).path).removeprefix(settings.MEDIA_URL)
        if not default_storage.exists(name):
            route.fulfill(status=404)
            return
        with default_storage.open(name) as file:
            route.fulfill(body=file.read(), content_type=mimetypes.guess_type(name)[0])

    page.route("**/media/**", fulfill)


def loaded_image(page, selector):
    """The image's rendered box and whether it loaded, after scrolling it into view."""
    image = page.locator(selector).first
    image.scroll_into_view_if_needed()
    expect(image).to_be_visible()
    page.wait_for_function("(el) => el.complete && el.naturalWidth > 0", arg=image.element_handle())
    return image.bounding_box()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_home_hero_and_program_images_load_fit_and_pass_axe(page, demo_site, viewport):
    page.set_viewport_size(viewport)
    serve_media(page)
    home = HomePage.objects.get(locale__language_code="en")
    program = ProgramPage.objects.get(slug="strengthening-police-and-community-partnerships")

    page.goto("/")
    hero = page.locator("img.spcp-hero__img")
    expect(hero).to_have_attribute("alt", home.image.description)
    box = loaded_image(page, "img.spcp-hero__img")
    assert box["width"] == pytest.approx(viewport["width"], abs=1)
    callout = page.locator(".spcp-hero__callout").bounding_box()
    if viewport is PHONE:
        # Stacked: the image above the call-out, which keeps its dark background.
        assert callout["y"] >= box["y"] + box["height"] - 1
    else:
        # The call-out sits on the image.
        assert (
            box["y"] <= callout["y"]
            and callout["y"] + callout["height"] <= box["y"] + box["height"]
        )
    expect(page.get_by_role("heading", level=1)).to_have_text(home.hero_heading)
    card_images = page.locator(".usa-card__img img")
    expect(card_images).to_have_count(2)
    loaded_image(page, ".usa-card__img img")
    assert_accessible(page, "home")
    assert not sideways_overflow(page)

    page.goto(program.url)
    image = page.locator("img.spcp-page-image__img")
    expect(image).to_have_attribute("alt", program.image_alt)
    expect(image).not_to_have_attribute("loading", "lazy")
    box = loaded_image(page, "img.spcp-page-image__img")
    content_width = page.locator("main .grid-container").first.evaluate("el => el.clientWidth")
    assert box["width"] <= content_width
    assert_accessible(page, "program")
    assert not sideways_overflow(page)
    if viewport is PHONE:
        assert not small_touch_targets(page)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_header_search_box_on_a_phone_and_a_desktop(page, demo_site, viewport):
    page.set_viewport_size(viewport)
    page.goto(ProgramIndexPage.objects.get(locale__language_code="en").url)
    header_search = page.get_by_role("search").filter(has=page.locator("#header-search-q"))
    if viewport is PHONE:
        expect(header_search).to_be_hidden()  # inside the closed menu
        page.get_by_role("button", name="Menu").click()
    expect(header_search).to_be_visible()
    expect(header_search.get_by_role("button")).to_have_accessible_name("Search")
    if viewport is PHONE:
        assert not small_touch_targets(page)
    page.get_by_label("Search this site").fill("council")
    page.get_by_label("Search this site").press("Enter")
    page.wait_for_url("**/search/?q=council")
    expect(page.locator("#site-search-count")).to_contain_text("council")


def test_axe_reports_a_real_violation(page):
    """The check the tests above rely on does find a violation: a button with no name."""
    page.set_content(
        '<!doctype html><html lang="en"><title>Check</title><main><button></button></main></html>'
    )
    assert [found for found in violations(page) if found.startswith("button-name:")]
