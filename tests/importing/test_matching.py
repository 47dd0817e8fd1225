"""Matching keys: rows find people by email, name and phone, external ID, or name."""

import csv
import io

import pytest

from wagtail_spcp.choices import ImportStatus, MatchKey, ParticipationStatus
from wagtail_spcp.importing.suggestions import MappingError, check_columns
from wagtail_spcp.models import Participation, Person

HEADER = ["Attendee #", "First Name", "Last Name", "Email", "Phone", "Status"]


def table_csv(rows, header=HEADER) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode()


FIRST = table_csv(
    [
        ["A-1001", "Noor", "Haddad", "noor.haddad@example.org", "409-555-0111", "registered"],
        ["A-1002", "Curtis", "Boone", "curtis.boone@example.net", "409-555-0112", "registered"],
    ]
)


def _reasons(batch):
    return {error["row"]: error["reason"] for error in batch.errors if "row" in error}


@pytest.fixture
def first_import(run_import):
    batch = run_import("first.csv", data=FIRST)
    assert (batch.status, batch.new_count) == (ImportStatus.COMPLETED, 2)
    return batch


def test_external_id_is_kept_on_the_participation(first_import, engagement):
    kept = dict(
        Participation.objects.filter(engagement=engagement).values_list(
            "person__email", "external_id"
        )
    )
    assert kept == {"noor.haddad@example.org": "A-1001", "curtis.boone@example.net": "A-1002"}


def test_external_id_matches_someone_who_changed_their_email(first_import, run_import):
    again = table_csv(
        [["A-1001", "Noor", "Haddad", "noor.h@example.net", "409-555-0111", "attended"]]
    )
    batch = run_import("again.csv", data=again, match_on=MatchKey.EXTERNAL_ID)
    assert (batch.new_count, batch.updated_count, batch.invalid_count) == (0, 1, 0)
    assert batch.match_on == MatchKey.EXTERNAL_ID
    noor = Person.objects.get(first_name="Noor")
    assert noor.email == "noor.h@example.net"
    assert noor.participations.get().status == ParticipationStatus.ATTENDED
    assert Person.objects.count() == 2


def test_by_email_the_same_row_is_a_new_person_whose_id_is_taken(first_import, run_import):
    again = table_csv(
        [["A-1001", "Noor", "Haddad", "noor.h@example.net", "409-555-0111", "attended"]]
    )
    batch = run_import("again.csv", data=again)
    assert batch.match_on == MatchKey.EMAIL
    assert (batch.new_count, batch.invalid_count) == (0, 1)
    assert _reasons(batch) == {
        2: "the external ID A-1001 belongs to another participant of this engagement"
    }
    assert Person.objects.count() == 2


def test_an_external_id_twice_in_a_file_imports_once(run_import):
    data = table_csv(
        [
            ["B-7", "Ines", "Ortega", "ines.ortega@example.org", "", "registered"],
            ["B-7", "Paul", "Mercer", "paul.mercer@example.org", "", "registered"],
        ]
    )
    batch = run_import("twice.csv", data=data)
    assert (batch.new_count, batch.invalid_count) == (1, 1)
    assert _reasons(batch) == {3: "the external ID B-7 is also on row 2"}


def test_name_and_phone_match_before_email(first_import, run_import):
    again = table_csv(
        [["", "Curtis", "Boone", "c.boone@example.org", "(409) 555-0112", "attended"]]
    )
    # By email, a name and phone never join two people with different emails.
    by_email = run_import("again.csv", data=again, dry_run=True)
    assert (by_email.new_count, by_email.updated_count) == (1, 0)
    by_name_phone = run_import("again.csv", data=again, match_on=MatchKey.NAME_PHONE)
    assert (by_name_phone.new_count, by_name_phone.updated_count) == (0, 1)
    assert Person.objects.get(last_name="Boone").email == "c.boone@example.org"


def test_a_match_whose_email_belongs_to_someone_else_is_refused(first_import, run_import):
    # Curtis by name and phone, with Noor's email: importing it would give two people one email.
    data = table_csv(
        [["", "Curtis", "Boone", "noor.haddad@example.org", "409-555-0112", "attended"]]
    )
    batch = run_import("clash.csv", data=data, match_on=MatchKey.NAME_PHONE)
    assert batch.invalid_count == 1
    assert _reasons(batch) == {
        2: "noor.haddad@example.org belongs to another person than the one this row matched"
    }
    assert Person.objects.get(last_name="Boone").email == "curtis.boone@example.net"


# This app's printed sign-in sheet, typed up.
SIGN_IN = ["Present", "Name", "Organization", "Sector", "Role", "Signature"]


def test_a_sheet_of_names_updates_the_engagements_people(first_import, run_import):
    data = table_csv(
        [
            ["x", "Noor Haddad", "Harbor Mosque", "", "", ""],
            ["", "CURTIS BOONE", "", "", "", ""],
            ["x", "Ada Park", "", "", "", ""],
        ],
        header=SIGN_IN,
    )
    batch = run_import("sign-in.csv", data=data)
    assert batch.match_on == MatchKey.NAME
    assert (batch.updated_count, batch.new_count, batch.invalid_count) == (2, 0, 1)
    assert _reasons(batch) == {
        4: "no participant of this engagement is named Ada Park, and a new person needs an "
        "email address or a phone number"
    }
    statuses = dict(Participation.objects.values_list("person__last_name", "status"))
    assert statuses == {"Haddad": "attended", "Boone": "no_show"}
    assert Person.objects.get(last_name="Haddad").organisation == "Harbor Mosque"


def test_a_name_two_participants_share_is_not_guessed(first_import, run_import, engagement):
    twin = Person.objects.create(
        first_name="Noor", last_name="Haddad", email="noor2@example.org", region=engagement.region
    )
    Participation.objects.create(person=twin, engagement=engagement)
    data = table_csv([["x", "Noor Haddad", "", "", "", ""]], header=SIGN_IN)
    batch = run_import("sign-in.csv", data=data)
    assert batch.updated_count == 0
    assert _reasons(batch) == {
        2: "more than one participant of this engagement is named Noor Haddad; add an email "
        "or phone number to tell them apart"
    }


def test_matching_by_external_id_needs_that_column():
    with pytest.raises(MappingError, match="no column is mapped to External ID"):
        check_columns(["first_name", "last_name", "email"], MatchKey.EXTERNAL_ID)
    check_columns(["full_name", "external_id"], MatchKey.EXTERNAL_ID)
    with pytest.raises(MappingError, match="email or phone"):
        check_columns(["full_name", "organisation"], MatchKey.EMAIL)
    check_columns(["full_name", "organisation"], MatchKey.AUTO)
