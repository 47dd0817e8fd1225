"""Choice values, value maps, warnings, rewrites, day-first dates and phone extensions."""

import csv
import datetime
import io

import openpyxl
import pytest

from wagtail_spcp.choices import ParticipationStatus, Sector
from wagtail_spcp.importing.dates import detect_day_first
from wagtail_spcp.importing.exporting import export_participants
from wagtail_spcp.importing.pipeline import (
    KEPT_NOTES,
    CleanRow,
    ImportOptions,
    ImportOutcome,
    clean_rows,
    import_table,
)
from wagtail_spcp.importing.reading import Table, read_table
from wagtail_spcp.importing.report import error_workbook
from wagtail_spcp.importing.suggestions import suggest_columns
from wagtail_spcp.importing.values import unknown_values, value_maps
from wagtail_spcp.importing.widgets import DateWidget, EmailWidget, PhoneWidget
from wagtail_spcp.models import Participation, Person
from wagtail_spcp.normalise import normalise_phone, readable_phone

from .corpus import corpus_bytes, expected

HEADERS = ["First name", "Last name", "Email", "Phone", "Zip", "Status", "Sector", "Consent"]


def table(*rows, headers=HEADERS):
    return Table(headers=list(headers), rows=[list(row) for row in rows])


def cleaned(the_table, **options):
    columns = suggest_columns(the_table.headers)
    return list(clean_rows(the_table, columns, **options))


def row(first, status="", sector="", consent="", phone="", zip_code="", email=None):
    email = f"{first.lower()}@example.org" if email is None else email
    return [first, "Doe", email, phone, zip_code, status, sector, consent]


# --- unknown values and value maps ------------------------------------------------------


def test_unknown_values_are_listed_per_choice_column_with_counts():
    the_table = table(
        row("Ann", status="Walk-in", sector="faith", consent="Not sure yet"),
        row("Bea", status="walk-in ", sector="Astronauts"),
        row("Cal", status="Attending", sector="police"),
        row("Dan", status="registered", consent="yes"),
    )
    found = unknown_values(the_table, suggest_columns(the_table.headers))
    assert found == {
        "status": [("Walk-in", 2), ("Attending", 1)],
        "sector": [("Astronauts", 1)],
        "consent_to_contact": [("Not sure yet", 1)],
    }
    value_map = {"status": {"WALK-IN": "attended", "attending": "registered"}}
    found = unknown_values(the_table, suggest_columns(the_table.headers), value_map)
    assert "status" not in found


def test_a_value_map_applies_before_the_widgets_and_records_the_rewrite():
    the_table = table(
        row("Ann", status="Checked In", sector="Astronauts", consent="Not sure yet"),
        row("Bea", status="Registered"),
    )
    value_map = {
        "status": {"checked in": ParticipationStatus.ATTENDED},
        "sector": {"ASTRONAUTS": ""},
        "consent_to_contact": {"not sure yet": ""},
    }
    ann, bea = cleaned(the_table, value_map=value_map)
    assert ann.values["status"] == ParticipationStatus.ATTENDED
    assert ann.values["sector"] == ""
    assert ann.values["consent_to_contact"] is None
    assert not ann.errors and not ann.warnings
    assert ("Status", "Checked In", "attended") in ann.rewrites
    assert ("Sector", "Astronauts", "") in ann.rewrites
    assert bea.values["status"] == ParticipationStatus.REGISTERED
    assert bea.rewrites == []  # "Registered" is the choice itself, only its case differs


def test_a_known_format_vocabulary_is_the_default_value_map():
    headers = ["Order #", "Order Date", "Attendee #", "Ticket Type", "Attendee Status"]
    assert value_maps(headers)["status"]["checked in"] == ParticipationStatus.ATTENDED
    staff = value_maps(headers, {"status": {"Checked In": "registered"}})
    assert staff["status"]["checked in"] == "registered"
    assert staff["status"]["not attending"] == ParticipationStatus.CANCELLED
    assert value_maps(["First", "Last"]) == {}


def test_unknown_values_in_optional_columns_leave_the_row_valid_with_warnings():
    [ann] = cleaned(table(row("Ann", status="Maybe", sector="Astronauts", consent="Perhaps")))
    assert ann.errors == []
    assert (ann.values["status"], ann.values["sector"], ann.values["consent_to_contact"]) == (
        "",
        "",
        None,
    )
    warned = {(header, value) for header, value, _message in ann.warnings}
    assert warned == {("Status", "Maybe"), ("Sector", "Astronauts"), ("Consent", "Perhaps")}
    messages = {header: message for header, _value, message in ann.warnings}
    assert "Invited, Registered, Waitlisted, Attended" in messages["Status"]
    assert messages["Consent"] == "not yes or no; left blank"


@pytest.mark.django_db
def test_staff_value_map_imports_the_question_style_file(engagement):
    name = "question-style-headers-cp1252.csv"
    facts = expected(name)
    the_table = read_table(corpus_bytes(name), name)
    options = ImportOptions(engagement=engagement, value_map=facts["values"])
    outcome = import_table(the_table, options)
    assert (outcome.new, outcome.invalid) == (10, 0)
    stored = dict(
        Participation.objects.filter(engagement=engagement).values_list("person__email", "status")
    )
    for person in facts["people"]:
        assert stored[person["email"]] == person["status"], person["email"]
    mapped = [r for r in outcome.rewrites if r["column"] == "Did they attend? (Y/N)"]
    assert {(r["original"], r["stored"]) for r in mapped} == {("Y", "attended"), ("N", "no_show")}


# --- warnings and rewrites --------------------------------------------------------------


def test_one_word_names_and_re_split_names_are_carried():
    headers = ["Name", "Email"]
    adebayo, okafor, kwame = cleaned(
        table(
            ["Adebayo", "adebayo@example.net"],
            ["Okafor, Samuel", "s.okafor@example.org"],
            ["Kwame Mensah", "kwame@example.org"],
            headers=headers,
        )
    )
    assert adebayo.errors == []
    assert adebayo.values["last_name"] == "Adebayo"
    assert adebayo.warnings == [("Name", "Adebayo", "a one-word name, stored as the last name")]
    assert okafor.rewrites == [("Name", "Okafor, Samuel", "first name: Samuel; last name: Okafor")]
    assert kwame.rewrites == []


def test_phones_zips_and_choice_synonyms_rewritten_are_recorded():
    [ann, bea] = cleaned(
        table(
            row("Ann", phone="(512) 555-0101 x12", zip_code="2108", sector="Police"),
            row("Bea", phone="+15125550102", zip_code="78701-1234", sector="Law enforcement"),
        )
    )
    assert ann.values["zip_code"] == "02108"
    assert ann.rewrites == [
        ("Phone", "(512) 555-0101 x12", "+15125550101;ext=12"),
        ("Zip", "2108", "02108"),
        ("Sector", "Police", Sector.LAW_ENFORCEMENT),
    ]
    assert bea.rewrites == [("Zip", "78701-1234", "78701")]


def test_a_zip_typed_as_a_number_is_padded_with_a_recorded_rewrite():
    [ann] = cleaned(table(row("Ann", zip_code=2108)))
    assert ann.values["zip_code"] == "02108"
    assert ann.rewrites == [("Zip", "2108", "02108")]


def test_the_outcome_counts_every_note_and_keeps_the_first():
    outcome = ImportOutcome()
    for number in range(KEPT_NOTES + 5):
        outcome.collect(
            CleanRow(
                number=number + 2,
                values={},
                raw=None,
                warnings=[("Sector", "x", "not one of ...; left blank")],
                rewrites=[("Phone", "5125550101", "+15125550101")],
            )
        )
    assert outcome.rewrite_count == outcome.warning_count == KEPT_NOTES + 5
    assert len(outcome.rewrites) == len(outcome.warnings) == KEPT_NOTES
    assert outcome.rewrites[0] == {
        "row": 2,
        "column": "Phone",
        "original": "5125550101",
        "stored": "+15125550101",
    }
    assert outcome.warnings[0] == {
        "row": 2,
        "column": "Sector",
        "value": "x",
        "message": "not one of ...; left blank",
    }


@pytest.mark.django_db
def test_the_import_outcome_carries_warnings_and_rewrites(engagement):
    the_table = table(
        row("Ann", phone="512-555-0101", sector="Astronauts"),
        row("Bea", phone="bad"),
    )
    outcome = import_table(the_table, ImportOptions(engagement=engagement, dry_run=True))
    assert outcome.invalid == 1
    assert outcome.warnings == [
        {
            "row": 2,
            "column": "Sector",
            "value": "Astronauts",
            "message": outcome.warnings[0]["message"],
        }
    ]
    assert outcome.rewrites == [
        {"row": 2, "column": "Phone", "original": "512-555-0101", "stored": "+15125550101"}
    ]


# --- values refused rather than repaired ------------------------------------------------


def test_an_email_with_a_space_inside_is_invalid_not_squeezed():
    with pytest.raises(ValueError, match="space inside"):
        EmailWidget().clean("jane doe@example.org")
    assert EmailWidget().clean("  Jane.Doe@Example.org ") == "jane.doe@example.org"
    [jane] = cleaned(table(row("Jane", email="jane doe@example.org", phone="512-555-0101")))
    assert jane.errors == [
        ("Email", '"jane doe@example.org": not a valid email address: it has a space inside')
    ]


# --- phone extensions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("409-555-0190 ext. 204", "+14095550190;ext=204"),
        ("(214) 555-0114 x3", "+12145550114;ext=3"),
        ("+12105550172;ext=310", "+12105550172;ext=310"),
        ("+12105550172 ext. 310", "+12105550172;ext=310"),
        ("(512) 555-0101", "+15125550101"),
    ],
)
def test_extensions_are_kept_in_one_form(text, stored):
    assert normalise_phone(text) == stored
    assert normalise_phone(readable_phone(stored)) == stored


def test_extensions_render_readably():
    assert readable_phone("+14095550190;ext=204") == "+14095550190 ext. 204"
    assert PhoneWidget().render("+14095550190;ext=204") == "'+14095550190 ext. 204"
    assert readable_phone("") == ""


@pytest.mark.django_db
def test_an_extension_round_trips_through_the_export(engagement, make_person, run_import):
    person = make_person(
        engagement=engagement,
        first_name="Dwayne",
        last_name="Ellis",
        email="dwayne.ellis@example.org",
        phone="+12105550172;ext=310",
    )
    Participation.objects.create(person=person, engagement=engagement)
    data = export_participants(engagement, "csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert "'+12105550172 ext. 310" in rows[1]
    batch = run_import("roster.csv", data=data)
    assert batch.invalid_count == 0
    person.refresh_from_db()
    assert person.phone == "+12105550172;ext=310"
    assert Person.objects.count() == 1


# --- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "day_first"),
    [
        (["15/03/2026 09:12:44", "04/03/2026"], True),
        (["03/15/2026", "04/03/2026"], False),
        (["04/03/2026", "05/06/2026"], None),
        (["15/03/2026", "03/15/2026"], None),
        ([datetime.date(2026, 3, 15), 46000, "2026-03-15", ""], None),
        (["15.03.2026", "1.4.26"], True),
    ],
)
def test_a_column_says_whether_it_is_day_first(values, day_first):
    assert detect_day_first(values) is day_first


def test_day_first_detected_per_column_or_given():
    headers = ["First name", "Last name", "Email", "Registered on"]
    rows = [
        ["Ann", "Doe", "ann@example.org", "15/03/2026"],
        ["Bea", "Doe", "b@x.org", "04/03/2026"],
    ]
    ann, bea = cleaned(table(*rows, headers=headers))
    assert ann.values["registered_on"] == datetime.date(2026, 3, 15)
    assert bea.values["registered_on"] == datetime.date(2026, 3, 4)
    ambiguous = [["Ann", "Doe", "ann@example.org", "04/03/2026"]]
    [ann] = cleaned(table(*ambiguous, headers=headers))
    assert ann.values["registered_on"] == datetime.date(2026, 4, 3)  # U.S. usage
    [ann] = cleaned(table(*ambiguous, headers=headers), day_first=True)
    assert ann.values["registered_on"] == datetime.date(2026, 3, 4)
    [bea] = cleaned(table(*rows[1:], headers=headers), day_first=False)
    assert bea.values["registered_on"] == datetime.date(2026, 4, 3)


def test_other_date_forms_read_as_before_when_day_first():
    widget = DateWidget(day_first=True)
    assert widget.clean(46096) == datetime.date(2026, 3, 15)
    assert widget.clean("2026-03-15") == datetime.date(2026, 3, 15)
    assert widget.clean("Mar 15, 2026 20:52:29") == datetime.date(2026, 3, 15)
    assert widget.clean("15 March 2026") == datetime.date(2026, 3, 15)
    assert DateWidget().clean("03/15/2026") == datetime.date(2026, 3, 15)


@pytest.mark.django_db
def test_the_result_workbook_lists_warnings_and_rewritten_values(engagement):
    the_table = table(
        row("Ann", phone="512-555-0101", sector="Astronauts"),
        row("Bea", phone="bad"),
    )
    outcome = import_table(the_table, ImportOptions(engagement=engagement, dry_run=True))
    workbook = openpyxl.load_workbook(io.BytesIO(error_workbook(outcome)))
    assert workbook.sheetnames == ["Invalid rows", "Warnings", "Rewritten values"]
    warnings = list(workbook["Warnings"].iter_rows(values_only=True))
    assert warnings[0] == ("row", "column", "value", "warning")
    assert warnings[1][:3] == (2, "Sector", "Astronauts")
    rewritten = list(workbook["Rewritten values"].iter_rows(values_only=True))
    assert rewritten == [
        ("row", "column", "in the file", "stored"),
        (2, "Phone", "512-555-0101", "'+15125550101"),
    ]
