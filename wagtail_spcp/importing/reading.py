"""Stage 1, read: bytes of an XLSX or CSV file into a header row and data rows.

Checks come first and are cheap: the size limit, then, for workbooks, the archive and
its worksheets (``workbooks``: zip bombs, sizes the archive lies about, formulas never
calculated, too many rows or columns) before any reader unpacks a sheet. The first rows
of each sheet are then read to find the table (``tables``): the header row below title,
date and blank rows, a two-row header, and, in a workbook, the sheet that holds the
participants. The rest is streamed from the reader, blank rows dropped and each cut to
the header's width, with the row and column limits enforced as they come; each data row
keeps its row number in the file.

XLSX is read with python-calamine; openpyxl (read-only) is the fallback, and reads the
workbooks with a sparse sheet whose area calamine would hold in memory cell by cell. CSV
is read in UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text") or
Windows-1252; ``"`` is always the quote character and only the delimiter (``,`` ``;`` or
tab) is detected.
"""

import codecs
import csv
import io
from dataclasses import dataclass, field
from itertools import chain, islice

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

import openpyxl
from python_calamine import CalamineWorkbook

from ..conf import max_columns, max_rows
from .limits import UnreadableFile, check_column_count, check_row_count, check_size
from .tables import HEAD_ROWS, Header, find_header, is_blank
from .workbooks import check_workbook, uncalculated_formulas

__all__ = ["CSV_SUFFIXES", "XLSX_SUFFIXES", "Table", "UnreadableFile", "check_size", "read_table"]

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
# Above this many cells in a sheet's area (blank ones included), calamine's grid would not
# fit comfortably in memory, and openpyxl streams the workbook instead.
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

    ``sheet`` is the sheet read ("" for CSV) among ``sheet_names``; ``header_row`` the
    file row of the (first) header row, ``header_rows`` 1 or 2; ``numbers`` the file row
    of each data row. ``undecodable`` says some bytes of a text file were not valid in
    its encoding; they read as U+FFFD, and the rows holding one are reported invalid.
    """

    headers: list
    rows: list = field(default_factory=list)
    encoding: str = ""
    reader: str = ""
    undecodable: bool = False
    sheet: str = ""
    sheet_names: list = field(default_factory=list)
    header_row: int = 1
    header_rows: int = 1
    numbers: list = field(default_factory=list)

    def __len__(self):
        return len(self.rows)


def read_table(data: bytes, file_name: str, sheet=None, header_row=None) -> Table:
    """Read ``data`` as the kind of file ``file_name`` names; raise ``UnreadableFile``.

    ``sheet`` (a workbook's sheet name) and ``header_row`` (1-based, the header's first
    row) replace the ones the reader would find.
    """
    check_size(len(data))
    if not data.strip():
        raise UnreadableFile(_("The file is empty."))
    if header_row is not None and header_row < 1:
        raise UnreadableFile(_("The header row is counted from 1, the file's first row."))
    name = file_name.lower()
    if name.endswith(XLSX_SUFFIXES):
        return read_xlsx(data, sheet or None, header_row)
    if name.endswith(CSV_SUFFIXES):
        return read_csv(data, header_row)
    if name.endswith(".xls"):
        raise UnreadableFile(
            _("Old Excel files (.xls) are not supported; save the file as .xlsx or CSV.")
        )
    raise UnreadableFile(_("Upload an Excel workbook (.xlsx) or a CSV file."))


@dataclass
class SheetStart:
    """A sheet's first rows, the header found in them, and the rows not read yet."""

    name: str
    head: list
    rest: object  # an iterator of the following rows
    header: Header | None


def start_sheet(name, rows, merged_by_row=None, header_row=None) -> SheetStart:
    """Read a sheet's first rows (row 1 first) and find its header."""
    rows = iter(rows)
    count = HEAD_ROWS if header_row is None else max(HEAD_ROWS, min(header_row, max_rows()) + 1)
    head = list(islice(rows, count))
    column_limit = max_columns()
    for row in head:
        if len(row) > column_limit:
            check_column_count(len(row))
    return SheetStart(name, head, rows, find_header(head, merged_by_row, header_row))


def collect(table: Table, start: SheetStart) -> Table:
    """Fill ``table`` with the header ``start`` found and the data rows under it.

    Blank rows are dropped, the others cut or padded to the headers' width; the row and
    column limits are checked as each row arrives, so a huge file stops at the limit.
    """
    header = start.header
    column_limit, row_limit = max_columns(), max_rows()
    width = len(header.headers)
    above = header.index + header.rows  # rows above the first data row
    kept, numbers = [], []
    for count, row in enumerate(chain(start.head[above:], start.rest), 1):
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
        numbers.append(above + count)
    table.headers, table.rows, table.numbers = header.headers, kept, numbers
    table.sheet, table.header_row, table.header_rows = start.name, header.index + 1, header.rows
    return table


def _quoted(names) -> str:
    return ", ".join(f"“{name}”" for name in names)


def no_header(starts, forced_row=None) -> UnreadableFile:
    """Why no table was found, in words that quote no cell of the file."""
    if forced_row is not None and len(starts) == 1 and starts[0].name:
        return UnreadableFile(
            _(
                "Row %(row)d of the sheet “%(sheet)s” is blank, or past its end; it cannot "
                "be the header row."
            )
            % {"row": forced_row, "sheet": starts[0].name}
        )
    if forced_row is not None:
        return UnreadableFile(
            _("Row %(row)d of the file is blank, or past its end; it cannot be the header row.")
            % {"row": forced_row}
        )
    if all(is_blank(row) for start in starts for row in start.head):
        if len(starts) == 1 and starts[0].name:
            return UnreadableFile(_("The sheet “%(sheet)s” is empty.") % {"sheet": starts[0].name})
        return UnreadableFile(_("The file is empty."))
    hint = _("The header row holds a title over each column, such as “Email” or “Last name”.")
    if len(starts) > 1:
        message = _(
            "No sheet of the workbook has a row that looks like column headers; the sheets "
            "read were %(sheets)s."
        ) % {"sheets": _quoted(start.name for start in starts)}
        return UnreadableFile(f"{message} {hint}")
    start = starts[0]
    count = len(start.head)
    if start.name:
        message = ngettext(
            "The sheet “%(sheet)s” has one row, and it does not look like column headers.",
            "None of the %(count)d rows read from the sheet “%(sheet)s” looks like column headers.",
            count,
        ) % {"sheet": start.name, "count": count}
    else:
        message = ngettext(
            "The file has one row, and it does not look like column headers.",
            "None of the %(count)d rows read from the file looks like column headers.",
            count,
        ) % {"count": count}
    return UnreadableFile(f"{message} {hint}")


# --- XLSX -------------------------------------------------------------------------------


def read_xlsx(data: bytes, sheet=None, header_row=None) -> Table:
    areas = check_workbook(data)
    if sheet is not None and areas and "" not in areas and sheet not in areas:
        raise unknown_sheet(sheet, list(areas))
    wanted = [areas[sheet]] if sheet in areas else list(areas.values())
    if wanted and all(area.uncalculated for area in wanted):
        raise uncalculated_formulas()
    if any(area.size > CALAMINE_MAX_AREA for area in areas.values()):
        return _read_xlsx_openpyxl(data, areas, sheet, header_row)
    try:
        return _read_xlsx_calamine(data, areas, sheet, header_row)
    except UnreadableFile:
        raise
    except Exception:  # noqa: BLE001 - calamine is strict; openpyxl reads what it cannot
        return _read_xlsx_openpyxl(data, areas, sheet, header_row)


def unknown_sheet(sheet, names) -> UnreadableFile:
    return UnreadableFile(
        _("The workbook has no sheet named “%(sheet)s”; its sheets are %(sheets)s.")
        % {"sheet": sheet, "sheets": _quoted(names)}
    )


def read_workbook(table: Table, names, open_sheet, areas, sheet, header_row) -> Table:
    """Find the table among the workbook's sheets and read it into ``table``.

    ``open_sheet(name)`` returns the sheet's rows and its merged ranges by row. With no
    ``sheet`` given, each worksheet's first rows are read, and the sheet whose header
    names the most participant columns is read on (the first on a tie).
    """
    if not names:
        raise UnreadableFile(_("The workbook has no sheets."))
    if sheet is not None and sheet not in names:
        raise unknown_sheet(sheet, names)
    tried = [sheet] if sheet is not None else [n for n in names if n in areas] or names[:1]
    starts, best = [], None
    for name in tried:
        rows, merged_by_row = open_sheet(name)
        start = start_sheet(name, rows, merged_by_row, header_row)
        starts.append(SheetStart(name, start.head, None, start.header))
        if start.header and (best is None or start.header.recognised > best.header.recognised):
            best = start
    if best is None:
        raise no_header(starts, header_row)
    area = areas.get(best.name) or areas.get("")
    if area is not None and area.uncalculated:
        raise uncalculated_formulas()
    table.sheet_names = list(names)
    return collect(table, best)


def _calamine_merged(sheet) -> dict:
    """A calamine sheet's merged ranges over several columns: {row: [(first, last)]}.

    Rows count from the sheet's first row; columns from its first used column, as
    calamine's rows do.
    """
    offset = sheet.start[1] if sheet.start else 0
    merged = {}
    for (first_row, first_column), (_last_row, last_column) in sheet.merged_cell_ranges or ():
        if last_column > first_column:
            merged.setdefault(first_row, []).append((first_column - offset, last_column - offset))
    return merged


def _read_xlsx_calamine(data: bytes, areas, sheet, header_row) -> Table:
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))

    def open_sheet(name):
        found = workbook.get_sheet_by_name(name)
        return found.iter_rows(), _calamine_merged(found)

    return read_workbook(
        Table(headers=[], reader="calamine"),
        list(workbook.sheet_names),
        open_sheet,
        areas,
        sheet,
        header_row,
    )


def _read_xlsx_openpyxl(data: bytes, areas, sheet, header_row) -> Table:
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - any parse failure means the same to the user
        raise UnreadableFile(
            _("The workbook is damaged or incomplete; save it again and re-upload it.")
        ) from error

    def open_sheet(name):
        found = workbook[name]
        found.reset_dimensions()  # the declared dimension may lie; read the cells there are
        return found.iter_rows(values_only=True), {}

    try:
        return read_workbook(
            Table(headers=[], reader="openpyxl"),
            list(workbook.sheetnames),
            open_sheet,
            areas,
            sheet,
            header_row,
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


def read_csv(data: bytes, header_row=None) -> Table:
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
        start = start_sheet("", reader, header_row=header_row)
        if start.header is None:
            raise no_header([start], header_row)
        return collect(table, start)
    except csv.Error as error:
        raise UnreadableFile(
            _("The CSV file could not be read: %(error)s") % {"error": error}
        ) from error
