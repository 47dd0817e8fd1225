"""Staff run the import wizard end to end in a real browser, with axe on every screen."""

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from wagtail_spcp.choices import ImportStatus
from wagtail_spcp.models import Engagement, ImportBatch, ImportMapping, Participation, Person

pytestmark = pytest.mark.browser

FILES = Path(__file__).resolve().parents[1] / "files"


def run_wizard(page, engagement, file_name, axe_check):
    page.goto(f"/admin/spcp/imports/engagement/{engagement.pk}/")
    axe_check("upload")
    page.get_by_label("Spreadsheet").set_input_files(FILES / file_name)
    page.get_by_role("button", name="Upload and map columns").click()
    page.wait_for_url("**/map/**")
    axe_check("map")
    page.get_by_role("button", name="Next").click()
    page.wait_for_url(re.compile(r"/(values|preview)/$"))
    if page.url.endswith("/values/"):  # values no choice covers: left blank
        axe_check("values")
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
    editor_login(form=False)
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
    editor_login(form=False)
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
    editor_login(form=False)
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


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_two_row_header_survey_export_through_values_and_rewrites(
    page, demo_site, editor_login, axe_check, viewport
):
    page.set_viewport_size(viewport)
    editor_login(form=False)
    engagement = Engagement.objects.get(slug="port-alder-2026")
    page.goto(f"/admin/spcp/imports/engagement/{engagement.pk}/")
    page.get_by_label("Spreadsheet").set_input_files(FILES / "survey-two-header-rows.csv")
    page.get_by_role("button", name="Upload and map columns").click()
    page.wait_for_url("**/map/**")
    axe_check("map")
    assert no_sideways_scroll(page)
    assert "This looks like an export from SurveyMonkey" in page.content()
    assert page.get_by_text("The file has two header rows").is_visible()
    # The question and its label read as one header, matched to the phone column.
    phone = page.get_by_label("Please tell us how to reach you. Phone Number")
    assert phone.input_value() == "phone"
    page.get_by_label("Save this mapping as").fill("Hartford survey")
    page.get_by_role("button", name="Next").click()

    page.wait_for_url("**/values/")
    axe_check("values")
    assert no_sideways_scroll(page)
    # "Clergy" is a known word for the faith sector: only the other value is asked about.
    assert page.get_by_label("Clergy", exact=True).count() == 0
    page.get_by_label("Neighborhood association").select_option(label="Business and community")
    page.get_by_role("button", name="Preview the import").click()

    page.wait_for_url("**/preview/")
    axe_check("preview")
    assert no_sideways_scroll(page)
    rewrites = page.get_by_role("table", name="Values the import rewrote")
    assert rewrites.get_by_role("cell", name="860-555-0111").is_visible()
    assert rewrites.get_by_role("cell", name="+18605550111").is_visible()
    assert rewrites.get_by_role("cell", name="6106", exact=True).is_visible()
    assert rewrites.get_by_role("cell", name="06106").is_visible()
    first_rows = page.get_by_role("table", name="The first rows as they will be stored")
    assert first_rows.get_by_role("cell", name="Marisol", exact=True).is_visible()
    assert Person.objects.filter(email="marisol.ortega@example.org").count() == 0

    page.get_by_role("button", name="Import", exact=True).click()
    page.wait_for_url("**/imports/*/")
    axe_check("summary")
    sectors = dict(
        Person.objects.filter(
            email__endswith="@example.org", last_name__in=["Ortega", "Whitman"]
        ).values_list("last_name", "sector")
    )
    assert sectors == {"Ortega": "business", "Whitman": "faith"}
    assert Person.objects.get(email="kevin.tran@example.net").phone == "+18605550114"
    saved = ImportMapping.objects.get(name="Hartford survey")
    assert saved.value_map["sector"]["Neighborhood association"] == "business"
