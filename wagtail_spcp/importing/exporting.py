"""Export of an engagement's participants to XLSX or CSV, through ``ParticipantResource``.

Cells that a spreadsheet would run as a formula (starting with = + - @ tab or CR) are
written with a leading apostrophe in both formats; the importer removes it again, so an
export imports back unchanged.

XLSX is written by a small streaming writer (inline strings, one sheet), several times
faster than building cells with openpyxl; the files open in Excel, LibreOffice, openpyxl
and python-calamine.
"""

import csv
import io
import re
import zipfile
from xml.sax.saxutils import escape

from .resources import ParticipantResource, PersonResource

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
        return _csv(headers, rows)
    return write_xlsx(headers, rows, sheet_name=str(engagement.slug)[:31] if engagement else "")


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
    "xl/styles.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        "</cellStyleXfs>"
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        "</cellXfs>"
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    ),
}


def _column_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def write_xlsx(headers, rows, sheet_name="") -> bytes:
    """A one-sheet workbook of text cells, streamed row by row into the archive."""
    sheet_name = escape(_XML_ILLEGAL.sub("", sheet_name or "Sheet1"), {'"': "&quot;"})
    letters = [_column_letters(i) for i in range(len(headers))]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        archive.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets><sheet name="{sheet_name}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b"<sheetData>"
            )
            chunk = []
            for number, row in enumerate(_with_headers(headers, rows), 1):
                cells = "".join(
                    f'<c r="{letter}{number}" t="inlineStr"><is><t xml:space="preserve">'
                    f"{escape(_XML_ILLEGAL.sub('', value))}</t></is></c>"
                    for letter, value in zip(letters, row, strict=False)
                    if value
                )
                chunk.append(f'<row r="{number}">{cells}</row>')
                if len(chunk) == 1000:
                    sheet.write("".join(chunk).encode("utf-8"))
                    chunk = []
            sheet.write("".join(chunk).encode("utf-8"))
            sheet.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


def _with_headers(headers, rows):
    yield [str(h) for h in headers]
    for row in rows:
        yield ["" if value is None else str(value) for value in row]


def export_people(queryset, file_format: str) -> bytes:
    """People (say, a filtered listing, already scoped by region) as a file of ``file_format``."""
    if file_format not in FORMATS:
        raise ValueError(f"unknown export format: {file_format}")
    resource = PersonResource()
    headers = resource.get_export_headers()
    rows = resource.export_rows(queryset.order_by("last_name", "first_name", "pk"))
    if file_format == "csv":
        return _csv(headers, rows)
    return write_xlsx(headers, rows, sheet_name="people")


def _csv(headers, rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_file_name(engagement, file_format: str) -> str:
    return f"{engagement.slug}-participants.{file_format}"
