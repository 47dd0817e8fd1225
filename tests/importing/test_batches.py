"""Import batches: one path for the command line and the wizard, and clean failures."""

import io
import logging

from django.core.management import CommandError, call_command
from django.db import IntegrityError
from django.db.models import QuerySet

import pytest

from tests.utils import FILES
from wagtail_spcp.choices import ImportStatus
from wagtail_spcp.importing import batches
from wagtail_spcp.importing.batches import ImportFailed, execute_batch, import_file
from wagtail_spcp.importing.tasks import run_import_batch
from wagtail_spcp.models import ImportBatch, ImportFile, Person


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not-a-spreadsheet.xlsx", "not an Excel workbook"),
        ("missing-required-column.csv", "no column for"),
    ],
)
def test_a_failed_command_line_import_keeps_nothing(engagement, name, message):
    with pytest.raises(CommandError, match=message):
        call_command(
            "spcp_import", str(FILES / name), "--engagement", engagement.slug, stdout=io.StringIO()
        )
    assert not ImportFile.objects.exists()
    assert not ImportBatch.objects.exists()


def test_import_file_refuses_before_storing(engagement):
    with pytest.raises(ImportFailed):
        import_file(b"", "empty.csv", engagement=engagement)
    assert not ImportFile.objects.exists()
    assert not ImportBatch.objects.exists()


def test_a_batch_runs_once(run_import):
    batch = run_import("signups.xlsx")
    with pytest.raises(ImportFailed, match="already run"):
        execute_batch(batch)
    assert Person.objects.count() == 5


def test_a_database_error_keeps_row_values_out_of_logs(run_import, monkeypatch, caplog):
    original = QuerySet.bulk_create

    def refuse(self, objs, *args, **kwargs):
        if self.model is Person:
            raise IntegrityError(
                'duplicate key value violates unique constraint "spcp_person_email"\n'
                "DETAIL:  Key (lower(email::text))=(maria.garcia@example.org) already exists."
            )
        return original(self, objs, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "bulk_create", refuse)
    with caplog.at_level(logging.DEBUG), pytest.raises(ImportFailed) as failure:
        run_import("signups.xlsx")
    # Not in our log lines, nor in the error anyone might log with its traceback.
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "IntegrityError" in logged
    assert "example.org" not in logged
    assert "example.org" not in caplog.text
    assert failure.value.__suppress_context__
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.FAILED
    assert "example.org" not in batch.failure_message


def test_a_database_error_in_a_task_is_reported_without_values(engagement, monkeypatch):
    batch = import_file(
        (FILES / "signups.xlsx").read_bytes(), "signups.xlsx", engagement=engagement, dry_run=True
    )
    again = ImportBatch.objects.create(
        engagement=engagement,
        file_name="signups.xlsx",
        file_sha256=batch.file_sha256,
        source_file=batch.source_file,
    )

    def refuse(record):
        raise IntegrityError("Key (lower(email::text))=(maria.garcia@example.org) already exists.")

    monkeypatch.setattr(batches, "read_stored", refuse)
    with pytest.raises(ImportFailed) as failure:
        run_import_batch.call(again.pk)
    assert "example.org" not in str(failure.value)
    assert failure.value.__suppress_context__
    again.refresh_from_db()
    assert again.status == ImportStatus.FAILED
