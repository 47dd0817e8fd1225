"""The spcp_import and spcp_export commands."""

import datetime
import inspect
import io
import re

from django.core.management import CommandError, call_command

import openpyxl
import pytest

from tests.utils import FILES
from wagtail_spcp.choices import MatchKey
from wagtail_spcp.importing import batches
from wagtail_spcp.importing.reading import read_table
from wagtail_spcp.models import ImportBatch, ImportMapping, Participation, Person, Region


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_import_prints_one_summary_line(engagement):
    output = run("spcp_import", str(FILES / "signups.xlsx"), "--engagement", engagement.slug)
    assert output == "new=5 updated=0 skipped=0 invalid=0\n"
    again = run("spcp_import", str(FILES / "signups.xlsx"), "--engagement", engagement.slug)
    assert again == "new=0 updated=0 skipped=5 invalid=0\n"
    batch = ImportBatch.objects.first()
    assert len(batch.file_sha256) == 64
    assert batch.mapping["email"] == "email"


def test_import_dry_run_and_policy(engagement):
    output = run(
        "spcp_import",
        str(FILES / "invalid-values.csv"),
        "--engagement",
        engagement.slug,
        "--dry-run",
        "--on-duplicate",
        "skip",
    )
    assert output == "new=2 updated=0 skipped=0 invalid=5\n"
    assert Person.objects.count() == 0
    assert ImportBatch.objects.get().duplicate_policy == "skip"


def test_import_with_saved_mapping(engagement):
    ImportMapping.objects.create(
        name="paper sheet",
        columns={"firstname": "first_name", "organisation": "last_name", "phone": "phone"},
    )
    output = run(
        "spcp_import",
        str(FILES / "missing-required-column.csv"),
        "--engagement",
        engagement.slug,
        "--mapping",
        "paper sheet",
    )
    assert output == "new=1 updated=0 skipped=0 invalid=0\n"
    assert Person.objects.get().last_name == "Org"


@pytest.mark.parametrize(
    "name", ["empty.csv", "not-a-spreadsheet.xlsx", "truncated.xlsx", "zip-bomb.xlsx"]
)
def test_import_exits_non_zero_on_unreadable_file(engagement, name):
    with pytest.raises(CommandError, match="Cannot import"):
        run("spcp_import", str(FILES / name), "--engagement", engagement.slug)


def test_import_missing_file_and_engagement(engagement):
    with pytest.raises(CommandError, match="Cannot read"):
        run("spcp_import", str(FILES / "nope.csv"), "--engagement", engagement.slug)
    with pytest.raises(CommandError, match="No engagement"):
        run("spcp_import", str(FILES / "signups.xlsx"), "--engagement", "nope")


def test_import_too_large(engagement, settings):
    settings.SPCP_IMPORT_MAX_BYTES = 10
    with pytest.raises(CommandError, match="largest file"):
        run("spcp_import", str(FILES / "signups.xlsx"), "--engagement", engagement.slug)


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_export_then_import(engagement, tmp_path, file_format):
    run("spcp_import", str(FILES / "signups.xlsx"), "--engagement", engagement.slug)
    target = tmp_path / f"roster.{file_format}"
    output = run(
        "spcp_export", "--engagement", engagement.slug, "--format", file_format, "-o", str(target)
    )
    assert output == "exported=5\n"
    again = run("spcp_import", str(target), "--engagement", engagement.slug)
    assert again == "new=0 updated=0 skipped=5 invalid=0\n"


def test_purge_expired_files(engagement, run_import):
    import datetime

    from django.utils import timezone

    from wagtail_spcp.models import ImportFile

    batch = run_import("invalid-values.csv")
    error_name = batch.error_file.file.name
    storage = batch.error_file.file.storage
    assert run("spcp_purge_import_files") == "deleted=0\n"
    ImportFile.objects.update(created_at=timezone.now() - datetime.timedelta(days=8))
    assert run("spcp_purge_import_files") == "deleted=2\n"
    assert not storage.exists(error_name)
    batch.refresh_from_db()
    assert batch.error_file is None
    assert batch.new_count == 2  # the record of the import stays


DATES_CSV = (
    "First name,Last name,Email,Phone,Status,Registration date\n"
    "Ana,Diaz,ana@example.org,512-555-0101,Came,04/03/2026\n"
)


@pytest.fixture
def dates_file(tmp_path):
    path = tmp_path / "dates.csv"
    path.write_text(DATES_CSV)
    return str(path)


def registered_on(engagement):
    return Participation.objects.get(engagement=engagement).registered_on


@pytest.mark.parametrize(
    ("option", "expected"),
    [("--day-first", datetime.date(2026, 3, 4)), ("--month-first", datetime.date(2026, 4, 3))],
)
def test_import_date_order(engagement, dates_file, option, expected):
    run("spcp_import", dates_file, "--engagement", engagement.slug, option)
    assert registered_on(engagement) == expected
    assert ImportBatch.objects.get().day_first is (option == "--day-first")


def test_import_date_order_is_decided_per_column_by_default(engagement, dates_file):
    run("spcp_import", dates_file, "--engagement", engagement.slug)
    assert ImportBatch.objects.get().day_first is None


def test_import_day_first_and_month_first_exclude_each_other(engagement, dates_file):
    with pytest.raises(CommandError, match="not allowed with argument"):
        run(
            "spcp_import",
            dates_file,
            "--engagement",
            engagement.slug,
            "--day-first",
            "--month-first",
        )


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("name-phone", "name_phone"), ("name_phone", "name_phone"), ("Email", "email")],
)
def test_import_match_on(engagement, typed, stored):
    output = run(
        "spcp_import",
        str(FILES / "signups.xlsx"),
        "--engagement",
        engagement.slug,
        "--match-on",
        typed,
    )
    assert output == "new=5 updated=0 skipped=0 invalid=0\n"
    assert ImportBatch.objects.get().match_on == stored


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--match-on", "phone"],
            "'phone' is not a matching key; use one of auto, email, name-phone",
        ),
        (["--header-row", "0"], "rows are numbered from 1, not 0"),
        (["--header-row", "two"], "'two' is not a row number"),
        (["--sheet", " "], "give the name of a sheet"),
        (["--on-duplicate", "merge"], "invalid choice: 'merge'"),
    ],
)
def test_import_bad_option_values(engagement, args, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        run("spcp_import", str(FILES / "signups.xlsx"), "--engagement", engagement.slug, *args)
    assert not ImportBatch.objects.exists()


@pytest.fixture
def table_reader(monkeypatch):
    """Record where the pipeline was asked to read the table (until ``read_table`` can)."""
    asked = []

    def read(data, file_name, sheet=None, header_row=None):
        asked.append({"sheet": sheet, "header_row": header_row})
        return read_table(data, file_name)

    monkeypatch.setattr(batches, "read_table", read)
    return asked


def test_import_sheet_and_header_row_reach_the_batch(engagement, table_reader):
    output = run(
        "spcp_import",
        str(FILES / "signups.xlsx"),
        "--engagement",
        engagement.slug,
        "--sheet",
        "Sign-ups",
        "--header-row",
        "1",
    )
    assert output == "new=5 updated=0 skipped=0 invalid=0\n"
    assert table_reader
    assert all(asked == {"sheet": "Sign-ups", "header_row": 1} for asked in table_reader)
    batch = ImportBatch.objects.get()
    assert (batch.sheet, batch.header_row) == ("Sign-ups", 1)


def test_import_without_sheet_or_header_row_lets_the_reader_find_them(engagement, table_reader):
    run("spcp_import", str(FILES / "signups.xlsx"), "--engagement", engagement.slug)
    assert table_reader
    assert all(asked == {"sheet": None, "header_row": None} for asked in table_reader)
    batch = ImportBatch.objects.get()
    assert (batch.sheet, batch.header_row) == ("", None)


@pytest.mark.skipif(
    "sheet" not in inspect.signature(read_table).parameters,
    reason="read_table does not choose a sheet or a header row yet (being added in parallel)",
)
def test_import_reads_the_sheet_and_header_row_given(engagement, tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Notes"
    workbook.active.append(["Nothing to import here"])
    sheet = workbook.create_sheet("Sign-ups")
    sheet.append(["Riverton sign-ups, March"])
    sheet.append(["First name", "Last name", "Email"])
    sheet.append(["Ana", "Diaz", "ana@example.org"])
    path = tmp_path / "two-sheets.xlsx"
    workbook.save(path)
    output = run(
        "spcp_import",
        str(path),
        "--engagement",
        engagement.slug,
        "--sheet",
        "Sign-ups",
        "--header-row",
        "2",
    )
    assert output == "new=1 updated=0 skipped=0 invalid=0\n"
    assert Person.objects.get().email == "ana@example.org"


@pytest.fixture
def saved(engagement):
    return ImportMapping.objects.create(
        name="event tool",
        region=engagement.office.region,
        columns={
            "first name": "first_name",
            "last name": "last_name",
            "email": "email",
            "phone": "phone",
            "status": "status",
            "registration date": "registered_on",
        },
        value_map={"status": {"came": "attended"}},
        match_on=MatchKey.NAME_PHONE,
        day_first=True,
    )


def test_saved_mapping_brings_its_value_map_match_key_and_date_order(engagement, dates_file, saved):
    output = run(
        "spcp_import", dates_file, "--engagement", engagement.slug, "--mapping", saved.name
    )
    assert output == "new=1 updated=0 skipped=0 invalid=0\n"
    batch = ImportBatch.objects.get()
    assert batch.saved_mapping == saved
    assert (batch.match_on, batch.day_first) == ("name_phone", True)
    assert batch.value_map == {"status": {"came": "attended"}}
    participation = Participation.objects.get(engagement=engagement)
    assert participation.status == "attended"
    assert participation.registered_on == datetime.date(2026, 3, 4)


def test_options_override_the_saved_mapping(engagement, dates_file, saved):
    run(
        "spcp_import",
        dates_file,
        "--engagement",
        engagement.slug,
        "--mapping",
        saved.name,
        "--month-first",
        "--match-on",
        "email",
    )
    batch = ImportBatch.objects.get()
    assert (batch.match_on, batch.day_first) == ("email", False)
    assert batch.value_map == {"status": {"came": "attended"}}
    assert registered_on(engagement) == datetime.date(2026, 4, 3)


def test_saved_mapping_of_another_region_is_not_used(engagement, saved, dates_file):
    saved.region = Region.objects.get(slug="northwest")
    saved.save()
    with pytest.raises(CommandError, match="No saved mapping named 'event tool'"):
        run("spcp_import", dates_file, "--engagement", engagement.slug, "--mapping", saved.name)
