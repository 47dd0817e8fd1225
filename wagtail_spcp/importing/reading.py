"""Stage 1, read: bytes of an XLSX or CSV file into a header row and data rows.

Checks come first and are cheap: the size limit, then, for workbooks, the archive and
its first sheet (``workbooks``: zip bombs, sizes the archive lies about, formulas never
calculated, too many rows or columns) before any reader unpacks the sheet. Rows are then
streamed from the reader, blank ones dropped and each cut to the header's width, with the
row and column limits enforced as they come.

XLSX is read with python-calamine; openpyxl (read-only) is the fallback, and reads the
sparse sheets whose area calamine would hold in memory cell by cell. CSV is read in
UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text") or Windows-1252;
``"`` is always the quote character and only the delimiter (``,`` ``;`` or tab) is
detected.
"""

import codecs
import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

import openpyxl
from python_calamine import CalamineWorkbook

from ..conf import max_columns, max_rows
from .limits import UnreadableFile, check_column_count, check_row_count, check_size
from .workbooks import check_workbook

__all__ = ["CSV_SUFFIXES", "XLSX_SUFFIXES", "Table", "UnreadableFile", "check_size", "read_table"]

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
# Above this many cells in a sheet's area (blank ones included), calamine's grid would not
# fit comfortably in memory, and openpyxl streams the sheet instead.
CALAMINE_MAX_AREA = 4_000_000
DELIMITERS = (",", ";", "\t")
DELIMITER_SAMPLE_CHARS = 16 * 1024
DELIMITER_SAMPLE_LINES = 20
BINARY_SNIFF_BYTES = 4096
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
REPLACEMENT = "\ufffd"


@dataclass
class Table:
    """A sheet as read: header strings and rows of cell values (strings, numbers, dates).

    ``undecodable`` says some bytes of a text file were not valid in its encoding; they
    read as U+FFFD, and the rows holding one are reported invalid.
    """

    headers: list
    rows: list = field(default_factory=list)
    encoding: str = ""
    reader: str = ""
    undecodable: bool = False

    def __len__(self):
        return len(self.rows)


def read_table(data: bytes, file_name: str) -> Table:
    """Read ``data`` as the kind of file ``file_name`` names; raise ``UnreadableFile``."""
    check_size(len(data))
    if not data.strip():
        raise UnreadableFile(_("The file is empty."))
    name = file_name.lower()
    if name.endswith(XLSX_SUFFIXES):
        return read_xlsx(data)
    if name.endswith(CSV_SUFFIXES):
        return read_csv(data)
    if name.endswith(".xls"):
        raise UnreadableFile(
            _("Old Excel files (.xls) are not supported; save the file as .xlsx or CSV.")
        )
    raise UnreadableFile(_("Upload an Excel workbook (.xlsx) or a CSV file."))


def collect(table: Table, rows, empty_message: str) -> Table:
    """Fill ``table`` from a stream of rows, the first being the headers.

    Blank rows are dropped, the others cut or padded to the headers' width; the row and
    column limits are checked as each row arrives, so a huge file stops at the limit.
    """
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        raise UnreadableFile(empty_message)
    column_limit, row_limit = max_columns(), max_rows()
    check_column_count(len(first))
    headers = [_as_header(h) for h in first]
    while headers and not headers[-1]:
        headers.pop()
    if not any(headers):
        raise UnreadableFile(_("The file has no header row."))
    width = len(headers)
    kept = []
    for count, row in enumerate(rows, 1):
        if count > row_limit:
            check_row_count(count)
        if len(row) > column_limit:
            check_column_count(len(row))
        row = ["" if value is None else value for value in row[:width]]
        if not any(value != "" and str(value).strip() for value in row):
            continue
        if len(row) < width:
            row.extend([""] * (width - len(row)))
        kept.append(row)
    table.headers, table.rows = headers, kept
    return table


def _as_header(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


# --- XLSX -------------------------------------------------------------------------------


def read_xlsx(data: bytes) -> Table:
    area = check_workbook(data)
    if area.size > CALAMINE_MAX_AREA:
        return _read_xlsx_openpyxl(data)
    try:
        return _read_xlsx_calamine(data)
    except UnreadableFile:
        raise
    except Exception:  # noqa: BLE001 - calamine is strict; openpyxl reads what it cannot
        return _read_xlsx_openpyxl(data)


def _read_xlsx_calamine(data: bytes) -> Table:
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    if not workbook.sheet_names:
        raise UnreadableFile(_("The workbook has no sheets."))
    sheet = workbook.get_sheet_by_index(0)
    return collect(
        Table(headers=[], reader="calamine"),
        sheet.iter_rows(),
        _("The first sheet of the workbook is empty."),
    )


def _read_xlsx_openpyxl(data: bytes) -> Table:
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - any parse failure means the same to the user
        raise UnreadableFile(
            _("The workbook is damaged or incomplete; save it again and re-upload it.")
        ) from error
    try:
        if not workbook.worksheets:
            raise UnreadableFile(_("The workbook has no sheets."))
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # the declared dimension may lie; read the cells there are
        return collect(
            Table(headers=[], reader="openpyxl"),
            sheet.iter_rows(values_only=True),
            _("The first sheet of the workbook is empty."),
        )
    finally:
        workbook.close()


# --- CSV --------------------------------------------------------------------------------


def _not_text() -> UnreadableFile:
    return UnreadableFile(_("This file is not a CSV text file."))


def _nul_found(line: int) -> UnreadableFile:
    return UnreadableFile(
        _(
            "Line %(line)d of the file holds a NUL character, which a CSV text file cannot "
            "hold; nothing was imported. Save the file again as CSV and re-upload it."
        )
        % {"line": line}
    )


def decode_text(data: bytes) -> tuple[str, str, bool]:
    """Text, the encoding found, and whether some bytes could not be decoded.

    UTF-16 needs its byte order mark. A file that fails as UTF-8 is still read as UTF-8
    when most of its non-ASCII characters are valid UTF-8 (a few damaged bytes read as
    U+FFFD); otherwise it is Windows-1252. A NUL character anywhere refuses the file.
    """
    if data.startswith(UTF16_BOMS):
        text = data.decode("utf-16", errors="replace")
        position = text.find("\x00")
        if position >= 0:
            raise _nul_found(text.count("\n", 0, position) + 1)
        return text, "utf-16", REPLACEMENT in text
    position = data.find(b"\x00")
    if 0 <= position < BINARY_SNIFF_BYTES:
        raise _not_text()
    if position >= 0:
        raise _nul_found(data.count(b"\n", 0, position) + 1)
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
        return text, "utf-8-sig", REPLACEMENT in text
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    if _mostly_utf8(text):
        return text, "utf-8", True
    try:
        return data.decode("cp1252"), "cp1252", False
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", False


def _mostly_utf8(text: str) -> bool:
    """More valid non-ASCII characters than replaced bytes in text decoded as UTF-8."""
    replaced = text.count(REPLACEMENT)
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return non_ascii - replaced > replaced


def detect_delimiter(text: str) -> str:
    """``,`` ``;`` or tab: the one that splits the first lines into the most steady columns."""
    lines = text[:DELIMITER_SAMPLE_CHARS].splitlines()[:DELIMITER_SAMPLE_LINES]
    if len(text) > DELIMITER_SAMPLE_CHARS and len(lines) > 1:
        lines.pop()  # likely cut short
    best, best_score = ",", (0, 1)
    for delimiter in DELIMITERS:
        try:
            rows = list(csv.reader(lines, delimiter=delimiter, quotechar='"'))
        except csv.Error:
            continue
        if not rows:
            continue
        width = len(rows[0])
        score = (sum(len(row) == width for row in rows[1:]), width)
        if width > 1 and score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(data: bytes) -> Table:
    text, encoding, undecodable = decode_text(data)
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=detect_delimiter(text),
        quotechar='"',
        doublequote=True,
        quoting=csv.QUOTE_MINIMAL,
    )
    table = Table(headers=[], encoding=encoding, reader="csv", undecodable=undecodable)
    try:
        return collect(table, reader, _("The file is empty."))
    except csv.Error as error:
        raise UnreadableFile(
            _("The CSV file could not be read: %(error)s") % {"error": error}
        ) from error
