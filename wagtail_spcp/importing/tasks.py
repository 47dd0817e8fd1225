"""The background task that runs a large import (django-tasks; JSON arguments only)."""

from django_tasks import task

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
    return summary_line(batch)
