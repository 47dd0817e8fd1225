"""The import pipeline, stage by stage.

read (``reading``) -> map headers (``resolve_columns``) -> normalise and validate
(``clean_rows``) -> collapse duplicates in the file (``collapse_duplicates``) -> match
people already in the database (``match_existing``) -> plan what changes (``plan``) ->
write, atomically (``writing.write``) -> report (``ImportOutcome``; ``report.error_workbook``).

Every stage works on whole batches of rows: the database is read in chunks of
``writing.CHUNK`` keys and written with ``bulk_create`` / ``bulk_update``, so the
number of queries grows with batches, not rows.
"""

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from ..choices import DuplicatePolicy, MatchKey
from ..models import ImportBatch, Participation
from .columns import PARTICIPATION_FIELDS, PERSON_FIELDS
from .locking import lock_import_scope
from .matching import match_existing, match_key
from .names import parse_name
from .probable import warn_probable_people
from .reading import REPLACEMENT
from .suggestions import MappingError, resolve_columns
from .values import UnknownValue, column_cleaners, unknown_value_warning
from .writing import chunks, write

logger = logging.getLogger(__name__)

PROGRESS_EVERY = 5000
# An import stops when this share of its first rows (and at least that many) is invalid.
MOSTLY_INVALID_SAMPLE = 1000
MOSTLY_INVALID_SHARE = 0.99
MOSTLY_INVALID_EXAMPLES = 3
KEPT_NOTES = 1000  # warnings and rewrites kept for the preview; all are counted
PREVIEW_ROWS = 10  # rows shown as they will be stored


@dataclass
class ImportOptions:
    engagement: object
    duplicate_policy: str = DuplicatePolicy.UPDATE
    dry_run: bool = False
    user: object = None
    mapping: dict | None = None  # header key -> column name ("" = do not import)
    batch: ImportBatch | None = None
    value_map: dict | None = None  # column name -> {value key: choice or ""}
    day_first: bool | None = None  # slashed dates day first; None: detect per column
    match_on: str = MatchKey.AUTO  # how rows find existing people (``matching``)


@dataclass(slots=True)
class CleanRow:
    """One data row after normalising: its spreadsheet row number, values and errors.

    ``warnings`` are what the row imports despite (an unknown choice left blank, a
    one-word name); ``rewrites`` are the values stored differently from the cell beyond
    trimming and case (a phone in E.164 form, a padded ZIP, a value mapped to a choice).
    """

    number: int
    values: dict
    raw: list
    errors: list = field(default_factory=list)  # (header, reason)
    duplicate_of: int | None = None
    warnings: list = field(default_factory=list)  # (header, value, message)
    rewrites: list = field(default_factory=list)  # (header, original, stored)

    @property
    def key(self):
        email = self.values.get("email")
        if email:
            return ("email", email)
        return (
            "name_phone",
            self.values.get("first_name", "").lower(),
            self.values.get("last_name", "").lower(),
            self.values.get("phone", ""),
        )


@dataclass
class ImportOutcome:
    """What an import did (or, in a dry run, would do)."""

    total_rows: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    duplicate_in_file: int = 0
    invalid: int = 0
    errors: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    changes: dict = field(default_factory=dict)
    headers: list = field(default_factory=list)
    invalid_rows: list = field(default_factory=list)
    # The first KEPT_NOTES of each, as {row, column, value, message} and
    # {row, column, original, stored}; the counts are of all of them.
    warnings: list = field(default_factory=list)
    warning_count: int = 0
    rewrites: list = field(default_factory=list)
    rewrite_count: int = 0
    first_rows: list = field(default_factory=list)  # {row, values} as they will be stored
    match_on: str = ""  # the key rows were matched by

    def collect(self, row: CleanRow) -> None:
        """Keep ``row``'s warnings and rewrites (the first ``KEPT_NOTES``; all counted)."""
        if row.warnings:
            self.warning_count += len(row.warnings)
            for header, value, message in row.warnings[: KEPT_NOTES - len(self.warnings)]:
                self.warnings.append(
                    {"row": row.number, "column": header, "value": value, "message": message}
                )
        if row.rewrites:
            self.rewrite_count += len(row.rewrites)
            for header, original, stored in row.rewrites[: KEPT_NOTES - len(self.rewrites)]:
                self.rewrites.append(
                    {"row": row.number, "column": header, "original": original, "stored": stored}
                )


# --- normalise and validate -------------------------------------------------------------


def split_full_name(text: str) -> tuple[str, str]:
    """First and last name from one cell ("Okafor, Samuel", "Sgt. Robert Johnson Jr.")."""
    return parse_name(text).as_pair()


def _cell_for_message(cell) -> str:
    return str(cell)[:100] if cell is not None else ""


def clean_rows(
    table, columns, on_progress=None, value_map=None, day_first=None, match_on=MatchKey.EMAIL
):
    """Normalise and validate every row; yields ``CleanRow`` with errors (header, reason).

    ``value_map`` ({column: {value: choice or ""}}) is applied over the recognised
    format's vocabulary before the widgets; an unknown value in a choice column is left
    blank with a warning. ``day_first``: how slashed dates read (``None``: per column).
    With ``match_on`` other than email, a row may have neither email nor phone (it can
    still match someone); it keeps its cells, in case matching finds it cannot import.
    """
    cleaners = column_cleaners(table, columns, value_map, day_first)
    header_for = {cleaner.name: cleaner.header for cleaner in cleaners}
    full_name_header = header_for.get("full_name")
    active = [(c.index, c.name, c.header, c.clean, c.rewritten) for c in cleaners]
    undecodable = table.undecodable
    contact_optional = match_on in (MatchKey.NAME, MatchKey.EXTERNAL_ID)
    keep_raw = match_on != MatchKey.EMAIL or "external_id" in header_for
    numbers = table.numbers or range(2, len(table.rows) + 2)
    for position, raw in enumerate(table.rows):
        values, errors, warnings, rewrites = {}, [], [], []
        width = len(raw)
        for index, name, header, clean, rewritten in active:
            cell = raw[index] if index < width else ""
            if undecodable and isinstance(cell, str) and REPLACEMENT in cell:
                errors.append((header, _("holds bytes that are not valid UTF-8 text")))
                continue
            try:
                value = clean(cell)
            except UnknownValue as error:
                values[name] = None if name == "consent_to_contact" else ""
                warnings.append((header, _cell_for_message(cell), unknown_value_warning(error)))
                continue
            except ValueError as error:
                errors.append(
                    (
                        header,
                        _('"%(value)s": %(reason)s')
                        % {"value": _cell_for_message(cell), "reason": error},
                    )
                )
                continue
            values[name] = value
            if rewritten is not None:
                original = rewritten(cell, value)
                if original is not None:
                    rewrites.append((header, original, value))
        full_name = values.pop("full_name", "")
        one_word_name = False
        if full_name and not (values.get("first_name") or values.get("last_name")):
            parsed = parse_name(full_name)
            values["first_name"], values["last_name"] = parsed.as_pair()
            one_word_name = bool(parsed.warnings) and bool(parsed.last_name)
            for warning in parsed.warnings:
                warnings.append((full_name_header, full_name, warning))
            if " ".join(filter(None, parsed.as_pair())).casefold() != full_name.casefold():
                rewrites.append(
                    (
                        full_name_header,
                        full_name,
                        _("first name: %(first)s; last name: %(last)s")
                        % {"first": parsed.first_name, "last": parsed.last_name},
                    )
                )
        for required in ("first_name", "last_name"):
            if not values.get(required) and not (required == "first_name" and one_word_name):
                errors.append((header_for.get(required, full_name_header), _("required")))
        if not values.get("email") and not values.get("phone") and not contact_optional:
            failed = {header for header, _reason in errors}
            if not failed & {header_for.get("email"), header_for.get("phone")}:
                errors.append(
                    (
                        header_for.get("email") or header_for.get("phone"),
                        _("an email address or a phone number is required"),
                    )
                )
        yield CleanRow(
            number=numbers[position],
            values=values,
            raw=raw if errors or keep_raw else None,
            errors=errors,
            warnings=warnings,
            rewrites=rewrites,
        )
        if on_progress and (position + 1) % PROGRESS_EVERY == 0:
            on_progress(position + 1)


def collapse_duplicates(rows):
    """Merge rows for the same person: the first keeps its values and gains the later blanks."""
    first_by_key, kept = {}, []
    for row in rows:
        first = first_by_key.get(row.key)
        if first is None:
            first_by_key[row.key] = row
            kept.append(row)
            continue
        row.duplicate_of = first.number
        for name, value in row.values.items():
            if value not in ("", None) and first.values.get(name) in ("", None):
                first.values[name] = value
    return kept


# --- match and plan ---------------------------------------------------------------------


def _person_changes(policy, person, values):
    changes = {}
    for name in PERSON_FIELDS:
        if name not in values:
            continue
        value, current = values[name], person[name]
        if value in ("", None) or value == current:
            continue
        if policy == DuplicatePolicy.FILL and current not in ("", None, False):
            continue
        changes[name] = value
    return changes


def _jsonable(value):
    """A value as the batch's ``changes`` JSON stores it (dates as ISO text)."""
    return value.isoformat() if hasattr(value, "isoformat") else value


@dataclass
class Plan:
    new_people: list = field(default_factory=list)  # (row, person values)
    person_updates: dict = field(default_factory=dict)  # person id -> (before, after)
    new_participations: list = field(default_factory=list)  # (row, person id or row)
    participation_updates: dict = field(default_factory=dict)


def plan(rows, matches, engagement, policy, outcome):
    """Decide, row by row, what to create and what to change; count the outcomes."""
    matched_ids = {person["id"] for person in matches.values()}
    participations = {}
    for chunk in chunks(matched_ids):
        for part in (
            Participation.objects.filter(engagement=engagement, person_id__in=chunk)
            .order_by()
            .values("id", "person_id", *PARTICIPATION_FIELDS)
        ):
            participations[part["person_id"]] = part
    result = Plan()
    seen_people = set()
    for row in rows:
        person = matches.get(row.number)
        part_values = {n: row.values[n] for n in PARTICIPATION_FIELDS if row.values.get(n)}
        if person is None:
            person_values = {n: row.values[n] for n in PERSON_FIELDS if n in row.values}
            if person_values.get("consent_to_contact") is None:
                person_values.pop("consent_to_contact", None)
            result.new_people.append((row, person_values))
            result.new_participations.append((row, None, part_values))
            outcome.new += 1
            continue
        if person["id"] in seen_people:
            # two rows (say, one by email, one by name and phone) found the same person
            row.duplicate_of = -1
            outcome.duplicate_in_file += 1
            continue
        seen_people.add(person["id"])
        if policy == DuplicatePolicy.SKIP:
            outcome.skipped += 1
            continue
        changes = {}
        if policy in (DuplicatePolicy.UPDATE, DuplicatePolicy.FILL):
            changes = _person_changes(policy, person, row.values)
        if changes:
            result.person_updates[person["id"]] = (
                {n: _jsonable(person[n]) for n in changes},
                changes,
            )
        part = participations.get(person["id"])
        if part is None:
            result.new_participations.append((row, person["id"], part_values))
            outcome.new += 1
            continue
        part_changes = {}
        if policy == DuplicatePolicy.UPDATE:
            part_changes = {n: v for n, v in part_values.items() if v != part[n]}
        if part_changes:
            result.participation_updates[part["id"]] = (
                {n: _jsonable(part[n]) for n in part_changes},
                part_changes,
            )
        if changes or part_changes:
            outcome.updated += 1
        else:
            outcome.unchanged += 1
    return result


# --- the whole pipeline -----------------------------------------------------------------


def check_mostly_invalid(outcome, seen: int) -> None:
    """Stop an import whose first rows are nearly all invalid: the mapping is likely wrong."""
    if outcome.invalid < MOSTLY_INVALID_SHARE * seen:
        return
    examples = "; ".join(
        _("row %(row)d, %(column)s: %(reason)s") % {**error, "column": error["column"] or "?"}
        for error in outcome.errors[:MOSTLY_INVALID_EXAMPLES]
    )
    raise MappingError(
        _(
            "%(invalid)d of the first %(seen)d rows are invalid (for example %(examples)s), so "
            "the import stopped. Check that the first row of the file holds the column "
            "headers and that each column is mapped to the right field."
        )
        % {"invalid": outcome.invalid, "seen": seen, "examples": examples}
    )


def _match(kept, options, outcome, header_for):
    """Match the kept rows; rows that cannot import as matched become invalid."""
    matches = match_existing(
        kept, options.duplicate_policy, options.engagement, options.match_on, header_for
    )
    if not matches.problems:
        return kept, matches.people
    importable = []
    for row in kept:
        problem = matches.problems.get(row.number)
        if problem is None:
            importable.append(row)
            continue
        header, reason = problem
        outcome.invalid += 1
        outcome.invalid_rows.append((row.raw, [problem]))
        outcome.errors.append({"row": row.number, "column": header, "reason": reason})
    return importable, matches.people


def _first_rows(rows) -> list:
    """The first rows as they will be stored, for the preview."""
    return [
        {"row": row.number, "values": {n: _jsonable(v) for n, v in row.values.items()}}
        for row in rows[:PREVIEW_ROWS]
    ]


def import_table(table, options: ImportOptions, on_progress=None) -> ImportOutcome:
    """Map, normalise, validate, match, plan and (unless a dry run) write one table.

    The table's rows are consumed: it is left with no rows.
    """
    columns = resolve_columns(table.headers, options.mapping, table.rows, options.match_on)
    options.match_on = match_key(options.match_on, columns)
    header_for = {name: header for header, name in zip(table.headers, columns, strict=True) if name}
    outcome = ImportOutcome(
        total_rows=len(table), headers=list(table.headers), match_on=options.match_on
    )
    valid = []
    cleaned = clean_rows(
        table, columns, on_progress, options.value_map, options.day_first, options.match_on
    )
    for seen, row in enumerate(cleaned, 1):
        if row.errors:
            outcome.invalid += 1
            outcome.invalid_rows.append((row.raw, row.errors))
            for header, reason in row.errors:
                outcome.errors.append({"row": row.number, "column": header, "reason": reason})
        else:
            outcome.collect(row)
            valid.append(row)
        if seen == MOSTLY_INVALID_SAMPLE:
            check_mostly_invalid(outcome, seen)
    table.rows = []  # every row is now a CleanRow (or an invalid row's copy): free the cells
    kept = collapse_duplicates(valid)
    for row in valid:
        if row.duplicate_of:
            outcome.duplicate_in_file += 1
            outcome.notes.append(
                {
                    "row": row.number,
                    "column": "",
                    "reason": _("duplicate of row %(row)d; merged into it")
                    % {"row": row.duplicate_of},
                }
            )
    if options.dry_run:
        kept, matches = _match(kept, options, outcome, header_for)
        outcome.first_rows = _first_rows(kept)
        the_plan = plan(kept, matches, options.engagement, options.duplicate_policy, outcome)
        warn_probable_people(
            the_plan.new_people,
            options.engagement,
            outcome,
            header_for.get("email", ""),
            KEPT_NOTES,
        )
        return outcome
    # Match, plan and write in one transaction, one import per region at a time.
    with transaction.atomic():
        lock_import_scope(options.engagement)
        kept, matches = _match(kept, options, outcome, header_for)
        outcome.first_rows = _first_rows(kept)
        the_plan = plan(kept, matches, options.engagement, options.duplicate_policy, outcome)
        outcome.changes = write(the_plan, options.engagement, options.batch)
    outcome.changes["people_after"] = {
        str(pk): {name: _jsonable(value) for name, value in after.items()}
        for pk, (_before, after) in the_plan.person_updates.items()
    }
    outcome.changes["participations_after"] = {
        str(pk): {name: _jsonable(value) for name, value in after.items()}
        for pk, (_before, after) in the_plan.participation_updates.items()
    }
    return outcome
