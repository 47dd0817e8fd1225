"""What reading a file found, kept with the stored upload so the wizard reads it once.

A profile holds the sheet and header row used (and the other sheets), the headers, the
row count, a few sample values per column and, for columns with few distinct values
(choice columns), every value with its count. The mapping and value-mapping steps work
from the profile; only choosing another sheet or header row reads the file again.
"""

from collections import Counter

from .reading import Table
from .widgets import cell_text

SAMPLES = 3
MAX_DISTINCT = 50  # a column with more distinct values keeps none (it is not a choice)


def profile_table(table) -> dict:
    """The profile of a table just read (see the module's docstring); JSON-ready."""
    width = len(table.headers)
    counters = [Counter() for _ in range(width)]
    open_columns = set(range(width))
    samples = [[] for _ in range(width)]
    for row in table.rows:
        for index in tuple(open_columns):
            text = cell_text(row[index]) if index < len(row) else ""
            if text and len(samples[index]) < SAMPLES:
                samples[index].append(text[:60])
            counter = counters[index]
            counter[text] += 1
            if len(counter) > MAX_DISTINCT:
                open_columns.discard(index)
                counters[index] = None
    for index in set(range(width)) - open_columns:
        for row in table.rows:
            if len(samples[index]) >= SAMPLES:
                break
            text = cell_text(row[index]) if index < len(row) else ""
            if text:
                samples[index].append(text[:60])
    return {
        "sheet": getattr(table, "sheet", ""),
        "sheet_names": list(getattr(table, "sheet_names", [])),
        "header_row": getattr(table, "header_row", 1),
        "header_rows": getattr(table, "header_rows", 1),
        "headers": list(table.headers),
        "row_count": len(table),
        "columns": [
            {
                "samples": samples[index],
                "values": dict(counters[index].most_common()) if counters[index] else None,
            }
            for index in range(width)
        ],
    }


def value_counts(profile) -> dict:
    """``{column position: {value: count}}`` for the columns whose values were all kept."""
    return {
        index: column["values"]
        for index, column in enumerate(profile["columns"])
        if column["values"] is not None
    }


def distinct_rows(profile) -> list:
    """Rows made of each column's distinct values (its samples when it has too many).

    Enough for a format to see that a column holds nothing but "anonymous"; not the file.
    """
    columns = [
        list(column["values"]) if column["values"] is not None else column["samples"]
        for column in profile["columns"]
    ]
    height = max((len(values) for values in columns), default=0)
    return [[values[i] if i < len(values) else "" for values in columns] for i in range(height)]


def profile_as_table(profile) -> Table:
    """The profile's headers as a table with no rows (for the cleaners of choice columns)."""
    return Table(headers=list(profile["headers"]))
