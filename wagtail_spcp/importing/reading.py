"""Stage 1, read: bytes of an XLSX or CSV file into a header row and data rows.

Checks come first and are cheap: the size limit, then, for workbooks, the sizes the zip
archive declares (a zip bomb is refused before anything is unpacked), then formulas
that were never calculated. XLSX is read with python-calamine, openpyxl is the fallback.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .storage import max_uncompressed_bytes, max_upload_bytes

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
MAX_COMPRESSION_RATIO = 200
_CACHED_VALUE = re.compile(rb"<v(?:\s[^>]*)?>[^<]+</v>")
_FORMULA_CELL = re.compile(rb"<c\b[^>]*>((?:(?!</c>).)*?<f[ >/](?:(?!</c>).)*?)</c>", re.S)


class UnreadableFile(Exception):
    """The file cannot be imported; the message says why in words a user understands."""


@dataclass
class Table:
    """A sheet as read: header strings and rows of cell values (strings, numbers, dates)."""

    headers: list
    rows: list = field(default_factory=list)
    encoding: str = ""
    reader: str = ""

    def __len__(self):
        return len(self.rows)


def check_size(size: int) -> None:
    limit = max_upload_bytes()
    if size > limit:
        raise UnreadableFile(
            _("The file is %(size)s; the largest file you can import is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )


def read_table(data: bytes, file_name: str) -> Table:
    """Read ``data`` as the kind of file ``file_name`` names; raise ``UnreadableFile``."""
    check_size(len(data))
    if not data.strip():
        raise UnreadableFile(_("The file is empty."))
    name = file_name.lower()
    if name.endswith(XLSX_SUFFIXES):
        table = read_xlsx(data)
    elif name.endswith(CSV_SUFFIXES):
        table = read_csv(data)
    elif name.endswith(".xls"):
        raise UnreadableFile(
            _("Old Excel files (.xls) are not supported; save the file as .xlsx or CSV.")
        )
    else:
        raise UnreadableFile(_("Upload an Excel workbook (.xlsx) or a CSV file."))
    return _trim(table)


def _trim(table: Table) -> Table:
    """Drop blank rows and trailing blank header columns."""
    headers = [_as_header(h) for h in table.headers]
    while headers and not headers[-1]:
        headers.pop()
    if not any(headers):
        raise UnreadableFile(_("The file has no header row."))
    width = len(headers)
    rows = []
    for row in table.rows:
        row = list(row[:width])
        if not any(v not in (None, "") and str(v).strip() for v in row):
            continue
        if len(row) < width:
            row.extend([""] * (width - len(row)))
        rows.append(row)
    table.headers, table.rows = headers, rows
    return table


def _as_header(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


# --- XLSX -------------------------------------------------------------------------------


def check_workbook_archive(data: bytes) -> zipfile.ZipFile:
    """Open the workbook's zip archive, refusing damage and zip bombs from declared sizes."""
    if not data.startswith(b"PK"):
        raise UnreadableFile(
            _("This file is not an Excel workbook, although its name ends in .xlsx.")
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError) as error:
        raise UnreadableFile(
            _("The workbook is damaged or incomplete; save it again and re-upload it.")
        ) from error
    declared = sum(member.file_size for member in members)
    ratio_bomb = any(
        member.file_size > 1024 * 1024
        and member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1)
        for member in members
    )
    if declared > max_uncompressed_bytes() or ratio_bomb:
        raise UnreadableFile(
            _(
                "The workbook unpacks to %(size)s, far more than a spreadsheet of this size "
                "should; it was refused."
            )
            % {"size": filesizeformat(declared)}
        )
    names = {member.filename for member in members}
    if "xl/workbook.xml" not in names:
        raise UnreadableFile(
            _("This file is not an Excel workbook, although its name ends in .xlsx.")
        )
    return archive


def _first_sheet_part(archive: zipfile.ZipFile) -> str:
    sheets = sorted(
        n for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")
    )
    return sheets[0] if sheets else ""


def check_formulas(archive: zipfile.ZipFile) -> None:
    """Refuse formulas whose results were never saved: their values are unknown."""
    part = _first_sheet_part(archive)
    if not part:
        return
    try:
        xml = archive.read(part)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
        raise UnreadableFile(
            _("The workbook is damaged or incomplete; save it again and re-upload it.")
        ) from error
    if b"<f" not in xml:
        return
    for match in _FORMULA_CELL.finditer(xml):
        if not _CACHED_VALUE.search(match.group(1)):
            raise UnreadableFile(
                _(
                    "The workbook contains formulas whose results were never calculated. "
                    "Open it in Excel, save it, and upload it again (or paste the values "
                    "in place of the formulas)."
                )
            )


def read_xlsx(data: bytes) -> Table:
    archive = check_workbook_archive(data)
    check_formulas(archive)
    try:
        return _read_xlsx_calamine(data)
    except UnreadableFile:
        raise
    except Exception:  # noqa: BLE001 - calamine is strict; openpyxl reads what it cannot
        return _read_xlsx_openpyxl(data)


def _read_xlsx_calamine(data: bytes) -> Table:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    if not workbook.sheet_names:
        raise UnreadableFile(_("The workbook has no sheets."))
    rows = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    if not rows:
        raise UnreadableFile(_("The first sheet of the workbook is empty."))
    return Table(headers=list(rows[0]), rows=rows[1:], reader="calamine")


def _read_xlsx_openpyxl(data: bytes) -> Table:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - any parse failure means the same to the user
        raise UnreadableFile(
            _("The workbook is damaged or incomplete; save it again and re-upload it.")
        ) from error
    try:
        sheet = workbook.worksheets[0]
        rows = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    if not rows:
        raise UnreadableFile(_("The first sheet of the workbook is empty."))
    return Table(headers=list(rows[0]), rows=rows[1:], reader="openpyxl")


# --- CSV --------------------------------------------------------------------------------


def decode_text(data: bytes) -> tuple[str, str]:
    """Text and the encoding found: UTF-8 with BOM, UTF-8, else Windows-1252."""
    if b"\x00" in data[:4096]:
        raise UnreadableFile(_("This file is not a CSV text file."))
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def read_csv(data: bytes) -> Table:
    text, encoding = decode_text(data)
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as error:
        raise UnreadableFile(
            _("The CSV file could not be read: %(error)s") % {"error": error}
        ) from error
    if not rows:
        raise UnreadableFile(_("The file is empty."))
    return Table(headers=rows[0], rows=rows[1:], encoding=encoding, reader="csv")
