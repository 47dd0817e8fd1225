"""The background task that runs a large import (django-tasks; JSON arguments only)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from django_tasks import task

from ..choices import ImportStatus
from ..models import ImportBatch


@task()
def run_import_batch(batch_id: int) -> str:
    """Run the stored import batch ``batch_id``; returns its summary line."""
    from .batches import ImportFailed, execute_batch, summary_line

    batch = ImportBatch.objects.select_related("source_file", "engagement").get(pk=batch_id)
    try:
        execute_batch(batch)
    except ImportFailed:
        batch.refresh_from_db()
    except Exception:
        # never leave the batch page waiting on a task that has died
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportStatus.FAILED,
            failure_message=_("The import failed unexpectedly and nothing was saved."),
            finished_at=timezone.now(),
        )
        raise
    return summary_line(batch)
