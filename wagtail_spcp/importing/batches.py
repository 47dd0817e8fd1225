"""Import batches: run a stored file through the pipeline, record the result, undo it.

Shared by the admin wizard, the ``spcp_import`` command and the background task.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from ..choices import DuplicatePolicy, ImportStatus
from ..models import ImportBatch, ImportFile, Participation, Person
from .pipeline import ImportOptions, MappingError, error_workbook, import_table, suggest_columns
from .reading import UnreadableFile, read_table
from .storage import read_stored, store_file, task_row_threshold

logger = logging.getLogger(__name__)

ACTION_IMPORT = "wagtail_spcp.import"
ACTION_UNDO = "wagtail_spcp.import_undo"
ACTION_EXPORT = "wagtail_spcp.export"


class ImportFailed(Exception):
    """The import could not run; the batch records why."""


def create_batch(
    *,
    upload: ImportFile,
    engagement,
    user=None,
    duplicate_policy=DuplicatePolicy.UPDATE,
    mapping=None,
    dry_run=False,
) -> ImportBatch:
    return ImportBatch.objects.create(
        engagement=engagement,
        created_by=user if user is not None and user.is_authenticated else None,
        file_name=upload.original_name,
        file_sha256=upload.sha256,
        mapping=mapping or {},
        duplicate_policy=duplicate_policy,
        dry_run=dry_run,
        source_file=upload,
        status=ImportStatus.PENDING,
    )


def _fail(batch, message):
    batch.status = ImportStatus.FAILED
    batch.failure_message = message
    batch.finished_at = timezone.now()
    batch.save(update_fields=["status", "failure_message", "finished_at"])
    raise ImportFailed(message)


def execute_batch(batch: ImportBatch, data: bytes | None = None) -> ImportBatch:
    """Run the pipeline for ``batch`` and store counts, errors, changes and the error workbook."""
    if data is None:
        data = read_stored(batch.source_file)
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportStatus.RUNNING)
    batch.status = ImportStatus.RUNNING
    try:
        table = read_table(data, batch.file_name)
    except UnreadableFile as error:
        _fail(batch, str(error))
    batch.total_rows = len(table)
    ImportBatch.objects.filter(pk=batch.pk).update(total_rows=batch.total_rows)
    mapping = batch.mapping or None
    if mapping is None:
        from .columns import header_key

        mapping = {
            header_key(h): c
            for h, c in zip(table.headers, suggest_columns(table.headers), strict=True)
        }
    options = ImportOptions(
        engagement=batch.engagement,
        duplicate_policy=batch.duplicate_policy,
        dry_run=batch.dry_run,
        user=batch.created_by,
        mapping=mapping,
        batch=batch,
    )

    def progress(done):
        ImportBatch.objects.filter(pk=batch.pk).update(processed_rows=done)

    try:
        outcome = import_table(table, options, on_progress=progress)
    except MappingError as error:
        _fail(batch, str(error))
    except Exception as error:
        # The class name only: a database error's message can quote a row's values.
        logger.error(
            "Import batch %s failed (%s); nothing was saved.", batch.pk, type(error).__name__
        )
        _fail(batch, _("The import failed unexpectedly and nothing was saved."))

    batch.mapping = mapping
    batch.processed_rows = batch.total_rows
    batch.new_count = outcome.new
    batch.updated_count = outcome.updated
    batch.unchanged_count = outcome.unchanged
    batch.skipped_count = outcome.skipped
    batch.duplicate_in_file_count = outcome.duplicate_in_file
    batch.invalid_count = outcome.invalid
    batch.errors = outcome.errors + outcome.notes
    batch.changes = outcome.changes
    if outcome.invalid_rows:
        batch.error_file = store_file(
            error_workbook(outcome),
            f"{batch.file_name.rsplit('.', 1)[0]}-errors.xlsx",
            owner=batch.created_by,
            kind=ImportFile.Kind.ERROR_REPORT,
        )
    batch.status = ImportStatus.COMPLETED
    batch.finished_at = timezone.now()
    batch.save()
    if not batch.dry_run:
        log(batch, ACTION_IMPORT, user=batch.created_by, data=counts(batch))
    batch.outcome = outcome
    return batch


def counts(batch) -> dict:
    return {
        "engagement": batch.engagement_id,
        "new": batch.new_count,
        "updated": batch.updated_count,
        "unchanged": batch.unchanged_count,
        "skipped": batch.skipped_count,
        "duplicate_in_file": batch.duplicate_in_file_count,
        "invalid": batch.invalid_count,
    }


def start_import(batch: ImportBatch) -> ImportBatch:
    """Run ``batch`` now, or, when the file is large, as a background task after commit."""
    from .tasks import run_import_batch

    if batch.total_rows > task_row_threshold():
        transaction.on_commit(lambda: run_import_batch.enqueue(batch.pk))
        return batch
    return execute_batch(batch)


def summary_line(batch) -> str:
    """``new=N updated=N skipped=N invalid=N``; unchanged rows and duplicates count as skipped."""
    skipped = batch.skipped_count + batch.unchanged_count + batch.duplicate_in_file_count
    return (
        f"new={batch.new_count} updated={batch.updated_count} "
        f"skipped={skipped} invalid={batch.invalid_count}"
    )


def can_undo(batch) -> bool:
    return batch.status == ImportStatus.COMPLETED and not batch.dry_run and bool(batch.changes)


def undo_batch(batch: ImportBatch, user=None) -> ImportBatch:
    """Remove what ``batch`` created and restore the values it replaced."""
    if not can_undo(batch):
        raise ImportFailed(_("This import cannot be undone."))
    changes = batch.changes
    with transaction.atomic():
        Participation.objects.filter(
            pk__in=changes.get("created_participations", []), import_batch=batch
        ).delete()
        for part_id, before in changes.get("changed_participations", {}).items():
            Participation.objects.filter(pk=int(part_id)).update(**before)
        for person_id, before in changes.get("changed_people", {}).items():
            Person.objects.filter(pk=int(person_id)).update(**before)
        created = changes.get("created_people", [])
        for start in range(0, len(created), 900):
            # people who since joined another engagement, a council or a group stay
            Person.objects.filter(pk__in=created[start : start + 900]).filter(
                participations__isnull=True,
                facilitated_groups__isnull=True,
                council_memberships__isnull=True,
            ).delete()
        batch.status = ImportStatus.UNDONE
        batch.save(update_fields=["status"])
        log(batch, ACTION_UNDO, user=user, data=counts(batch))
    return batch
