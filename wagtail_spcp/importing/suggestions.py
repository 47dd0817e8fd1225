"""Stage 2, map: which participant column each header of a file stands for, and why.

A saved mapping comes first, then a recognised export format's known columns
(``formats``), then matches by meaning (``headers``). ``column_matches`` gives each
header's match with its reason and candidates, for the wizard; ``suggest_columns`` only
the columns. ``check_columns`` says whether the columns can identify people.
"""

from dataclasses import replace

from django.utils.translation import gettext as _

from ..choices import MatchKey
from .columns import COLUMNS_BY_NAME, header_key
from .formats import recognise
from .headers import match_headers
from .matching import match_key

# Columns matched by meaning that are offered for staff to confirm rather than applied,
# and that a format does not map. None today: an unknown value in a choice column is left
# blank with a warning (``pipeline.clean_rows``), so a choice column is safe to apply.
CONFIRM_BEFORE_APPLYING = ()


class MappingError(Exception):
    """The columns cannot be imported as mapped (a required column is missing, or doubled)."""


def column_matches(headers, mapping=None, rows=()) -> tuple:
    """``(matches, format)``: one ``headers.HeaderMatch`` per header, and the format found.

    ``mapping`` is a saved mapping (header key -> column name, "" = do not import);
    ``rows`` (the data rows, or a sample) let a format see a column a form filled with
    "anonymous". A column goes to at most one header.
    """
    mapping = mapping or {}
    fixed, why = {}, {}
    for index, header in enumerate(headers):
        key = header_key(header)
        if key in mapping:
            name = mapping[key]
            fixed[index] = name if name in COLUMNS_BY_NAME else ""
            why[index] = _("set by the saved mapping") if fixed[index] else _("not imported")
    known = recognise(headers, rows)
    if known is not None:
        for index, name in known.mapping.items():
            if index not in fixed and name not in CONFIRM_BEFORE_APPLYING:
                fixed[index] = name
                why[index] = (
                    _("a column of %(format)s exports") % {"format": known.name}
                    if name
                    else _("a column of %(format)s exports that is not imported")
                    % {"format": known.name}
                )
    matches = match_headers(headers, fixed, spelled_only=CONFIRM_BEFORE_APPLYING)
    taken = set()
    for index, match in enumerate(matches):
        if index in why:
            match = matches[index] = replace(match, reason=why[index])
        if match.column and match.column in taken:
            matches[index] = replace(match, column="", reason=_("already mapped above"))
        taken.add(match.column)
    return matches, known


def suggest_columns(headers, mapping=None, rows=()) -> list:
    """For each header, the column it maps to ("" for none); see ``column_matches``."""
    return [match.column for match in column_matches(headers, mapping, rows)[0]]


def check_columns(columns, match_on=MatchKey.AUTO) -> None:
    """Raise ``MappingError`` unless the mapped columns can identify a person.

    A name is always needed; so is an email or phone column, unless rows are matched by
    name or external ID to people already in the engagement.
    """
    mapped = [c for c in columns if c]
    doubled = {c for c in mapped if mapped.count(c) > 1}
    if doubled:
        raise MappingError(
            _("More than one column is mapped to %(column)s.")
            % {"column": ", ".join(str(COLUMNS_BY_NAME[c].label) for c in sorted(doubled))}
        )
    names = set(mapped)
    missing = []
    if not ({"first_name", "last_name"} <= names or "full_name" in names):
        missing.append(_("first name and last name (or a full name)"))
    key = match_key(match_on, names)
    if not names & {"email", "phone"} and key not in (MatchKey.NAME, MatchKey.EXTERNAL_ID):
        missing.append(_("email or phone"))
    if missing:
        raise MappingError(
            _("The file has no column for %(missing)s, which every import needs.")
            % {"missing": _(" and ").join(str(m) for m in missing)}
        )
    if key == MatchKey.EXTERNAL_ID and "external_id" not in names:
        raise MappingError(
            _("Rows are to be matched by external ID, but no column is mapped to External ID.")
        )


def resolve_columns(headers, mapping=None, rows=(), match_on=MatchKey.AUTO) -> list:
    """The column of each header (``suggest_columns``), checked by ``check_columns``."""
    columns = suggest_columns(headers, mapping, rows)
    check_columns(columns, match_on)
    return columns
