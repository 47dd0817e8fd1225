"""Writing spreadsheets: the one XLSX writer and the one CSV writer of the app's files.

XLSX is written with XlsxWriter in constant-memory mode, row by row, so memory stays flat
for large exports. Every text cell is written as text (never a formula, a number or a
link), is formula-safe for other programs (``neutralise_formula``) and loses the control
characters an XML file cannot hold.
"""

import csv
import io

import xlsxwriter
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from .widgets import neutralise_formula


def safe_cell(value):
    """``value`` as a cell a spreadsheet shows as typed: never a formula, never bad XML."""
    if isinstance(value, str):
        return neutralise_formula(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


WORKBOOK_OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}


def xlsx_bytes(sheets) -> bytes:
    """A workbook of ``sheets``: (title, rows) pairs, each row a list of cell values."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, WORKBOOK_OPTIONS)
    for title, rows in sheets:
        sheet = workbook.add_worksheet(str(title)[:31] or "Sheet1")
        for number, row in enumerate(rows):
            sheet.write_row(number, 0, [safe_cell(value) for value in row])
    workbook.close()
    return buffer.getvalue()


def csv_bytes(rows) -> bytes:
    """UTF-8 CSV with a byte order mark (so Excel reads accents), every cell formula-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
