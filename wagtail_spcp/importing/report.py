"""The report stage of an import: the error workbook with its warnings and rewrites."""

from django.utils.translation import gettext as _

from .pipeline import ImportOutcome
from .spreadsheets import xlsx_bytes


def error_workbook(outcome: ImportOutcome) -> bytes:
    """The invalid rows as they were uploaded, with an "errors" column, as XLSX; then the
    warnings and the rewritten values, each on a sheet of its own."""
    width = len(outcome.headers)

    def invalid_rows():
        yield [str(h) for h in outcome.headers] + [_("errors")]
        for raw, errors in outcome.invalid_rows:
            cells = list(raw[:width]) + [""] * (width - len(raw))
            yield cells + ["; ".join(f"{header}: {reason}" for header, reason in errors)]

    return xlsx_bytes([(_("Invalid rows"), invalid_rows()), *notes_sheets(outcome)])


def notes_sheets(outcome: ImportOutcome) -> list:
    """The outcome's warnings and rewritten values as (title, rows) sheets, when it has any.

    Each sheet lists what the outcome kept (the first ``KEPT_NOTES``) and, when there
    were more, says how many there were in all.
    """
    sheets = (
        (
            _("Warnings"),
            (_("row"), _("column"), _("value"), _("warning")),
            [(w["row"], w["column"], w["value"], w["message"]) for w in outcome.warnings],
            outcome.warning_count,
        ),
        (
            _("Rewritten values"),
            (_("row"), _("column"), _("in the file"), _("stored")),
            [(r["row"], r["column"], r["original"], r["stored"]) for r in outcome.rewrites],
            outcome.rewrite_count,
        ),
    )
    result = []
    for title, headings, rows, count in sheets:
        if not rows:
            continue
        table = [[str(heading) for heading in headings]]
        table += [[_sheet_value(value) for value in values] for values in rows]
        if count > len(rows):
            table.append([_("%(shown)d of %(count)d shown") % {"shown": len(rows), "count": count}])
        result.append((title, table))
    return result


def _sheet_value(value):
    """A note's value as a cell: text, a number, or "yes"/"no"."""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if value is None:
        return ""
    return value if isinstance(value, int | str) else str(value)
