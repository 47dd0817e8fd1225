"""The spcp_import and spcp_export commands."""

import io

from django.core.management import CommandError, call_command

import pytest

from tests.utils import FILES
from wagtail_spcp.models import ImportBatch, ImportMapping, Person


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
