"""The real-world corpus in tests/files/corpus: its files, their expected results, their rows.

``header_and_rows`` reads a file's table at the header row its expected results name. A
table on the first sheet with its header on row 1 is read by the importer's own
``read_table``; the others are read row by row here, since finding their header row and
sheet is the importer's part tested elsewhere. A two-row header is joined the way a reader
sees it: the question carried over its blank cells, then the label.
"""

import csv
import io
import json
from functools import cache
from pathlib import Path

from python_calamine import CalamineWorkbook

from wagtail_spcp.importing.reading import decode_text, read_table

CORPUS = Path(__file__).resolve().parent.parent / "files" / "corpus"
FILE_NAMES = tuple(sorted(path.name.removesuffix(".json") for path in CORPUS.glob("*.json")))


def corpus_bytes(name) -> bytes:
    return (CORPUS / name).read_bytes()


@cache
def _expected(name) -> str:
    return (CORPUS / f"{name}.json").read_text(encoding="utf-8")


def expected(name) -> dict:
    """The file's expected results (a fresh copy each time)."""
    return json.loads(_expected(name))


def all_rows(name) -> list:
    """Every row of the file (of its expected sheet), title and blank rows included."""
    data = corpus_bytes(name)
    if name.endswith(".csv"):
        text, _encoding, _damaged = decode_text(data)
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""))]
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    sheet = expected(name)["sheet"] or workbook.sheet_names[0]
    return [list(row) for row in workbook.get_sheet_by_name(sheet).to_python()]


def join_header_rows(first, second) -> list:
    """A question row and a label row as one header row."""
    headers, question = [], ""
    for index, label in enumerate(second):
        top = str(first[index]).strip() if index < len(first) else ""
        label = str(label).strip()
        question = top or question
        headers.append(" ".join(part for part in (question, label) if part) if label else top)
    return headers


def reads_as_is(name) -> bool:
    """Whether the file's table starts on row 1 of its first sheet, under a one-row header."""
    facts = expected(name)
    if facts["header_row"] != 1 or facts["header_rows"] != 1:
        return False
    if name.endswith(".csv"):
        return True
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(corpus_bytes(name)))
    return facts["sheet"] in (None, workbook.sheet_names[0])


def header_and_rows(name):
    """The header (one row, or two joined) and the data rows, as the expected results say."""
    if reads_as_is(name):
        table = read_table(corpus_bytes(name), name)
        return table.headers, table.rows
    facts = expected(name)
    rows = all_rows(name)
    start = facts["header_row"] - 1
    if facts["header_rows"] == 2:
        headers = join_header_rows(rows[start], rows[start + 1])
        data = rows[start + 2 :]
    else:
        headers = [str(cell).strip() for cell in rows[start]]
        data = rows[start + 1 :]
    data = [row for row in data if any(str(cell).strip() for cell in row)]
    return headers, data
