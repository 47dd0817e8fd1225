"""Small workbooks built part by part, for the files a spreadsheet program would never write."""

import io
import struct
import zipfile

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>"
    ),
}


def text_cell(reference: str, text: str, end_tag: str = "</c>") -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is>{end_tag}'


def sheet_xml(rows, prologue: str = "") -> bytes:
    """A worksheet part; ``rows`` are the ``<row>`` elements as text."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prologue}<worksheet xmlns="{MAIN_NS}">'
        f"<sheetData>{''.join(rows)}</sheetData></worksheet>"
    ).encode()


def table_rows(rows) -> list:
    """``<row>`` elements of text cells from lists of strings (header first)."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return [
        f'<row r="{number}">'
        + "".join(text_cell(f"{letters[i]}{number}", value) for i, value in enumerate(row))
        + "</row>"
        for number, row in enumerate(rows, 1)
    ]


def workbook(sheet: bytes, other_parts=None) -> bytes:
    """A workbook whose first sheet is the worksheet part ``sheet``; ``other_parts`` add
    parts or replace the standard ones."""
    parts = {**PARTS, "xl/worksheets/sheet1.xml": sheet, **(other_parts or {})}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def understate_size(data: bytes, part: str, declared: int) -> bytes:
    """The workbook with ``part``'s unpacked size declared as ``declared`` bytes, everywhere."""
    data = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(part)
    struct.pack_into("<L", data, info.header_offset + 22, declared)  # local header
    name = part.encode()
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        if data[position + 46 : position + 46 + len(name)] == name:
            struct.pack_into("<L", data, position + 24, declared)  # central directory
        position = data.find(b"PK\x01\x02", position + 4)
    return bytes(data)
