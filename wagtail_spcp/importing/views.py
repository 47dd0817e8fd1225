"""Admin views: the import wizard, import batches (progress, summary, undo) and exports.

The uploaded file is stored privately; the wizard passes it from step to step in a
signed, expiring token naming the file, the engagement and the user, so a tampered or
borrowed link is refused.
"""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.log_actions import log

from ..access import engagements_for_user, sees_all_regions
from ..admin.permissions import participants_permission_checker
from ..choices import ImportStatus, ParticipationStatus
from ..conf import file_lifetime_seconds
from ..models import ImportBatch, ImportFile
from .batches import (
    ACTION_EXPORT,
    ImportFailed,
    can_undo,
    confirm_preview,
    create_batch,
    execute_batch,
    mark_interrupted,
    read_upload,
    undo_batch,
    undo_counts,
)
from .columns import header_key
from .exporting import CONTENT_TYPES, FORMATS, export_file_name, export_participants
from .forms import MappingForm, SavedMappingForm, UploadForm
from .mappings import engagement_region, mappings_for, save_mapping
from .reading import UnreadableFile, read_table
from .storage import read_stored, store_file
from .suggestions import suggest_columns
from .tasks import start_import

UPLOAD_SIGNING_SALT = "wagtail_spcp.importing.upload"
ERRORS_PER_PAGE = 50


require_import = participants_permission_checker.require("import")
require_export = participants_permission_checker.require("export")


def _engagement(request, pk):
    return get_object_or_404(engagements_for_user(request.user), pk=pk)


def _batch(request, pk):
    return get_object_or_404(
        ImportBatch.objects.filter(
            engagement__in=engagements_for_user(request.user)
        ).select_related("engagement", "error_file", "source_file", "created_by"),
        pk=pk,
    )


def _make_token(request, upload, engagement, policy):
    return signing.dumps(
        {"file": upload.pk, "engagement": engagement.pk, "policy": policy, "user": request.user.pk},
        salt=UPLOAD_SIGNING_SALT,
        compress=True,
    )


def _read_token(request, token):
    try:
        data = signing.loads(token, salt=UPLOAD_SIGNING_SALT, max_age=file_lifetime_seconds())
    except signing.BadSignature:
        raise SuspiciousOperation("Tampered or expired import token") from None
    if data.get("user") != request.user.pk:
        raise PermissionDenied
    upload = get_object_or_404(ImportFile, pk=data["file"], kind=ImportFile.Kind.UPLOAD)
    return upload, _engagement(request, data["engagement"]), data["policy"]


@require_import
def upload(request):
    """Step 1: choose the engagement, the file and the duplicate policy."""
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            uploaded = form.cleaned_data["file"]
            data = uploaded.read()
            try:
                read_upload(data, uploaded.name)
            except ImportFailed as error:
                form.add_error("file", str(error))
            else:
                stored = store_file(data, uploaded.name, owner=request.user)
                token = _make_token(
                    request,
                    stored,
                    form.cleaned_data["engagement"],
                    form.cleaned_data["duplicate_policy"],
                )
                return redirect("wagtail_spcp_importing:map", token=token)
    else:
        form = UploadForm(user=request.user, initial={"engagement": request.GET.get("engagement")})
    return TemplateResponse(request, "wagtail_spcp/importing/upload.html", {"form": form})


def _samples(table, count=2):
    samples = []
    for index in range(len(table.headers)):
        values = []
        for row in table.rows:
            value = row[index] if index < len(row) else ""
            if value not in ("", None):
                values.append(str(value)[:60])
                if len(values) == count:
                    break
        samples.append(values)
    return samples


@require_import
def map_columns(request, token):
    """Step 2: map each column (auto-matched, or from a saved mapping), then run a dry run."""
    stored, engagement, policy = _read_token(request, token)
    try:
        table = read_table(read_stored(stored), stored.original_name)
    except UnreadableFile as error:
        messages.error(request, str(error))
        return redirect("wagtail_spcp_importing:upload")
    saved_form = SavedMappingForm(
        request.GET or None, queryset=mappings_for(request.user, engagement)
    )
    saved = saved_form.cleaned_data["mapping"] if saved_form.is_valid() else None
    suggested = suggest_columns(table.headers, saved.columns if saved else None)
    form = MappingForm(
        request.POST or None,
        headers=table.headers,
        suggested=suggested,
        samples=_samples(table),
        region=engagement_region(engagement),
        shareable=sees_all_regions(request.user),
    )
    if request.method == "POST" and form.is_valid():
        columns = form.columns()
        mapping = {header_key(h): c for h, c in zip(table.headers, columns, strict=True)}
        if form.cleaned_data["save_as"]:
            save_mapping(
                form.cleaned_data["save_as"],
                mapping,
                user=request.user,
                region=form.save_region(),
            )
        batch = create_batch(
            upload=stored,
            engagement=engagement,
            user=request.user,
            duplicate_policy=policy,
            mapping=mapping,
            dry_run=True,
        )
        try:
            execute_batch(batch)
        except ImportFailed as error:
            form.add_error(None, str(error))
        else:
            return redirect("wagtail_spcp_importing:preview", pk=batch.pk)
    return TemplateResponse(
        request,
        "wagtail_spcp/importing/map.html",
        {
            "form": form,
            "saved_form": saved_form,
            "engagement": engagement,
            "file_name": stored.original_name,
            "row_count": len(table),
        },
    )


def _error_page(request, batch):
    return Paginator(batch.errors, ERRORS_PER_PAGE).get_page(request.GET.get("p"))


@require_import
def preview(request, pk):
    """Step 3: the dry run's counts and errors, and the button that imports for real."""
    batch = _batch(request, pk)
    if not batch.dry_run:
        return redirect("wagtail_spcp_importing:batch", pk=batch.pk)
    return TemplateResponse(
        request,
        "wagtail_spcp/importing/preview.html",
        {"batch": batch, "errors_page": _error_page(request, batch)},
    )


@require_import
@require_POST
def confirm(request, pk):
    """Step 4: import the previewed file; large files go to a background task."""
    dry_run = _batch(request, pk)
    if not dry_run.dry_run or dry_run.created_by_id != request.user.pk or not dry_run.source_file:
        raise PermissionDenied
    batch, created = confirm_preview(dry_run, request.user)
    if created:
        try:
            start_import(batch)
        except ImportFailed as error:
            messages.error(request, str(error))
    return redirect("wagtail_spcp_importing:batch", pk=batch.pk)


@require_import
def batch_detail(request, pk):
    """Progress while the import runs, then its summary."""
    mark_interrupted(ImportBatch.objects.filter(pk=pk))
    batch = _batch(request, pk)
    running = batch.status in (ImportStatus.PENDING, ImportStatus.RUNNING)
    return TemplateResponse(
        request,
        "wagtail_spcp/importing/batch.html",
        {
            "batch": batch,
            "running": running,
            "can_undo": can_undo(batch),
            "can_download_errors": _may_download_errors(request, batch),
            "errors_page": _error_page(request, batch),
        },
    )


@require_import
def batch_progress(request, pk):
    """The progress of an import as JSON, for the progress bar."""
    mark_interrupted(ImportBatch.objects.filter(pk=pk))
    batch = _batch(request, pk)
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
    batch = _batch(request, pk)
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
    batch = _batch(request, pk)
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
    engagement = _engagement(request, engagement_id)
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
    engagement = _engagement(request, engagement_id)
    return redirect(reverse("wagtail_spcp_importing:upload") + f"?engagement={engagement.pk}")


@require_export
def sign_in_sheet(request, engagement_id):
    """A printable sign-in sheet for program day: one line per expected participant."""
    engagement = _engagement(request, engagement_id)
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
