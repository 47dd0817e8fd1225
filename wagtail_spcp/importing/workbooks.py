"""What a workbook must pass before a reader unpacks it.

First the zip directory: the sizes it declares and their compression ratio. Then every
member is inflated once, in bounded chunks, to measure its real size, so a directory
that understates sizes is caught after at most the declared size. Every worksheet is
streamed through expat (no DTD, so no entities) on the way: a sheet whose cells span
more rows or columns than the limits allow refuses the workbook, before any reader
builds a sheet in memory; formulas whose results were never saved are noted per sheet,
and refuse the workbook only when the sheet imported holds them.
"""

import io
import posixpath
import struct
import zipfile
import zlib
from dataclasses import dataclass
from xml.parsers import expat

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from ..conf import max_columns, max_rows, max_uncompressed_bytes
from .limits import UnreadableFile, check_column_count, check_row_count

CHUNK = 64 * 1024
MAX_COMPRESSION_RATIO = 200
MAX_INDEX_PART_BYTES = 4 * 1024 * 1024  # workbook.xml and its relationships
LOCAL_HEADER = struct.Struct("<4s5H3L2H")
LOCAL_HEADER_SIGNATURE = b"PK\x03\x04"
ENCRYPTED = 0x1
WORKBOOK_PART = "xl/workbook.xml"
WORKBOOK_RELS_PART = "xl/_rels/workbook.xml.rels"
RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def damaged() -> UnreadableFile:
    return UnreadableFile(
        _("The workbook is damaged or incomplete; save it again and re-upload it.")
    )


def not_a_workbook() -> UnreadableFile:
    return UnreadableFile(_("This file is not an Excel workbook, although its name ends in .xlsx."))


def too_large(size: int) -> UnreadableFile:
    return UnreadableFile(
        _(
            "The workbook unpacks to %(size)s, far more than a spreadsheet of this size "
            "should; it was refused."
        )
        % {"size": filesizeformat(size)}
    )


def uncalculated_formulas() -> UnreadableFile:
    return UnreadableFile(
        _(
            "The workbook contains formulas whose results were never calculated. "
            "Open it in Excel, save it, and upload it again (or paste the values "
            "in place of the formulas)."
        )
    )


# --- the archive ------------------------------------------------------------------------


def open_archive(data: bytes) -> zipfile.ZipFile:
    """Open the workbook's zip archive, refusing damage and zip bombs from declared sizes."""
    if not data.startswith(b"PK"):
        raise not_a_workbook()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError) as error:
        raise damaged() from error
    declared = sum(member.file_size for member in members)
    ratio_bomb = any(
        member.file_size > 1024 * 1024
        and member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1)
        for member in members
    )
    if declared > max_uncompressed_bytes() or ratio_bomb:
        raise too_large(declared)
    if WORKBOOK_PART not in {member.filename for member in members}:
        raise not_a_workbook()
    return archive


def _raw_member(data: bytes, member: zipfile.ZipInfo) -> memoryview:
    """The member's stored (compressed) bytes, found through its local header."""
    offset = member.header_offset
    header = data[offset : offset + LOCAL_HEADER.size]
    if len(header) < LOCAL_HEADER.size:
        raise damaged()
    fields = LOCAL_HEADER.unpack(header)
    if fields[0] != LOCAL_HEADER_SIGNATURE:
        raise damaged()
    start = offset + LOCAL_HEADER.size + fields[-2] + fields[-1]
    end = start + member.compress_size
    if end > len(data):
        raise damaged()
    return memoryview(data)[start:end]


def member_chunks(data: bytes, member: zipfile.ZipInfo):
    """Yield the member's unpacked bytes in chunks of at most ``CHUNK``.

    Raises ``UnreadableFile`` as soon as the member unpacks to more than its declared
    size, and when it unpacks to less: a reader must never meet bytes these checks
    did not count.
    """
    if member.flag_bits & ENCRYPTED:
        raise damaged()
    raw = _raw_member(data, member)
    if member.compress_type == zipfile.ZIP_STORED:
        if member.compress_size != member.file_size:
            raise damaged()
        for start in range(0, len(raw), CHUNK):
            yield bytes(raw[start : start + CHUNK])
        return
    if member.compress_type != zipfile.ZIP_DEFLATED:
        raise damaged()
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    produced, position = 0, 0
    while not inflater.eof:
        try:
            if inflater.unconsumed_tail:
                chunk = inflater.decompress(inflater.unconsumed_tail, CHUNK)
            elif position < len(raw):
                chunk = inflater.decompress(raw[position : position + CHUNK], CHUNK)
                position += CHUNK
            else:
                break
        except zlib.error as error:
            raise damaged() from error
        produced += len(chunk)
        if produced > member.file_size:
            raise damaged()
        if chunk:
            yield chunk
    if not inflater.eof or produced != member.file_size:
        raise damaged()


def _read_small(data: bytes, member: zipfile.ZipInfo) -> bytes:
    if member.file_size > MAX_INDEX_PART_BYTES:
        raise damaged()
    return b"".join(member_chunks(data, member))


# --- XML, safely ------------------------------------------------------------------------


def _refuse_dtd(*args):
    raise damaged()


def safe_parser(start, namespace_separator=None):
    """An expat parser that refuses any document type declaration (and so any entity)."""
    parser = expat.ParserCreate(namespace_separator=namespace_separator)
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.ExternalEntityRefHandler = _refuse_dtd
    parser.StartElementHandler = start
    return parser


def _local(name: str) -> str:
    return name[name.find(":") + 1 :]


def _elements(xml: bytes, wanted: str) -> list:
    """The attributes of every element named ``wanted`` (any prefix) in a small part."""
    found = []

    def start(name, attributes):
        if _local(name) == wanted:
            found.append({_local(key): value for key, value in attributes.items()})

    parser = safe_parser(start)
    try:
        parser.Parse(xml, True)
    except expat.ExpatError as error:
        raise damaged() from error
    return found


def sheet_parts(data: bytes, archive: zipfile.ZipFile) -> list:
    """The workbook's worksheets as (name, part) pairs, in the order readers list them.

    Without the workbook's relationships, readers open the first worksheet part; it is
    then the one sheet, named "".
    """
    names = set(archive.namelist())
    if WORKBOOK_RELS_PART not in names:
        worksheets = sorted(
            n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")
        )
        return [("", worksheets[0])] if worksheets else []
    sheets = _elements(_read_small(data, archive.getinfo(WORKBOOK_PART)), "sheet")
    targets = {
        rel.get("Id"): rel.get("Target", "")
        for rel in _elements(_read_small(data, archive.getinfo(WORKBOOK_RELS_PART)), "Relationship")
    }
    found = []
    for sheet in sheets:
        target = targets.get(sheet.get("id"), "")
        part = posixpath.normpath(target[1:] if target.startswith("/") else f"xl/{target}")
        if part not in names:
            raise damaged()  # a reader would fail, or find a part these checks did not
        if part.startswith("xl/worksheets/"):
            found.append((sheet.get("name", ""), part))
    return found


# --- the worksheets ----------------------------------------------------------------------


@dataclass
class SheetArea:
    """The rows and columns a sheet's cells span (1-based, inclusive), its cell count, and
    whether it holds formulas whose results were never saved."""

    first_row: int = 0
    last_row: int = 0
    first_column: int = 0
    last_column: int = 0
    cells: int = 0
    uncalculated: bool = False

    @property
    def size(self) -> int:
        if not self.cells:
            return 0
        return (self.last_row - self.first_row + 1) * (self.last_column - self.first_column + 1)


_DIGITS = "0123456789"
_column_numbers = {}


def _column_number(letters: str) -> int:
    """("AB") -> 28; 0 when ``letters`` are not column letters."""
    number = _column_numbers.get(letters)
    if number is None:
        number = 0
        for char in letters.upper():
            if not "A" <= char <= "Z":
                return 0
            number = number * 26 + ord(char) - 64
        if len(letters) <= 3:
            _column_numbers[letters] = number
    return number


def _row_number(digits: str) -> int:
    """("12") -> 12; 0 when ``digits`` are not a row number; numbers past Excel's cap stay big."""
    if not (digits.isascii() and digits.isdigit()):
        return 0
    return int(digits) if len(digits) <= 10 else 10**10


def _cell_position(reference: str) -> tuple[int, int]:
    """("AB12") -> (12, 28); (0, 0) when the reference is not one."""
    letters = reference.rstrip(_DIGITS)
    digits = reference[len(letters) :]
    if not (letters and digits):
        return 0, 0
    return _row_number(digits), _column_number(letters)


SPREADSHEET_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",  # "strict" Office Open XML
)
ROW, CELL, VALUE, FORMULA, INLINE_STRING = "row", "c", "v", "f", "is"
_ELEMENTS = {
    f"{namespace} {name}" if namespace else name: name
    for namespace in ("", *SPREADSHEET_NAMESPACES)
    for name in (ROW, CELL, VALUE, FORMULA, INLINE_STRING)
}


def _attribute(attributes: list, name: str) -> str:
    """An attribute's value from expat's ordered list of names and values."""
    for index in range(0, len(attributes), 2):
        if attributes[index] == name:
            return attributes[index + 1]
    return ""


class SheetScan:
    """Streams a worksheet part: notes uncalculated formulas, refuses sheets beyond the limits.

    A cell counts when it holds a value, an inline string or a formula; its position is
    its ``r`` reference, or the one after the previous cell when it has none. Only
    element starts are handled (a cell is judged when the next cell, row or the end of
    the part comes), and text only inside a formula's value: the scan stays cheap per
    cell.
    """

    def __init__(self):
        self.area = SheetArea()
        self.row_limit, self.column_limit = max_rows(), max_columns()
        self.row = self.column = 0
        self.in_cell = self.has_content = self.has_formula = self.has_value = False
        self.reading_value = False
        self.parser = safe_parser(self._start, namespace_separator=" ")
        self.parser.ordered_attributes = True

    def feed(self, chunk: bytes, last: bool = False) -> None:
        try:
            self.parser.Parse(chunk, last)
        except expat.ExpatError as error:
            raise damaged() from error
        if last:
            self._close_cell()

    def _start(self, name, attributes):
        if self.reading_value:
            self.reading_value = False
            self.parser.CharacterDataHandler = None
        kind = _ELEMENTS.get(name)
        if kind is None:
            return
        if kind == CELL:
            self._close_cell()
            row, column = _cell_position(_attribute(attributes, "r"))
            self.row = row or self.row
            self.column = column or self.column + 1
            self.in_cell = True
        elif kind == ROW:
            self._close_cell()
            self.row = _row_number(_attribute(attributes, "r")) or self.row + 1
            self.column = 0
        elif not self.in_cell:
            return
        elif kind == VALUE:
            self.has_content = True
            if self.has_formula:
                self.reading_value = True
                self.parser.CharacterDataHandler = self._value_text
        else:  # a formula or an inline string
            self.has_content = True
            self.has_formula = self.has_formula or kind == FORMULA

    def _value_text(self, text):
        if text.strip():
            self.has_value = True

    def _close_cell(self):
        if not self.in_cell:
            return
        if self.has_formula and not self.has_value:
            self.area.uncalculated = True
        if self.has_content:
            self._count_cell(self.row or 1, self.column or 1)
        self.in_cell = self.has_content = self.has_formula = self.has_value = False

    def _count_cell(self, row, column):
        area = self.area
        area.cells += 1
        if area.cells == 1:
            area.first_row = area.last_row = row
            area.first_column = area.last_column = column
            return
        if row > area.last_row:
            area.last_row = row
            if row - area.first_row > self.row_limit:  # the first row holds the headers
                check_row_count(row - area.first_row)
        elif row < area.first_row:
            area.first_row = row
            if area.last_row - row > self.row_limit:
                check_row_count(area.last_row - row)
        if column > area.last_column:
            area.last_column = column
        elif column < area.first_column:
            area.first_column = column
        else:
            return
        if area.last_column - area.first_column >= self.column_limit:
            check_column_count(area.last_column - area.first_column + 1)


def check_workbook(data: bytes) -> dict:
    """Check the whole archive and scan its worksheets: {sheet name: ``SheetArea``}."""
    archive = open_archive(data)
    sheets = sheet_parts(data, archive)
    scans = {part: SheetScan() for _name, part in sheets}
    for member in archive.infolist():
        scan = scans.get(member.filename)
        for chunk in member_chunks(data, member):
            if scan is not None:
                scan.feed(chunk)
        if scan is not None:
            scan.feed(b"", last=True)
    return {name: scans[part].area for name, part in sheets}
