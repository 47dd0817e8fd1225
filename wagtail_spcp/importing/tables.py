"""Finding the table in a sheet: its header row below title, date and blank rows.

Only the first ``HEAD_ROWS`` rows of a sheet are looked at. A row looks like a header
when most of its cells are text labels (not numbers, dates, emails or phone numbers),
mostly distinct; a lone label counts only when it is a usual header ("Email"). Row 1
stays the header whenever it looks like one and names a participant column, so a clean
file reads as it always did. Otherwise the header is the row naming the most participant
columns (the first on a tie; at least two to be taken over a row 1 that looks like a
header); when no row names any, the first row that looks like a header, as long as rows
follow it.

A survey tool's two-row header (a question row, then a row of labels under the
questions that span several columns) is read as one: the question carried over the
cells a merged range or blank cells leave under it, then the label.
"""

from dataclasses import dataclass
from functools import lru_cache

from .columns import auto_match
from .headers import match_header

HEAD_ROWS = 30  # rows read before the header is chosen
LABEL_SHARE = 0.75  # of a header row's cells that must be distinct text labels
MAX_HEADER_CELLS = 60  # cells of a row matched to participant columns
MAX_HEADER_LENGTH = 250  # characters of a cell read as a possible header
OVERRIDE_ROW_1 = 2  # participant columns a row must name to be taken over row 1
# Labels a survey tool writes under its questions (lower case).
SURVEY_LABELS = frozenset({"response", "open-ended response", "other (please specify)"})


def header_text(value) -> str:
    """A cell as header text: spaces collapsed, a whole number without ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def is_label(value) -> bool:
    """Whether a cell reads as a column title: text with more letters than digits, no "@"."""
    if not isinstance(value, str):
        return False
    value = value[:MAX_HEADER_LENGTH]
    if "@" in value:
        return False
    letters = digits = 0
    for char in value:
        if char.isalpha():
            letters += 1
        elif char.isdigit():
            digits += 1
    return letters > digits


@lru_cache(maxsize=4096)
def _column(text: str) -> str:
    if len(text) > MAX_HEADER_LENGTH:
        return ""  # a paragraph, not a header; matching it would be slow for nothing
    return match_header(text).column


def recognised(headers) -> int:
    """How many participant columns ``headers`` name with confidence."""
    texts = [text for text in map(header_text, headers) if text][:MAX_HEADER_CELLS]
    return len({_column(text) for text in texts} - {""})


def looks_like_header(row) -> bool:
    """Whether ``row`` reads as a row of column titles."""
    texts = [text for text in map(header_text, row) if text]
    labels = [header_text(value) for value in row if is_label(value)]
    if len(texts) == 1:
        return len(labels) == 1 and bool(auto_match(labels[0]))
    return (
        len(labels) >= 2
        and len(labels) >= LABEL_SHARE * len(texts)
        and len(set(labels)) >= LABEL_SHARE * len(labels)
    )


def is_blank(row) -> bool:
    return not any(header_text(value) for value in row)


def spread_merged(row, merged) -> list:
    """``row`` with each merged range's value copied over the range's other cells.

    ``merged``: (first, last) column positions (0-based, inclusive) of the ranges that
    start on this row.
    """
    row = list(row)
    for first, last in merged:
        if first < len(row):
            row.extend([""] * (last + 1 - len(row)))
            for index in range(first + 1, last + 1):
                row[index] = row[first]
    return row


def join_header_rows(first, second, merged=()) -> list:
    """A question row and a label row as one header row.

    A question stands over the labels under it: its merged range, or else the blank
    cells after it. A label is read after its question ("Please tell us how to reach
    you. Email Address"); a question with no label under it stands alone.
    """
    first = spread_merged(first, merged)
    range_ends = {last for _first, last in merged}
    headers, question = [], ""
    for index in range(max(len(first), len(second))):
        top = header_text(first[index]) if index < len(first) else ""
        label = header_text(second[index]) if index < len(second) else ""
        question = top or question
        headers.append(" ".join(part for part in (question, label) if part) if label else top)
        if index in range_ends:
            question = ""  # a merged question spans its range, and no further
    return headers


def _is_second_header_row(first, second, merged) -> bool:
    """Whether ``second`` holds labels under ``first``'s questions, not data."""
    if is_blank(second) or not all(is_label(v) for v in second if header_text(v)):
        return False
    if not any(
        header_text(value) and (index >= len(first) or not header_text(first[index]))
        for index, value in enumerate(second)
    ):
        return False  # no label stands under a question spanning several columns
    labels = {header_text(value).casefold() for value in second}
    joined = join_header_rows(first, second, merged)
    return bool(labels & SURVEY_LABELS) or recognised(joined) > recognised(first)


@dataclass(frozen=True)
class Header:
    """The header found in a sheet's first rows."""

    index: int  # the position of its (first) row among the rows read: file row - 1
    rows: int  # 1, or 2 for a question row over a label row
    headers: list
    recognised: int  # participant columns it names


def _header_at(head, index, merged_by_row) -> Header:
    first = head[index]
    merged = merged_by_row.get(index, ())
    if index + 1 < len(head) and _is_second_header_row(first, head[index + 1], merged):
        headers = join_header_rows(first, head[index + 1], merged)
        rows = 2
    else:
        headers = [header_text(value) for value in first]
        rows = 1
    while headers and not headers[-1]:
        headers.pop()
    return Header(index, rows, headers, recognised(headers))


def find_header(head, merged_by_row=None, header_row=None) -> Header | None:
    """The header in ``head``, a sheet's first rows (row 1 first); ``None`` if none.

    ``merged_by_row``: {row position: [(first, last) column positions]} of merged
    ranges. ``header_row`` (1-based) forces the header's (first) row.
    """
    merged_by_row = merged_by_row or {}
    if header_row is not None:
        index = header_row - 1
        if index >= len(head) or is_blank(head[index]):
            return None
        return _header_at(head, index, merged_by_row)
    last = max((i for i, row in enumerate(head) if not is_blank(row)), default=-1)
    candidates = [
        i
        for i, row in enumerate(head)
        if (i < last or len(head) == HEAD_ROWS or i == 0) and looks_like_header(row)
    ]
    if not candidates:
        return None
    if candidates[0] == 0 and recognised(head[0]):
        return _header_at(head, 0, merged_by_row)
    best = max(candidates, key=lambda i: (recognised(head[i]), -i))
    # Below a first row that looks like a header, one word such as "Participant" in a
    # data row does not make that row the header.
    least = OVERRIDE_ROW_1 if candidates[0] == 0 else 1
    if recognised(head[best]) < least:
        best = candidates[0]
    return _header_at(head, best, merged_by_row)
