"""A visitor requests a program and registers for a program day with the keyboard only.

In English and in Spanish, at phone and desktop widths: the first try has errors, focus moves to
the error summary and its links move focus to the fields; axe finds no WCAG 2.1 AA violation on
the forms, their error states and their success pages; nothing scrolls sideways on a phone.
"""

import datetime

from django.core import mail
from django.utils import timezone, translation

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.browser.test_accessibility import DESKTOP, PHONE, sideways_overflow
from wagtail_spcp.choices import EngagementStage
from wagtail_spcp.models import Engagement, EventRegistration, ProgramPage, ProgramRequest

pytestmark = pytest.mark.browser

# Each language at both widths, over the two forms: English requests on a phone and registers on
# a desktop, Spanish the other way round.
CASES = [
    pytest.param("en", PHONE, DESKTOP, id="en-request-phone-register-desktop"),
    pytest.param("es", DESKTOP, PHONE, id="es-request-desktop-register-phone"),
]


@pytest.fixture
def quick_forms(settings):
    """The live server runs in this process, so it sees these settings: no minimum fill time."""
    settings.SPCP_FORMS_MIN_SECONDS = 0


def in_language(message, language):
    with translation.override(language):
        return translation.gettext(message)


def focused_id(page) -> str:
    return page.evaluate("() => document.activeElement && document.activeElement.id")


def tab_to(page, selector, backwards=False, limit=80):
    """Press Tab (or Shift+Tab) until the element ``selector`` names has the focus."""
    target = page.locator(selector)
    for _ in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    pytest.fail(f"{selector} cannot be reached with the keyboard")


def type_into(page, field_id, text):
    tab_to(page, f"#{field_id}")
    page.keyboard.type(text)


def check_page(page, viewport, state):
    """axe finds nothing; on a phone nothing sticks out sideways."""
    assert_accessible(page, state)
    if viewport is PHONE:
        assert not sideways_overflow(page), (state, sideways_overflow(page))


def submit(page):
    """Tab to the form's button and press Enter."""
    tab_to(page, "main form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def follow_error_summary(page, targets):
    """Focus is on the summary; each of its links, reached by keyboard, focuses its field."""
    assert focused_id(page) == "error-summary"
    links = page.locator("#error-summary a")
    assert [link.get_attribute("href") for link in links.all()] == [f"#{t}" for t in targets]
    for target in targets:
        tab_to(page, f'#error-summary a[href="#{target}"]', backwards=True)
        page.keyboard.press("Enter")
        expect(page.locator(f"#{target}")).to_be_focused()


@pytest.mark.parametrize(("language", "request_viewport", "register_viewport"), CASES)
def test_visitor_requests_a_program_with_the_keyboard(
    page, demo_site, quick_forms, language, request_viewport, register_viewport
):
    del register_viewport
    page.set_viewport_size(request_viewport)
    program = ProgramPage.objects.filter(locale__language_code=language).order_by("path").first()
    page.goto(f"{program.url}request/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    check_page(page, request_viewport, "empty request form")

    # A first try with a one-word name and most of the form left out.
    type_into(page, "id_organisation", "Galveston Interfaith Alliance")
    type_into(page, "id_name", "Maria")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    follow_error_summary(page, ["id_name", "id_email", "id_community", "id_origin_0", "id_consent"])
    check_page(page, request_viewport, "request form with errors")

    # The entries are kept; complete them.
    expect(page.locator("#id_organisation")).to_have_value("Galveston Interfaith Alliance")
    tab_to(page, "#id_name", backwards=True)
    page.keyboard.press("End")
    page.keyboard.type(" Lopez")
    type_into(page, "id_email", "maria.lopez@example.org")
    type_into(page, "id_community", "77550")
    tab_to(page, "#id_origin_0")
    if language == "es":  # after an incident, with what happened
        page.keyboard.press("ArrowDown")
        expect(page.locator("#id_origin_1")).to_be_checked()
        type_into(page, "id_incident_description", "Una protesta tras un incidente en la escuela.")
    else:
        page.keyboard.press("Space")
        expect(page.locator("#id_origin_0")).to_be_checked()
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    expect(page.locator("#id_consent")).to_be_checked()
    submit(page)

    expect(page.get_by_role("heading", level=1)).to_have_text(
        in_language("Request received", language)
    )
    expect(page.locator("main")).to_contain_text("Southwest")
    check_page(page, request_viewport, "request received")
    requested = ProgramRequest.objects.get(requester__email="maria.lopez@example.org")
    assert requested.engagement.stage == EngagementStage.REQUESTED
    assert requested.engagement.office.region.slug == "southwest"
    assert "maria.lopez@example.org" in [address for m in mail.outbox for address in m.to]


@pytest.fixture
def event(demo_site):
    now = timezone.now()
    return EventRegistration.objects.create(
        engagement=Engagement.objects.filter(event_registration__isnull=True).first(),
        public_title="Galveston program day",
        location="Galveston Community Center, 4700 Broadway",
        starts_at=now + datetime.timedelta(days=10),
        ends_at=now + datetime.timedelta(days=10, hours=7),
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=9),
        capacity=5,
    )


@pytest.mark.parametrize(("language", "request_viewport", "register_viewport"), CASES)
def test_visitor_registers_for_a_program_day_with_the_keyboard(
    page, event, quick_forms, language, request_viewport, register_viewport
):
    del request_viewport
    page.set_viewport_size(register_viewport)
    prefix = "" if language == "en" else f"/{language}"
    page.goto(f"{prefix}/register/{event.token}/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    check_page(page, register_viewport, "empty registration form")

    type_into(page, "id_name", "Lee")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    follow_error_summary(page, ["id_name", "id_consent"])
    check_page(page, register_viewport, "registration form with errors")

    tab_to(page, "#id_name", backwards=True)
    page.keyboard.press("End")
    page.keyboard.type(" Park")
    type_into(page, "id_email", "lee.park@example.org")
    tab_to(page, "#id_sector")
    page.keyboard.press("ArrowDown")  # the first sector
    tab_to(page, "#id_preferred_language")
    if language == "es":
        page.keyboard.press("ArrowDown")
        expect(page.locator("#id_preferred_language")).to_have_value("es")
    type_into(page, "id_accessibility_needs", "A seat near the front.")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    submit(page)

    expect(page.get_by_role("heading", level=1)).to_have_text(
        in_language("You are registered", language)
    )
    check_page(page, register_viewport, "registered")
    assert event.registered_count() == 1
    assert [m.to for m in mail.outbox] == [["lee.park@example.org"]]
