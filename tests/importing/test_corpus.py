"""The real-world corpus imported end to end: counts, then each person field by field.

Each file in tests/files/corpus is imported as uploaded (no mapping given, so the
importer's own suggestions are used) into a fresh engagement, and the stored people and
participations are compared with the file's expected results. A file that needs a part
of the importer not built yet is marked as an expected failure that names the part; the
mark is strict, so it has to be removed when that part lands.
"""

import pytest

from wagtail_spcp.choices import ImportStatus
from wagtail_spcp.importing.reading import read_table
from wagtail_spcp.models import Participation

from .corpus import FILE_NAMES, corpus_bytes, expected, header_and_rows

# What each file needs before it imports as expected; an empty tuple: it does today.
NEEDS = {
    "eventbrite-attendee-summary.csv": (),
    "google-forms-day-first-one-name.csv": (),
    "google-forms-responses-sheet.xlsx": (),
    "google-forms-responses.csv": (),
    "instructions-first-sheet.xlsx": (),
    "microsoft-forms-responses.xlsx": (),
    "mobilize-event-attendees.csv": (),
    "question-style-headers-cp1252.csv": (),
    "spcp-export.csv": (),
    "spcp-sign-in-sheet-typed.xlsx": (),
    "surveymonkey-all-responses.csv": (),
    "typed-sign-in-sheet.xlsx": (),
    "zoom-webinar-registration-report.csv": (),
}

PERSON_FIELDS = ("first_name", "last_name", "email", "phone", "zip_code", "organisation")
PARTICIPATION_FIELDS = ("status", "registered_on")


def _case(name):
    needs = NEEDS[name]
    marks = [pytest.mark.xfail(strict=True, reason="needs " + "; ".join(needs))] if needs else []
    return pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", FILE_NAMES)
def test_corpus_file_is_read_with_its_table(name):
    """The reader finds the sheet, header row and header the expected results name."""
    facts = expected(name)
    table = read_table(corpus_bytes(name), name)
    assert table.sheet == (facts["sheet"] or "")
    assert (table.header_row, table.header_rows) == (facts["header_row"], facts["header_rows"])
    assert len(table) == facts["counts"]["data_rows"]
    if facts.get("encoding"):
        assert table.encoding == facts["encoding"]
    assert (table.headers, table.rows) == header_and_rows(name)
    assert set(facts["columns"]) <= set(table.headers)
    first_data_row = facts["header_row"] + facts["header_rows"]
    assert table.numbers[0] == first_data_row
    assert table.numbers == sorted(set(table.numbers))


def test_files_with_a_table_to_find_are_in_the_corpus():
    """Below title rows, on a later sheet, under two header rows: each kind is covered."""
    facts = [expected(name) for name in FILE_NAMES]
    assert any(f["header_row"] > 1 and f["format"] == "Zoom" for f in facts)
    assert any(f["header_rows"] == 2 for f in facts)
    assert any(f["sheet"] == "Sign-ups" for f in facts)  # after an instructions sheet


def test_every_corpus_file_is_listed():
    assert sorted(NEEDS) == sorted(FILE_NAMES)
    assert len(FILE_NAMES) >= 12


def _stored(participation):
    person = participation.person
    values = {name: getattr(person, name) for name in PERSON_FIELDS}
    values["status"] = participation.status
    values["registered_on"] = (
        participation.registered_on.isoformat() if participation.registered_on else None
    )
    return values


def _find(participations, person):
    if person.get("email"):
        found = [p for p in participations if p.person.email == person["email"]]
    else:
        found = [
            p
            for p in participations
            if (p.person.first_name, p.person.last_name)
            == (person["first_name"], person["last_name"])
        ]
    return found[0] if len(found) == 1 else None


def _only_in_the_earlier_file(facts) -> list:
    """The people of the file imported first (``after``) whom this file does not name."""
    if not facts.get("after"):
        return []
    names = {(p["first_name"], p["last_name"]) for p in facts["people"]}
    earlier = expected(facts["after"])["people"]
    return [p for p in earlier if (p["first_name"], p["last_name"]) not in names]


def differences(name, batch, engagement) -> list:
    """Every way the import of ``name`` differs from its expected results, in words."""
    facts = expected(name)
    fields = facts.get("fields") or [*PERSON_FIELDS, *PARTICIPATION_FIELDS]
    problems = []
    counts = facts["counts"]
    if batch.status != ImportStatus.COMPLETED:
        return [f"the import did not complete: {batch.status} {batch.errors}"]
    if batch.total_rows != counts["data_rows"]:
        problems.append(f"read {batch.total_rows} data rows, expected {counts['data_rows']}")
    if batch.invalid_count != counts["invalid"]:
        problems.append(f"{batch.invalid_count} invalid rows, expected {counts['invalid']}")
    invalid_rows = sorted({error["row"] for error in batch.errors if "row" in error})
    for row in facts["invalid"]:
        if row["row"] not in invalid_rows:
            problems.append(f"row {row['row']} ({row['name']}) should be invalid: {row['reason']}")
    participations = list(
        Participation.objects.filter(engagement=engagement).select_related("person")
    )
    # A file imported after another also leaves the other's participants not in it.
    people = counts["people"] + len(_only_in_the_earlier_file(facts))
    if len(participations) != people:
        problems.append(f"{len(participations)} participants, expected {people}")
    for person in facts["people"]:
        who = f"{person['first_name']} {person['last_name']}".strip()
        participation = _find(participations, person)
        if participation is None:
            problems.append(f"{who}: not found")
            continue
        stored = _stored(participation)
        for field in fields:
            if stored[field] != person[field]:
                problems.append(f"{who}: {field} is {stored[field]!r}, expected {person[field]!r}")
    return problems


@pytest.mark.parametrize("name", [_case(name) for name in FILE_NAMES])
def test_corpus_file_imports_person_by_person(name, run_import, engagement):
    facts = expected(name)
    if facts.get("after"):
        before = run_import(facts["after"], data=corpus_bytes(facts["after"]))
        assert before.status == ImportStatus.COMPLETED
    # Staff map the values of a file no known format covers; a format knows its own.
    value_map = facts.get("values") if not facts["format"] else None
    batch = run_import(name, data=corpus_bytes(name), value_map=value_map)
    problems = differences(name, batch, engagement)
    assert not problems, f"{name}:\n" + "\n".join(problems)
