"""Writing spreadsheets: the one XLSX writer and the one CSV writer of the app's files.

XLSX is written with openpyxl's write-only mode, row by row, so memory stays flat for
large exports. Every text cell is formula-safe (``neutralise_formula``) and loses the
control characters an XML file cannot hold.
"""

import csv
import io

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from .widgets import neutralise_formula


def safe_cell(value):
    """``value`` as a cell a spreadsheet shows as typed: never a formula, never bad XML."""
    if isinstance(value, str):
        return neutralise_formula(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def xlsx_bytes(sheets) -> bytes:
    """A workbook of ``sheets``: (title, rows) pairs, each row a list of cell values."""
    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(str(title)[:31] or "Sheet1")
        for row in rows:
            sheet.append([safe_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows) -> bytes:
    """UTF-8 CSV with a byte order mark (so Excel reads accents), every cell formula-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
