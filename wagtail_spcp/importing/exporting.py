"""Export of participants and people to XLSX or CSV, with the resources' columns.

Cells that a spreadsheet would run as a formula (starting with = + - @ tab or CR) are
written with a leading apostrophe in both formats; the importer removes it again, so an
export imports back unchanged.
"""

from .resources import ParticipantResource, PersonResource
from .spreadsheets import csv_bytes, xlsx_bytes

FORMATS = ("xlsx", "csv")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def export_participants(engagement, file_format: str, queryset=None) -> bytes:
    """The participants of ``engagement`` (or of ``queryset``) as a file of ``file_format``."""
    resource = ParticipantResource(engagement=engagement)
    sheet_name = str(engagement.slug) if engagement else "participants"
    return export_resource(resource, resource.export_rows(queryset), file_format, sheet_name)


def export_people(queryset, file_format: str) -> bytes:
    """People (say, a filtered listing, already scoped by region) as a file of ``file_format``."""
    rows = PersonResource().export_rows(queryset.order_by("last_name", "first_name", "pk"))
    return export_resource(PersonResource(), rows, file_format, "people")


def export_resource(resource, rows, file_format: str, sheet_name: str) -> bytes:
    """The resource's headers and ``rows`` as a file of ``file_format`` (xlsx or csv)."""
    if file_format not in FORMATS:
        raise ValueError(f"unknown export format: {file_format}")
    table = _with_headers(resource.get_export_headers(), rows)
    if file_format == "csv":
        return csv_bytes(table)
    return xlsx_bytes([(sheet_name, table)])


def _with_headers(headers, rows):
    yield [str(h) for h in headers]
    for row in rows:
        yield ["" if value is None else str(value) for value in row]


def export_file_name(engagement, file_format: str) -> str:
    return f"{engagement.slug}-participants.{file_format}"
