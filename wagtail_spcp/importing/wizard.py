"""The import wizard: upload, map the columns, map unknown values, preview, import.

The uploaded file is read once and stored privately with its profile (``profiles``):
sheet, header row, headers, row count and the values of its choice columns; the later
steps work from the profile, and only choosing another sheet or header row reads the
file again. The wizard passes the file from step to step in a signed, expiring token
naming the file, the engagement and the user, so a tampered or borrowed link is refused.
The mapping step leaves a pending dry run holding every choice; the value step (when the
file has values no choice covers) completes it; the preview shows what it found.
"""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from ..access import sees_all_regions
from ..choices import ImportStatus
from ..conf import file_lifetime_seconds
from ..models import ImportBatch, ImportFile
from .batches import ImportFailed, confirm_preview, create_batch, execute_batch, read_upload
from .columns import COLUMNS_BY_NAME, header_key
from .forms import DAY_FIRST, MappingForm, SavedMappingForm, TableForm, UploadForm, ValueMapForm
from .mappings import engagement_region, mappings_for, may_change, save_mapping
from .profiles import distinct_rows, profile_as_table, profile_table, value_counts
from .shortcuts import batch_or_404, engagement_or_404, error_page, require_import
from .storage import read_stored, store_file
from .suggestions import column_matches
from .tasks import start_import
from .values import unknown_in_counts

UPLOAD_SIGNING_SALT = "wagtail_spcp.importing.upload"


def _own_draft(request, pk):
    """A dry run of ``request.user``'s that has not run yet (the value step's batch)."""
    batch = batch_or_404(request, pk)
    if (
        not batch.dry_run
        or batch.created_by_id != request.user.pk
        or batch.status != ImportStatus.PENDING
        or not batch.source_file
    ):
        raise PermissionDenied
    return batch


def make_token(request, upload, engagement, policy):
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
    return upload, engagement_or_404(request, data["engagement"]), data["policy"]


@require_import
def upload(request):
    """Step 1: choose the engagement, the file and the duplicate policy; read the file."""
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            uploaded = form.cleaned_data["file"]
            data = uploaded.read()
            try:
                table = read_upload(data, uploaded.name)
            except ImportFailed as error:
                form.add_error("file", str(error))
            else:
                stored = store_file(data, uploaded.name, owner=request.user)
                stored.profile = profile_table(table)
                stored.save(update_fields=["profile"])
                token = make_token(
                    request,
                    stored,
                    form.cleaned_data["engagement"],
                    form.cleaned_data["duplicate_policy"],
                )
                return redirect("wagtail_spcp_importing:map", token=token)
    else:
        form = UploadForm(user=request.user, initial={"engagement": request.GET.get("engagement")})
    return TemplateResponse(request, "wagtail_spcp/importing/upload.html", {"form": form})


def _reread(request, stored, table_form):
    """Read ``stored`` again on the sheet and header row staff chose; keep the new profile."""
    choice = table_form.cleaned_data
    try:
        table = read_upload(
            read_stored(stored),
            stored.original_name,
            choice.get("sheet") or "",
            choice.get("header_row"),
        )
    except ImportFailed as error:
        table_form.add_error(None, str(error))
        return
    stored.profile = profile_table(table)
    # What staff chose, for the batch (blank: what reading the file finds).
    stored.profile["chosen"] = {
        "sheet": choice.get("sheet") or "",
        "header_row": choice.get("header_row"),
    }
    stored.save(update_fields=["profile"])


def _starting_point(request, engagement):
    """The saved mapping chosen, or the settings of the batch "Start again" came from."""
    saved_form = SavedMappingForm(
        request.GET if "mapping" in request.GET else None,
        queryset=mappings_for(request.user, engagement),
    )
    if saved_form.is_bound and saved_form.is_valid() and saved_form.cleaned_data["mapping"]:
        saved = saved_form.cleaned_data["mapping"]
        return saved_form, saved.columns, saved.value_map, saved.match_on, saved.day_first
    previous = request.GET.get("from")
    if previous and previous.isdigit():
        batch = ImportBatch.objects.filter(
            pk=previous, created_by=request.user, engagement=engagement
        ).first()
        if batch is not None:
            return saved_form, batch.mapping, batch.value_map, batch.match_on, batch.day_first
    return saved_form, None, {}, "", None


def _initial_day_first(day_first):
    return next(key for key, value in DAY_FIRST.items() if value is day_first)


@require_import
def map_columns(request, token):
    """Step 2: the table found, each column's match and why; then the values, or the preview."""
    stored, engagement, policy = _read_token(request, token)
    if not stored.profile:  # stored before profiles were kept
        stored.profile = profile_table(read_upload(read_stored(stored), stored.original_name))
        stored.save(update_fields=["profile"])
    table_form = TableForm(
        request.GET if "header_row" in request.GET else None,
        sheet_names=stored.profile["sheet_names"],
        initial={"sheet": stored.profile["sheet"], "header_row": stored.profile["header_row"]},
    )
    if table_form.is_bound and table_form.is_valid():
        _reread(request, stored, table_form)
    profile = stored.profile
    saved_form, columns, value_map, match_on, day_first = _starting_point(request, engagement)
    matches, known = column_matches(profile["headers"], columns, distinct_rows(profile))
    form = MappingForm(
        request.POST or None,
        headers=profile["headers"],
        suggested=[match.column for match in matches],
        samples=[column["samples"] for column in profile["columns"]],
        matches=matches,
        region=engagement_region(engagement),
        shareable=sees_all_regions(request.user),
        initial={"match_on": match_on, "day_first": _initial_day_first(day_first)},
    )
    if request.method == "POST" and form.is_valid():
        batch = _draft(request, form, stored, engagement, policy, value_map)
        if unknown_in_counts(
            profile_as_table(profile), form.columns(), value_counts(profile), batch.value_map
        ):
            return redirect("wagtail_spcp_importing:values", pk=batch.pk)
        response = _run_dry_run(request, batch)
        if response is not None:
            return response
        form.add_error(None, batch.failure_message)
    return TemplateResponse(
        request,
        "wagtail_spcp/importing/map.html",
        {
            "form": form,
            "saved_form": saved_form,
            "table_form": table_form,
            "engagement": engagement,
            "file_name": stored.original_name,
            "profile": profile,
            "row_count": profile["row_count"],
            "known_format": known,
        },
    )


def _draft(request, form, stored, engagement, policy, value_map):
    """The pending dry run that holds the mapping step's choices (and saves the mapping)."""
    profile = stored.profile
    mapping = {header_key(h): c for h, c in zip(profile["headers"], form.columns(), strict=True)}
    settings = form.settings()
    saved = None
    if form.cleaned_data["save_as"]:
        saved = save_mapping(
            form.cleaned_data["save_as"],
            mapping,
            user=request.user,
            region=form.save_region(),
            value_map=value_map,
            **settings,
        )
    return create_batch(
        upload=stored,
        engagement=engagement,
        user=request.user,
        duplicate_policy=policy,
        mapping=mapping,
        dry_run=True,
        sheet=profile.get("chosen", {}).get("sheet", ""),
        header_row=profile.get("chosen", {}).get("header_row"),
        value_map=value_map or {},
        saved_mapping=saved,
        **settings,
    )


def _run_dry_run(request, batch):
    """Run the dry run; its preview, or None when it failed (the batch says why)."""
    try:
        execute_batch(batch)
    except ImportFailed:
        return None
    return redirect("wagtail_spcp_importing:preview", pk=batch.pk)


@require_import
def map_values(request, pk):
    """Step 3 (when needed): what each value no choice covers stands for, or blank."""
    batch = _own_draft(request, pk)
    profile = batch.source_file.profile
    columns = [batch.mapping.get(header_key(header), "") for header in profile["headers"]]
    unknown = unknown_in_counts(
        profile_as_table(profile), columns, value_counts(profile), batch.value_map
    )
    form = ValueMapForm(request.POST or None, unknown=unknown)
    if request.method == "POST" and form.is_valid():
        value_map = {**batch.value_map}
        for column, words in form.value_map().items():
            value_map[column] = {**value_map.get(column, {}), **words}
        batch.value_map = value_map
        batch.save(update_fields=["value_map"])
        saved = batch.saved_mapping
        if saved is not None and may_change(request.user, saved):
            saved.value_map = value_map
            saved.save(update_fields=["value_map", "updated_at"])
        response = _run_dry_run(request, batch)
        if response is not None:
            return response
        messages.error(request, batch.failure_message)
        return redirect("wagtail_spcp_importing:restart", pk=batch.pk)
    return TemplateResponse(
        request,
        "wagtail_spcp/importing/values.html",
        {
            "form": form,
            "batch": batch,
            "labels": {name: column.label for name, column in COLUMNS_BY_NAME.items()},
        },
    )


def _first_rows_table(batch):
    """The preview's first rows as stored: the mapped columns, and one line per row."""
    rows = batch.report.get("first_rows", [])
    names = [name for name in COLUMNS_BY_NAME if any(name in row["values"] for row in rows)]
    return {
        "columns": [COLUMNS_BY_NAME[name].label for name in names],
        "rows": [
            {"row": row["row"], "cells": [row["values"].get(name) for name in names]}
            for row in rows
        ],
    }


@require_import
def preview(request, pk):
    """Step 4: the dry run's counts, first rows, rewritten values and errors; then import."""
    batch = batch_or_404(request, pk)
    if not batch.dry_run:
        return redirect("wagtail_spcp_importing:batch", pk=batch.pk)
    return TemplateResponse(
        request,
        "wagtail_spcp/importing/preview.html",
        {
            "batch": batch,
            "errors_page": error_page(request, batch),
            "first_rows": _first_rows_table(batch),
            "report": batch.report,
            "can_restart": batch.created_by_id == request.user.pk and batch.source_file_id,
        },
    )


@require_import
def restart(request, pk):
    """ "Start again": back to the mapping with the same file and this batch's choices."""
    batch = batch_or_404(request, pk)
    if batch.created_by_id != request.user.pk or not batch.source_file_id:
        raise PermissionDenied
    token = make_token(request, batch.source_file, batch.engagement, batch.duplicate_policy)
    return redirect(reverse("wagtail_spcp_importing:map", args=[token]) + f"?from={batch.pk}")


@require_import
@require_POST
def confirm(request, pk):
    """Step 5: import the previewed file; large files go to a background task."""
    dry_run = batch_or_404(request, pk)
    if not dry_run.dry_run or dry_run.created_by_id != request.user.pk or not dry_run.source_file:
        raise PermissionDenied
    batch, created = confirm_preview(dry_run, request.user)
    if created:
        try:
            start_import(batch)
        except ImportFailed as error:
            messages.error(request, str(error))
    return redirect("wagtail_spcp_importing:batch", pk=batch.pk)
