"""Which way round a column's slashed dates are written: 03/15/2026 or 15/03/2026.

A column is read day first when some date's first part cannot be a month (over 12) and
no date's second part is over 12; month first (U.S. usage) when the reverse holds. When
every date could be either ("04/03/2026"), the column does not say, and the mapping's
day-first option decides.
"""

import re

_SLASHED = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}(?:\D|$)")


def detect_day_first(values) -> bool | None:
    """``True`` (day first), ``False`` (month first) or ``None`` (cannot tell) for a column.

    Date cells, numbers and ISO dates say nothing; only text such as "15/03/2026" counts.
    A column with both kinds ("15/03/2026" and "03/15/2026") cannot tell either.
    """
    first_over_12 = second_over_12 = False
    for value in values:
        if not isinstance(value, str):
            continue
        match = _SLASHED.match(value)
        if match is None:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        first_over_12 = first_over_12 or first > 12
        second_over_12 = second_over_12 or second > 12
        if first_over_12 and second_over_12:
            return None
    if first_over_12:
        return True
    if second_over_12:
        return False
    return None
