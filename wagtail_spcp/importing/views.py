"""Admin views of import batches (progress, summary, undo), exports and the sign-in sheet.

The import wizard's steps are in ``wizard``.
"""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from ..choices import ImportStatus, ParticipationStatus
from ..conf import file_lifetime_seconds
from ..models import ImportBatch
from .batches import (
    ACTION_EXPORT,
    can_undo,
    mark_interrupted,
    undo_batch,
    undo_counts,
)
from .exporting import CONTENT_TYPES, FORMATS, export_file_name, export_participants
from .shortcuts import batch_or_404, engagement_or_404, error_page, require_export, require_import


@require_import
def batch_detail(request, pk):
    """Progress while the import runs, then its summary."""
    mark_interrupted(ImportBatch.objects.filter(pk=pk))
    batch = batch_or_404(request, pk)
    running = batch.status in (ImportStatus.PENDING, ImportStatus.RUNNING)
    return TemplateResponse(
        request,
        "wagtail_spcp/importing/batch.html",
        {
            "batch": batch,
            "running": running,
            "can_undo": can_undo(batch),
            "can_download_errors": _may_download_errors(request, batch),
            "errors_page": error_page(request, batch),
        },
    )


@require_import
def batch_progress(request, pk):
    """The progress of an import as JSON, for the progress bar."""
    mark_interrupted(ImportBatch.objects.filter(pk=pk))
    batch = batch_or_404(request, pk)
    return JsonResponse(
        {
            "status": batch.status,
            "percent": batch.progress_percent,
            "processed": batch.processed_rows,
            "total": batch.total_rows,
        }
    )


def _may_download_errors(request, batch):
    record = batch.error_file
    if record is None or batch.created_by_id != request.user.pk:
        return False
    age = (timezone.now() - record.created_at).total_seconds()
    return age <= file_lifetime_seconds()


@require_import
def error_workbook(request, pk):
    """The invalid rows with their errors: only for the person who imported, until it expires."""
    batch = batch_or_404(request, pk)
    if not _may_download_errors(request, batch):
        raise Http404
    handle = batch.error_file.file.open("rb")
    return FileResponse(
        handle,
        as_attachment=True,
        filename=batch.error_file.original_name,
        content_type=CONTENT_TYPES["xlsx"],
    )


@require_import
def undo(request, pk):
    """Confirm, then undo an import."""
    batch = batch_or_404(request, pk)
    if not can_undo(batch):
        messages.error(request, _("This import cannot be undone."))
        return redirect("wagtail_spcp_importing:batch", pk=batch.pk)
    if request.method == "POST":
        undo_batch(batch, user=request.user)
        if any(undo_counts(batch.changes["undo"]).values()):
            messages.warning(
                request,
                _("The import was undone, except for what changed since: see below."),
            )
        else:
            messages.success(request, _("The import was undone."))
        return redirect("wagtail_spcp_importing:batch", pk=batch.pk)
    return TemplateResponse(request, "wagtail_spcp/importing/undo.html", {"batch": batch})


@require_export
def export(request, engagement_id, file_format):
    """Download an engagement's participants as XLSX or CSV."""
    if file_format not in FORMATS:
        raise Http404
    engagement = engagement_or_404(request, engagement_id)
    data = export_participants(engagement, file_format)
    log(engagement, ACTION_EXPORT, user=request.user, data={"format": file_format})
    response = HttpResponse(data, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = (
        f'attachment; filename="{export_file_name(engagement, file_format)}"'
    )
    return response


@require_import
def start_for_engagement(request, engagement_id):
    """The wizard, started from an engagement."""
    engagement = engagement_or_404(request, engagement_id)
    return redirect(reverse("wagtail_spcp_importing:upload") + f"?engagement={engagement.pk}")


@require_export
def sign_in_sheet(request, engagement_id):
    """A printable sign-in sheet for program day: one line per expected participant."""
    engagement = engagement_or_404(request, engagement_id)
    participations = (
        engagement.participations.exclude(status=ParticipationStatus.CANCELLED)
        .select_related("person")
        .order_by("person__last_name", "person__first_name")
    )
    log(engagement, ACTION_EXPORT, user=request.user, data={"format": "sign-in sheet"})
    return TemplateResponse(
        request,
        "wagtail_spcp/importing/sign_in_sheet.html",
        {"engagement": engagement, "participations": participations},
    )
