"""Values in choice columns, the value map that gives unknown ones a meaning, and the
cleaning of each mapped column with what it rewrote.

A value map is ``{column: {value key: choice value or ""}}``: the recognised format's
vocabulary ("Checked In" -> attended) first, then what staff chose for this file. Keys
are ``formats.value_key`` (trimmed, spaces collapsed, case folded); ``formats.ANY_OTHER``
stands for any other value that is not blank. ``unknown_values`` lists what is left for
staff to map; ``ColumnCleaner`` cleans one column's cells for ``pipeline.clean_rows``.
"""

from collections import Counter

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .columns import CHOICE_SYNONYMS
from .dates import detect_day_first
from .formats import ANY_OTHER, recognise, value_key
from .widgets import DateWidget, cell_text, column_widget

# The columns whose values must be one of a list: an unknown value in one of them is left
# blank with a warning, never a reason to refuse the row.
CHOICE_COLUMNS = ("status", "role", "sector", "preferred_language", "consent_to_contact")

# Columns whose stored value can differ from the cell beyond trimming and case.
REWRITTEN_COLUMNS = frozenset({"phone", "zip_code", *CHOICE_COLUMNS})

_NOT_MAPPED = object()

# Languages offered when staff map a preferred-language value: the most spoken in the U.S.
OFFERED_LANGUAGES = (
    ("en", gettext_lazy("English")),
    ("es", gettext_lazy("Spanish")),
    ("zh-hans", gettext_lazy("Chinese (Simplified)")),
    ("vi", gettext_lazy("Vietnamese")),
    ("tl", gettext_lazy("Tagalog")),
    ("ar", gettext_lazy("Arabic")),
    ("fr", gettext_lazy("French")),
    ("ko", gettext_lazy("Korean")),
    ("ru", gettext_lazy("Russian")),
    ("ht", gettext_lazy("Haitian Creole")),
    ("pt", gettext_lazy("Portuguese")),
)


def choices_for(column) -> list:
    """The ``(value, label)`` pairs a choice column's unknown value can be mapped to."""
    if column in CHOICE_SYNONYMS:
        return list(CHOICE_SYNONYMS[column][0].choices)
    if column == "consent_to_contact":
        return [("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))]
    if column == "preferred_language":
        return list(OFFERED_LANGUAGES)
    return []


class UnknownValue(ValueError):
    """A choice column's value that is not one of its choices (nor mapped to one)."""


def value_maps(headers, value_map=None) -> dict:
    """The value map to apply: the recognised format's vocabulary, then ``value_map``."""
    known = recognise(headers)
    merged = {}
    if known is not None:
        for column, vocabulary in known.values.items():
            merged[column] = dict(vocabulary)
    for column, words in (value_map or {}).items():
        merged.setdefault(column, {}).update(
            {key if key == ANY_OTHER else value_key(key): choice for key, choice in words.items()}
        )
    return merged


def map_value(words: dict, cell):
    """The value ``words`` gives ``cell``, or ``_NOT_MAPPED``."""
    key = value_key(cell)
    mapped = words.get(key, _NOT_MAPPED)
    if mapped is _NOT_MAPPED and key and ANY_OTHER in words:
        mapped = words[ANY_OTHER]
    return mapped


class ColumnCleaner:
    """Cleans one mapped column's cells: value map, then widget; notes what it rewrote.

    ``clean(cell)`` returns the value to store, raises ``UnknownValue`` for a choice
    column's unknown value and ``ValueError`` for a value that cannot be stored.
    ``rewritten(cell, value)`` is the cell as text when the stored value differs from it
    beyond trimming and case, else ``None``; it is ``None`` itself for a column whose
    values are only trimmed. Choice columns hold few distinct values, so their results
    are remembered per cell.
    """

    __slots__ = ("index", "name", "header", "widget", "words", "_memo", "clean", "rewritten")

    def __init__(self, index, name, header, widget, words=None):
        self.index, self.name, self.header, self.widget = index, name, header, widget
        self.words = words or None
        self._memo = {}
        if name in CHOICE_COLUMNS:
            self.clean, self.rewritten = self._clean_choice, self._choice_rewritten
        elif self.words is not None:
            self.clean, self.rewritten = self._clean_mapped, self._mapped_rewritten
        elif name in REWRITTEN_COLUMNS:
            self.clean, self.rewritten = widget.clean, _reformatted
        else:
            self.clean, self.rewritten = widget.clean, None

    def _clean_mapped(self, cell):
        mapped = map_value(self.words, cell)
        return self.widget.clean(cell if mapped is _NOT_MAPPED else mapped)

    def _mapped_rewritten(self, cell, value):
        if map_value(self.words, cell) is not _NOT_MAPPED:
            return cell_text(cell) if value_key(cell) != value_key(value) else None
        return _reformatted(cell, value) if self.name in REWRITTEN_COLUMNS else None

    def _found(self, cell):
        """``(value, original if rewritten else None)``, or the reason it is unknown."""
        try:
            return self._memo[cell]
        except KeyError:
            found = self._memo[cell] = self._clean_choice_once(cell)
            return found
        except TypeError:  # a cell that cannot be a key
            return self._clean_choice_once(cell)

    def _clean_choice(self, cell):
        found = self._found(cell)
        if isinstance(found, str):
            raise UnknownValue(found)
        return found[0]

    def _choice_rewritten(self, cell, value):
        return self._found(cell)[1]

    def _clean_choice_once(self, cell):
        mapped = _NOT_MAPPED if self.words is None else map_value(self.words, cell)
        try:
            value = self.widget.clean(cell if mapped is _NOT_MAPPED else mapped)
        except ValueError as error:
            return str(error)
        text = cell_text(cell)
        if not text and value in ("", None):
            rewritten = False
        elif mapped is not _NOT_MAPPED:
            rewritten = value_key(mapped) != value_key(cell) or mapped == ""
        elif isinstance(value, bool):
            rewritten = False
        else:
            rewritten = not self.widget.equivalent(text, value)
        return (value, text if rewritten else None)


def _reformatted(cell, value):
    """The cell as text when ``value`` (a phone, a ZIP) is not the cell itself."""
    if value == cell or value == "":
        return None
    text = cell if isinstance(cell, str) and cell == cell.strip() else cell_text(cell)
    return text if value != text else None


def column_cleaners(table, columns, value_map=None, day_first=None) -> list:
    """A ``ColumnCleaner`` for each mapped column of ``table`` (``columns``: one name each).

    ``day_first`` (``None``: detect from the column) decides how slashed dates read.
    """
    maps = value_maps(table.headers, value_map)
    cleaners = []
    for index, name in enumerate(columns):
        if not name:
            continue
        if name == "registered_on":
            if day_first is None:
                day_first = detect_day_first(row[index] for row in table.rows if index < len(row))
            widget = DateWidget(day_first=bool(day_first))
        else:
            widget = column_widget(name)
        cleaners.append(ColumnCleaner(index, name, table.headers[index], widget, maps.get(name)))
    return cleaners


def unknown_values(table, columns, value_map=None) -> dict:
    """For each mapped choice column, its values no choice or map covers, with counts.

    ``{column: [(value as first typed, number of rows), ...]}``, commonest first; values
    equal but for case and spaces count as one (a value map's key covers them all);
    columns with none are left out. The wizard offers these for staff to map.
    """
    counts = {
        index: Counter(row[index] if index < len(row) else "" for row in table.rows)
        for index, name in enumerate(columns)
        if name in CHOICE_COLUMNS
    }
    return unknown_in_counts(table, columns, counts, value_map)


def unknown_in_counts(table, columns, counts, value_map=None) -> dict:
    """``unknown_values`` from each column's value counts (``{position: {value: count}}``).

    ``table`` gives the headers (its rows are not read); a choice column missing from
    ``counts`` (it had too many distinct values to keep) is left out.
    """
    found = {}
    for cleaner in column_cleaners(table, columns, value_map, day_first=False):
        if cleaner.name not in CHOICE_COLUMNS or cleaner.index not in counts:
            continue
        unknown, typed = Counter(), {}
        for cell, count in counts[cleaner.index].items():
            try:
                cleaner.clean(cell)
            except UnknownValue:
                key = value_key(cell)
                typed.setdefault(key, cell_text(cell))
                unknown[key] += count
        if unknown:
            found[cleaner.name] = [(typed[key], count) for key, count in unknown.most_common()]
    return found


def unknown_value_warning(reason) -> str:
    return _("%(reason)s; left blank") % {"reason": reason}
