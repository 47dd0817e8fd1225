"""The documentation's screenshots, taken from the demo on every test run so they never go stale.

One browser page visits every admin screen at 1280 px and every public screen at 1280 px and
390 px, and writes ``<screen>-<width>.png`` into ``docs/images/screenshots/`` (git-ignored).
Then it builds the documentation site with them (``mkdocs build --strict``), which fails on a
page that shows a screenshot this test did not take; and it fails on a screenshot no page
shows. ``make docs`` runs this test, then builds the site into ``build/docs``.
"""

import mimetypes
import re
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.storage import default_storage

import pytest

from tests.docs_site import ROOT, SCREENSHOTS, build_docs, documented_screenshots
from wagtail_spcp.models import (
    CaseStudyPage,
    Council,
    Engagement,
    ImportBatch,
    OfficeFinderPage,
    ProgramPage,
    Region,
)

pytestmark = pytest.mark.browser

FILES = ROOT / "tests" / "files"

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# The files this session wrote.
WRITTEN = []
# Tall pages are cut at this height: the top of a screen is what the docs show.
MAX_HEIGHT = 2400


def public_screens():
    """(name, URL) of each public screen of the demo."""
    finder = OfficeFinderPage.objects.get(locale__language_code="en")
    program = ProgramPage.objects.get(
        slug="strengthening-police-and-community-partnerships", locale__language_code="en"
    )
    council = Council.objects.filter(is_public=True).select_related("engagement__office__region")
    council = council.first()
    return [
        ("home", "/"),
        ("programs", program.get_parent().url),
        ("program", program.url),
        ("case-study", CaseStudyPage.objects.filter(locale__language_code="en").first().url),
        ("finder", finder.url),
        ("finder-results", f"{finder.url}?q=77550"),
        ("region", finder.region_url(council.engagement.office.region)),
        ("council", finder.council_url(council.engagement.office.region, council.pk)),
        ("search", "/search/?q=council"),
        ("home-spanish", "/es/"),
    ]


def admin_screens():
    """(name, URL) of each admin screen that needs no form filled in first."""
    engagement = Engagement.objects.get(slug="port-alder-2026")
    council = Council.objects.filter(engagement=engagement).first()
    program = ProgramPage.objects.get(
        slug="strengthening-police-and-community-partnerships", locale__language_code="en"
    )
    region = Region.objects.get(pk=engagement.office.region_id)
    snippets = "/admin/snippets/wagtail_spcp"
    return [
        ("admin-dashboard", "/admin/"),
        ("admin-page-editor", f"/admin/pages/{program.pk}/edit/"),
        ("admin-agency-identity", "/admin/settings/wagtail_spcp/agencyidentity/"),
        ("admin-engagements", f"{snippets}/engagement/"),
        ("admin-engagement", f"{snippets}/engagement/inspect/{engagement.pk}/"),
        ("admin-engagement-edit", f"{snippets}/engagement/edit/{engagement.pk}/"),
        ("admin-participants", f"{snippets}/participation/?engagement={engagement.pk}"),
        ("admin-checkin", f"/admin/spcp/checkin/{engagement.pk}/"),
        ("admin-action-items", f"{snippets}/actionitem/"),
        ("admin-council", f"{snippets}/council/edit/{council.pk}/"),
        ("admin-people", f"{snippets}/person/"),
        ("admin-duplicates", f"{snippets}/person/duplicates/?region={region.pk}"),
        ("admin-regions", f"{snippets}/region/"),
        ("admin-offices", f"{snippets}/office/"),
    ]


def serve_media(route):
    """Images from the test storage (in memory), which the live server does not serve."""
    name = unquote(urlsplit(route.request.url).path).removeprefix(settings.MEDIA_URL)
    if not default_storage.exists(name):
        route.fulfill(status=404)
        return
    with default_storage.open(name) as image:
        route.fulfill(body=image.read(), content_type=mimetypes.guess_type(name)[0])


def shoot(page, name, url, viewport):
    """Open ``url`` (or stay on the page) at ``viewport`` and save ``<name>-<width>.png``."""
    page.set_viewport_size(viewport)
    if url:
        response = page.goto(url)
        assert response.ok, (name, url, response.status)
    height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_HEIGHT)
    file_name = f"{name}-{viewport['width']}.png"
    WRITTEN.append(file_name)
    page.screenshot(
        path=SCREENSHOTS / file_name,
        clip={"x": 0, "y": 0, "width": viewport["width"], "height": height},
        full_page=True,
        animations="disabled",
        caret="hide",
    )


def import_wizard(page, engagement):
    """Each step of the import wizard, with a survey export's two header rows."""
    page.goto(f"/admin/spcp/imports/engagement/{engagement.pk}/")
    shoot(page, "admin-import-upload", None, DESKTOP)
    page.get_by_label("Spreadsheet").set_input_files(FILES / "survey-two-header-rows.csv")
    page.get_by_role("button", name="Upload and map columns").click()
    page.wait_for_url("**/map/**")
    shoot(page, "admin-import-map", None, DESKTOP)
    page.get_by_label("Save this mapping as").fill("Hartford survey")
    page.get_by_role("button", name="Next").click()
    page.wait_for_url("**/values/")
    shoot(page, "admin-import-values", None, DESKTOP)
    page.get_by_label("Neighborhood association").select_option(label="Business and community")
    page.get_by_role("button", name="Preview the import").click()
    page.wait_for_url("**/preview/")
    shoot(page, "admin-import-preview", None, DESKTOP)
    page.get_by_role("button", name="Import", exact=True).click()
    page.wait_for_url(re.compile(r"/imports/\d+/$"))
    shoot(page, "admin-import-summary", None, DESKTOP)


def test_screenshots_of_every_screen_then_the_docs_build(page, demo_site, editor_login, tmp_path):
    # Files are replaced in place and stale ones removed at the end, so a `make docs` or a
    # docs build running meanwhile never misses a screenshot.
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    before = set(SCREENSHOTS.glob("*.png"))
    WRITTEN.clear()
    page.emulate_media(reduced_motion="reduce")
    page.route(f"**{settings.MEDIA_URL}**", serve_media)

    for name, url in public_screens():
        shoot(page, name, url, DESKTOP)
        shoot(page, name, None, PHONE)

    editor_login(form=False)
    for name, url in admin_screens():
        shoot(page, name, url, DESKTOP)
    engagement = Engagement.objects.get(slug="port-alder-2026")
    import_wizard(page, engagement)
    assert ImportBatch.objects.filter(dry_run=False).count() == 1
    shoot(page, "admin-import-batches", "/admin/spcp/import-batches/", DESKTOP)
    shoot(page, "admin-saved-mappings", "/admin/spcp/import-mappings/", DESKTOP)

    written = set(WRITTEN)
    for stale in before - {SCREENSHOTS / name for name in written}:
        stale.unlink()
    undocumented = written - documented_screenshots()
    assert not undocumented, f"screenshots no docs page shows: {sorted(undocumented)}"

    build_docs(tmp_path / "site")
