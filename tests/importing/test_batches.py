"""Import batches: one path for the command line and the wizard, clean failures, and
imports into one region that run at the same time."""

import io
import logging
import threading

from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, connections
from django.db.models import Count, QuerySet
from django.db.models.functions import Lower

import pytest

from tests.utils import FILES
from wagtail_spcp.choices import ImportStatus
from wagtail_spcp.importing import batches, pipeline
from wagtail_spcp.importing.batches import ImportFailed, execute_batch, import_file
from wagtail_spcp.importing.tasks import run_import_batch
from wagtail_spcp.models import ImportBatch, ImportFile, Participation, Person


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


# --- two imports at once (PostgreSQL: SQLite writes one transaction at a time anyway) ---


def overlapping_sheets():
    """Two sign-up sheets sharing people by email, and others by name and phone only."""
    header = "First name,Last name,Email,Phone\n"

    def rows(numbers):
        lines = []
        for n in numbers:
            if n % 2:
                lines.append(f"Email{n},Person,email{n}@example.org,\n")
            else:
                lines.append(f"Phone{n},Person,,512-555-{n:04d}\n")
        return "".join(lines)

    first = header + rows(range(0, 60))
    second = header + rows(range(30, 90))
    return first.encode(), second.encode()


class MeetAfterMatching:
    """Hold each import after it matched people, until the other has matched too.

    Without serialization both imports match before either writes, and both create the
    shared people. With it, the second cannot match until the first commits, so the wait
    runs out and the first goes on alone.
    """

    def __init__(self, monkeypatch):
        self.barrier = threading.Barrier(2, timeout=5)
        original = pipeline.match_existing

        def match_then_meet(rows, policy, engagement):
            matches = original(rows, policy, engagement)
            try:
                self.barrier.wait()
            except threading.BrokenBarrierError:
                pass
            return matches

        monkeypatch.setattr(pipeline, "match_existing", match_then_meet)


@pytest.mark.django_db(transaction=True)
def test_concurrent_overlapping_imports_leave_no_duplicates(
    engagement, make_engagement, monkeypatch
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one transaction write at a time; concurrency is PostgreSQL's")
    other = make_engagement(slug="houston-2026", office="houston")  # the same region
    sheets = overlapping_sheets()
    MeetAfterMatching(monkeypatch)
    outcomes = {}

    def run(name, data, into):
        try:
            outcomes[name] = import_file(data, name, engagement=into)
        except Exception as error:  # noqa: BLE001 (reported by the assertion below)
            outcomes[name] = error
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=("first.csv", sheets[0], engagement)),
        threading.Thread(target=run, args=("second.csv", sheets[1], other)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert all(isinstance(o, ImportBatch) for o in outcomes.values()), outcomes
    assert {o.status for o in outcomes.values()} == {ImportStatus.COMPLETED}
    assert Person.objects.count() == 90
    by_email = (
        Person.objects.exclude(email="")
        .values(key=Lower("email"))
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
    )
    by_phone = (
        Person.objects.exclude(phone="")
        .values("first_name", "last_name", "phone")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
    )
    assert list(by_email) == []
    assert list(by_phone) == []
    assert Participation.objects.filter(engagement=engagement).count() == 60
    assert Participation.objects.filter(engagement=other).count() == 60


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
