"""The real-world corpus in tests/files/corpus: its files, their expected results, their rows.

``header_and_rows`` reads a file's table on the sheet and at the header row its expected
results name, so the tests of header matching and formats do not depend on the reader
finding the table; ``test_corpus`` checks that it finds the same one by itself.
"""

import json
from functools import cache
from pathlib import Path

from wagtail_spcp.importing.reading import read_table

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


def header_and_rows(name):
    """The header and data rows read where the expected results say the table is."""
    facts = expected(name)
    table = read_table(
        corpus_bytes(name), name, sheet=facts["sheet"], header_row=facts["header_row"]
    )
    return table.headers, table.rows
