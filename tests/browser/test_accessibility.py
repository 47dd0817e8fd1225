"""axe-core finds no WCAG 2.1 A or AA violation on any public page type or finder result."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from wagtail_spcp.models import CaseStudyPage, OfficeFinderPage, ProgramIndexPage, ProgramPage

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def public_urls():
    finder = OfficeFinderPage.objects.get().url
    program = ProgramPage.objects.get(slug="strengthening-police-and-community-partnerships")
    return [
        "/",
        ProgramIndexPage.objects.get().url,
        program.url,
        CaseStudyPage.objects.get().url,
        finder,
        f"{finder}?q=77550",
        f"{finder}?q=Galveston",
        f"{finder}?q=Nowhereville, ZZ",
        f"{finder}?q=AE",
        f"{finder}southwest/",
        f"{ProgramIndexPage.objects.get().url}?q=council",
    ]


def describe(violations):
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} nodes, e.g. "
        f"{violation['nodes'][0]['target']})"
        for violation in violations
    ]


def test_public_pages_have_no_wcag_violations(page, demo_site):
    console_errors = []
    page.on(
        "console", lambda message: message.type == "error" and console_errors.append(message.text)
    )
    axe = Axe()
    failures = {}
    for url in public_urls():
        page.goto(url)
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
        if result.violations_count:
            failures[url] = describe(result.response["violations"])
    assert not failures, failures
    # The Content Security Policy blocks nothing the pages need (USWDS scripts, styles, icons).
    assert not [text for text in console_errors if "Content Security Policy" in text], (
        console_errors
    )


def test_spanish_pages_have_no_wcag_violations(browser, live_server, demo_site):
    context = browser.new_context(base_url=live_server.url, locale="es-ES")
    page = context.new_page()
    try:
        axe = Axe()
        failures = {}
        for url in public_urls()[:6]:
            page.goto(url, wait_until="load")
            assert page.locator("html").get_attribute("lang") == "es"
            result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
            if result.violations_count:
                failures[url] = describe(result.response["violations"])
        assert not failures, failures
    finally:
        context.close()
