"""Staff run the import wizard end to end in a real browser, with axe on every screen."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from openpyxl import load_workbook

from wagtail_spcp.choices import ImportStatus
from wagtail_spcp.models import Engagement, ImportBatch, Participation

pytestmark = pytest.mark.browser

FILES = Path(__file__).resolve().parents[1] / "files"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def axe_check(page):
    axe = Axe()
    failures = {}

    def check(screen):
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
        if result.violations_count:
            failures[screen] = [v["id"] for v in result.response["violations"]]

    yield check
    assert not failures, failures


def run_wizard(page, engagement, file_name, axe_check):
    page.goto(f"/admin/spcp/imports/engagement/{engagement.pk}/")
    axe_check("upload")
    page.get_by_label("Spreadsheet").set_input_files(FILES / file_name)
    page.get_by_role("button", name="Upload and map columns").click()
    page.wait_for_url("**/map/**")
    axe_check("map")
    page.get_by_role("button", name="Preview the import").click()
    page.wait_for_url("**/preview/")
    axe_check("preview")
    page.get_by_role("button", name="Import", exact=True).click()
    page.wait_for_url("**/imports/*/")
    axe_check("summary")


def test_staff_import_a_workbook_and_download_the_export(
    page, demo_site, editor_login, axe_check, settings, tmp_path
):
    settings.SPCP_IMPORT_TASK_ROWS = 2  # five rows: runs as a background task
    editor_login()
    engagement = Engagement.objects.get(slug="port-alder-2026")
    before = Participation.objects.filter(engagement=engagement).count()

    run_wizard(page, engagement, "signups.xlsx", axe_check)

    batch = ImportBatch.objects.get(dry_run=False)
    assert batch.status == ImportStatus.COMPLETED
    assert batch.new_count == 5
    assert Participation.objects.filter(engagement=engagement).count() == before + 5
    assert page.get_by_text("signups.xlsx").first.is_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="Excel").click()
    exported = tmp_path / "export.xlsx"
    download.value.save_as(exported)
    rows = list(load_workbook(exported, read_only=True).active.iter_rows(values_only=True))
    assert len(rows) == before + 5 + 1  # a header and every participant
    assert any("maria.garcia@example.org" in row for row in rows)


def test_staff_download_the_error_workbook(page, demo_site, editor_login, axe_check, tmp_path):
    editor_login()
    engagement = Engagement.objects.get(slug="port-alder-2026")

    run_wizard(page, engagement, "invalid-values.csv", axe_check)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the result workbook").click()
    workbook = tmp_path / "errors.xlsx"
    download.value.save_as(workbook)
    rows = list(load_workbook(workbook, read_only=True).active.iter_rows(values_only=True))
    header = [str(cell).lower() for cell in rows[0]]
    assert "errors" in header
    assert len(rows) - 1 == ImportBatch.objects.get(dry_run=False).invalid_count > 0


def test_batch_page_shows_progress_then_the_summary(page, demo_site, editor_login, axe_check):
    editor_login()
    engagement = Engagement.objects.get(slug="port-alder-2026")
    batch = ImportBatch.objects.create(
        engagement=engagement,
        file_name="large-signups.xlsx",
        file_sha256="0" * 64,
        status=ImportStatus.RUNNING,
        total_rows=1000,
        processed_rows=250,
    )

    script_errors = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    page.goto(f"/admin/spcp/imports/{batch.pk}/")
    progress = page.get_by_label("Progress")
    assert progress.evaluate("element => element.value") == 25
    axe_check("progress")

    ImportBatch.objects.filter(pk=batch.pk).update(processed_rows=1000, new_count=1000)
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportStatus.COMPLETED)
    # The page polls its progress URL and reloads into the summary when the import ends.
    page.get_by_role("link", name="All imports").wait_for(timeout=15_000)
    assert progress.count() == 0
    assert not script_errors
