"""Import batches: run a stored file through the pipeline, record the result, undo it.

Shared by the admin wizard, the ``spcp_import`` command and the background task.
"""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from ..choices import DuplicatePolicy, ImportStatus
from ..conf import stale_after_minutes
from ..merging import merged_into
from ..models import ImportBatch, ImportFile, Participation, Person
from .columns import PARTICIPATION_FIELDS, PERSON_FIELDS, header_key
from .formats import recognise
from .locking import lock_import_scope
from .pipeline import ImportOptions, import_table
from .reading import UnreadableFile, read_table
from .report import error_workbook
from .storage import read_stored, store_file
from .suggestions import MappingError, resolve_columns, suggest_columns

logger = logging.getLogger(__name__)

ACTION_IMPORT = "wagtail_spcp.import"
ACTION_UNDO = "wagtail_spcp.import_undo"
ACTION_EXPORT = "wagtail_spcp.export"


# How an import reads and interprets its file, beyond the column mapping: the batch's
# fields of the same names (see ``ImportBatch``).
SETTINGS = ("sheet", "header_row", "value_map", "day_first", "match_on")


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
    preview=None,
    saved_mapping=None,
    **settings,
) -> ImportBatch:
    """A pending batch; ``settings`` are any of ``SETTINGS``."""
    unknown = set(settings) - set(SETTINGS)
    if unknown:
        raise TypeError(f"Unknown import settings: {', '.join(sorted(unknown))}")
    settings = {name: value for name, value in settings.items() if value is not None}
    return ImportBatch.objects.create(
        preview=preview,
        engagement=engagement,
        created_by=user if user is not None and user.is_authenticated else None,
        file_name=upload.original_name,
        file_sha256=upload.sha256,
        mapping=mapping or {},
        duplicate_policy=duplicate_policy,
        dry_run=dry_run,
        source_file=upload,
        saved_mapping=saved_mapping,
        status=ImportStatus.PENDING,
        **settings,
    )


def batch_settings(batch) -> dict:
    """``batch``'s ``SETTINGS``, to run the same file again the same way."""
    return {name: getattr(batch, name) for name in SETTINGS}


def _read(data, file_name, sheet="", header_row=None):
    """The table in ``data``: on the sheet and header row given, else those found."""
    options = {}
    if sheet:
        options["sheet"] = sheet
    if header_row:
        options["header_row"] = header_row
    return read_table(data, file_name, **options)


def read_upload(data: bytes, file_name: str, sheet="", header_row=None):
    """Read an uploaded file before anything is stored; raise ``ImportFailed`` if it cannot be.

    The wizard's upload step and the ``spcp_import`` command both start here, so a file
    that cannot be read leaves nothing behind: no stored file, no batch.
    """
    try:
        return _read(data, file_name, sheet, header_row)
    except UnreadableFile as error:
        raise ImportFailed(str(error)) from None


def import_file(
    data: bytes,
    file_name: str,
    *,
    engagement,
    user=None,
    duplicate_policy=DuplicatePolicy.UPDATE,
    mapping=None,
    dry_run=False,
    saved_mapping=None,
    **settings,
) -> ImportBatch:
    """Check, store and import a file in one go (the command line's path through the wizard).

    A file that cannot be read, or whose columns cannot be imported, raises
    ``ImportFailed`` before anything is stored, as the wizard refuses it at upload and
    at mapping. Once stored, the file runs as a batch exactly as a confirmed preview does.
    ``settings``: any of ``SETTINGS`` (sheet, header row, value map, day first, match key);
    ``saved_mapping``: the saved mapping the columns and settings came from, if any.
    """
    table = read_upload(data, file_name, settings.get("sheet"), settings.get("header_row"))
    try:
        resolve_columns(table.headers, mapping, table.rows, settings.get("match_on") or "")
    except MappingError as error:
        raise ImportFailed(str(error)) from None
    batch = create_batch(
        upload=store_file(data, file_name, owner=user),
        engagement=engagement,
        user=user,
        duplicate_policy=duplicate_policy,
        mapping=mapping,
        dry_run=dry_run,
        saved_mapping=saved_mapping,
        **settings,
    )
    return execute_batch(batch, data)


def confirm_preview(preview: ImportBatch, user) -> tuple[ImportBatch, bool]:
    """The import of a previewed file: created once, then the same batch for every repeat.

    A double-clicked "Import" posts twice; the database's unique ``preview`` link lets
    only one batch be created, and the second request gets the first's batch.
    """
    existing = ImportBatch.objects.filter(preview=preview).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            batch = create_batch(
                upload=preview.source_file,
                engagement=preview.engagement,
                user=user,
                duplicate_policy=preview.duplicate_policy,
                mapping=preview.mapping,
                preview=preview,
                saved_mapping=preview.saved_mapping,
                **batch_settings(preview),
            )
    except IntegrityError:
        return ImportBatch.objects.get(preview=preview), False
    batch.total_rows = preview.total_rows
    batch.save(update_fields=["total_rows"])
    return batch, True


def _fail(batch, message):
    batch.status = ImportStatus.FAILED
    batch.failure_message = message
    batch.finished_at = timezone.now()
    batch.save(update_fields=["status", "failure_message", "finished_at"])
    # Not chained to the cause: a database error's text can quote a row's values.
    raise ImportFailed(message) from None


def _beat(batch, **fields):
    """Record a sign of progress (and ``fields``), so a live import is not taken for dead."""
    ImportBatch.objects.filter(pk=batch.pk).update(heartbeat_at=timezone.now(), **fields)


def execute_batch(batch: ImportBatch, data: bytes | None = None) -> ImportBatch:
    """Run the pipeline for ``batch`` and store counts, errors, changes and the error workbook.

    A batch runs once: one that already started, or was marked interrupted, is refused.
    """
    started = ImportBatch.objects.filter(pk=batch.pk, status=ImportStatus.PENDING).update(
        status=ImportStatus.RUNNING, heartbeat_at=timezone.now()
    )
    if not started:
        raise ImportFailed(_("This import has already run or was interrupted."))
    batch.status = ImportStatus.RUNNING
    if data is None:
        data = read_stored(batch.source_file)
    try:
        table = _read(data, batch.file_name, batch.sheet, batch.header_row)
    except UnreadableFile as error:
        _fail(batch, str(error))
    batch.total_rows = len(table)
    _beat(batch, total_rows=batch.total_rows)
    mapping = batch.mapping or None
    if mapping is None:
        mapping = {
            header_key(h): c
            for h, c in zip(
                table.headers, suggest_columns(table.headers, rows=table.rows), strict=True
            )
        }
    known = recognise(table.headers, ())
    options = ImportOptions(
        engagement=batch.engagement,
        duplicate_policy=batch.duplicate_policy,
        dry_run=batch.dry_run,
        user=batch.created_by,
        mapping=mapping,
        batch=batch,
        value_map=batch.value_map or None,
        day_first=batch.day_first,
        match_on=batch.match_on,
    )

    def progress(done):
        _beat(batch, processed_rows=done)

    try:
        outcome = import_table(table, options, on_progress=progress)
    except MappingError as error:
        _fail(batch, str(error))
    except Exception as error:
        # The class name only: a database error's message quotes the rows' values.
        logger.error(
            "Import batch %s failed (%s); nothing was saved.", batch.pk, type(error).__name__
        )
        _fail(batch, _("The import failed unexpectedly and nothing was saved."))

    batch.mapping = mapping
    batch.match_on = outcome.match_on
    batch.report = {
        "format": known.name if known else "",
        "sheet": table.sheet,
        "header_row": table.header_row,
        "header_rows": table.header_rows,
        "first_rows": outcome.first_rows,
        "warnings": outcome.warnings,
        "warning_count": outcome.warning_count,
        "rewrites": outcome.rewrites,
        "rewrite_count": outcome.rewrite_count,
    }
    batch.processed_rows = batch.total_rows
    batch.new_count = outcome.new
    batch.updated_count = outcome.updated
    batch.unchanged_count = outcome.unchanged
    batch.skipped_count = outcome.skipped
    batch.duplicate_in_file_count = outcome.duplicate_in_file
    batch.invalid_count = outcome.invalid
    batch.errors = outcome.errors + outcome.notes
    batch.changes = outcome.changes
    if outcome.invalid_rows or outcome.warnings or outcome.rewrites:
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


def summary_line(batch) -> str:
    """``new=N updated=N skipped=N invalid=N``; unchanged rows and duplicates count as skipped."""
    skipped = batch.skipped_count + batch.unchanged_count + batch.duplicate_in_file_count
    return (
        f"new={batch.new_count} updated={batch.updated_count} "
        f"skipped={skipped} invalid={batch.invalid_count}"
    )


def can_undo(batch) -> bool:
    return batch.status == ImportStatus.COMPLETED and not batch.dry_run and bool(batch.changes)


def mark_interrupted(queryset=None) -> int:
    """Mark imports that have shown no progress for ``SPCP_IMPORT_STALE_MINUTES`` as failed.

    A worker killed mid-import rolls its transaction back, so nothing was saved; without
    this its batch would stay "running" forever. Returns the number of batches marked.
    """
    minutes = stale_after_minutes()
    now = timezone.now()
    cutoff = now - datetime.timedelta(minutes=minutes)
    queryset = ImportBatch.objects.all() if queryset is None else queryset
    stale = queryset.filter(status__in=[ImportStatus.PENDING, ImportStatus.RUNNING]).filter(
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, created_at__lt=cutoff)
    )
    message = _(
        "The import stopped without finishing (no progress for %(minutes)d minutes) and "
        "nothing was saved. Import the file again."
    ) % {"minutes": minutes}
    return stale.update(status=ImportStatus.FAILED, failure_message=message, finished_at=now)


def _as_json(value):
    """A value as the batch's ``changes`` JSON holds it (dates as ISO text)."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def _edited_since(record, batch) -> bool:
    return bool(batch.finished_at and record["updated_at"] > batch.finished_at)


def _restore(model, fields, before_by_id, after_by_id, batch, report, kind):
    """Put back the values the import replaced, unless they changed again since.

    With the values the import wrote (``after``) a field is restored only while it still
    holds them; without (batches from before they were kept), a record edited after the
    import is left alone. Records that no longer exist (merged away, deleted) are reported;
    for a person merged into another, the values the import wrote that the person kept
    still holds are restored on the person kept.
    """
    ids = [int(pk) for pk in before_by_id]
    current = {
        values["id"]: values
        for start in range(0, len(ids), 900)
        for values in model.objects.filter(pk__in=ids[start : start + 900]).values(
            "id", "updated_at", *fields
        )
    }
    survivors = {}
    if model is Person and after_by_id is not None:
        # People merged away since: their values now live on the person kept.
        survivors = merged_into(pk for pk in ids if pk not in current)
        for values in model.objects.filter(pk__in=set(survivors.values())).values(
            "id", "updated_at", *fields
        ):
            current.setdefault(values["id"], values)
    for key, before in before_by_id.items():
        target = survivors.get(int(key), int(key))
        record = current.get(target)
        if target != int(key):
            report.setdefault("followed", []).append(
                {"kind": kind, "id": int(key), "merged_into": target}
            )
        if record is None:
            if target == int(key):
                report["gone"].append({"kind": kind, "id": int(key)})
            continue
        after = after_by_id.get(key) if after_by_id is not None else None
        restore, kept = {}, []
        for name, value in before.items():
            if after is None:
                changed = _edited_since(record, batch)
            else:
                changed = name in after and _as_json(record[name]) != after[name]
            if changed:
                kept.append(name)
            else:
                restore[name] = value
        if target != int(key):
            # only what the merged person brought and the survivor still holds
            restore = {name: value for name, value in restore.items() if name in after}
        if kept:
            report["kept_values"].append({"kind": kind, "id": target, "fields": kept})
        if restore:  # a restore is a change: ``updated_at`` says so
            model.objects.filter(pk=target).update(**restore, updated_at=timezone.now())
    if model is Person and current:
        Person.objects.filter(pk__in=list(current)).refresh_search_keys()


def undo_batch(batch: ImportBatch, user=None) -> ImportBatch:
    """Remove what ``batch`` created and restore the values it replaced, sparing later work.

    Values changed since the import are kept; so are participations edited since (say,
    marked attended, or moved by a merge) and created people who were edited since or
    gained other links. What was kept is stored with the batch and shown on its page.
    """
    if not can_undo(batch):
        raise ImportFailed(_("This import cannot be undone."))
    changes = batch.changes
    report = {"kept_values": [], "kept_participations": 0, "kept_people": 0, "gone": []}
    with transaction.atomic():
        lock_import_scope(batch.engagement)
        created_parts = Participation.objects.filter(
            pk__in=changes.get("created_participations", []), import_batch=batch
        )
        if batch.finished_at:
            report["kept_participations"] = created_parts.filter(
                updated_at__gt=batch.finished_at
            ).count()
            created_parts = created_parts.exclude(updated_at__gt=batch.finished_at)
        created_parts.delete()
        _restore(
            Participation,
            PARTICIPATION_FIELDS,
            changes.get("changed_participations", {}),
            changes.get("participations_after"),
            batch,
            report,
            "participation",
        )
        _restore(
            Person,
            PERSON_FIELDS,
            changes.get("changed_people", {}),
            changes.get("people_after"),
            batch,
            report,
            "person",
        )
        created = changes.get("created_people", [])
        for start in range(0, len(created), 900):
            # people who since joined another engagement, a council or a group stay,
            # and so do people edited by hand since the import
            people = Person.objects.filter(pk__in=created[start : start + 900])
            unused = people.filter(
                participations__isnull=True,
                facilitated_groups__isnull=True,
                council_memberships__isnull=True,
            )
            if batch.finished_at:
                unused = unused.exclude(updated_at__gt=batch.finished_at)
            still_there = people.count()
            deleted = unused.delete()[1].get(Person._meta.label, 0)
            report["kept_people"] += still_there - deleted
        batch.status = ImportStatus.UNDONE
        batch.changes = {**changes, "undo": report}
        batch.save(update_fields=["status", "changes"])
        log(batch, ACTION_UNDO, user=user, data={**counts(batch), **undo_counts(report)})
    return batch


def undo_counts(report) -> dict:
    """What an undo left in place, as counts (for the audit log)."""
    return {
        "kept_values": sum(len(item["fields"]) for item in report["kept_values"]),
        "kept_participations": report["kept_participations"],
        "kept_people": report["kept_people"],
        "gone": len(report["gone"]),
    }


def _ids(ids) -> Q:
    """Rows whose primary key is one of ``ids``, runs of consecutive keys as ranges.

    Keys written by one import mostly come in runs (bulk inserts), so a large import
    stays a short query rather than one parameter per row.
    """
    ids = sorted({int(pk) for pk in ids})
    condition, singles = Q(pk__in=[]), []
    start = 0
    while start < len(ids):
        end = start
        while end + 1 < len(ids) and ids[end + 1] == ids[end] + 1:
            end += 1
        if end - start >= 2:
            condition |= Q(pk__range=(ids[start], ids[end]))
        else:
            singles.extend(ids[start : end + 1])
        start = end + 1
    return condition | Q(pk__in=singles) if singles else condition


def participations_of_batch(batch) -> Q:
    """Participations ``batch`` created or updated (a condition on ``Participation``)."""
    changes = batch.changes or {}
    return Q(import_batch=batch) | _ids(changes.get("changed_participations", {}))


def people_of_batch(batch) -> Q:
    """People ``batch`` created or updated, or whose participation it created or updated."""
    changes = batch.changes or {}
    people = [*changes.get("created_people", []), *changes.get("changed_people", {})]
    participations = Participation.objects.filter(participations_of_batch(batch))
    return _ids(people) | Q(pk__in=participations.values("person_id"))
