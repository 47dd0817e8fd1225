"""Running an import now or as a background task (django-tasks; JSON arguments only)."""

from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from django_tasks import task

from ..choices import ImportStatus
from ..conf import task_row_threshold
from ..models import ImportBatch
from .batches import ImportFailed, execute_batch, summary_line


@task()
def run_import_batch(batch_id: int) -> str:
    """Run the stored import batch ``batch_id``; returns its summary line."""
    batch = ImportBatch.objects.select_related("source_file", "engagement").get(pk=batch_id)
    try:
        execute_batch(batch)
    except ImportFailed:
        batch.refresh_from_db()
    except Exception as error:
        # never leave the batch page waiting on a task that has died
        message = _("The import failed unexpectedly and nothing was saved.")
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportStatus.FAILED, failure_message=message, finished_at=timezone.now()
        )
        if isinstance(error, DatabaseError):
            # The task backend logs and stores errors: not one whose text quotes row values.
            raise ImportFailed(f"{message} ({type(error).__name__})") from None
        raise
    return summary_line(batch)


def start_import(batch: ImportBatch) -> ImportBatch:
    """Run ``batch`` now, or, when the file is large, as a background task after commit."""
    if batch.total_rows > task_row_threshold():
        transaction.on_commit(lambda: run_import_batch.enqueue(batch.pk))
        return batch
    return execute_batch(batch)
