"""Export of an engagement's participants to XLSX or CSV, through ``ParticipantResource``.

Cells that a spreadsheet would run as a formula (starting with = + - @ tab or CR) are
written with a leading apostrophe in both formats; the importer removes it again, so an
export imports back unchanged.
"""

import csv
import io

from .resources import ParticipantResource

FORMATS = ("xlsx", "csv")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def export_participants(engagement, file_format: str, queryset=None) -> bytes:
    """The participants of ``engagement`` (or of ``queryset``) as a file of ``file_format``."""
    if file_format not in FORMATS:
        raise ValueError(f"unknown export format: {file_format}")
    resource = ParticipantResource(engagement=engagement)
    headers = resource.get_export_headers()
    rows = resource.export_rows(queryset)
    if file_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(headers)
        writer.writerows(rows)
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(str(engagement.slug)[:31] if engagement else "participants")
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_file_name(engagement, file_format: str) -> str:
    return f"{engagement.slug}-participants.{file_format}"
