"""Export: formats, formula neutralisation, round trip."""

import csv
import io

import openpyxl
import pytest

from wagtail_spcp.choices import ParticipationRole, Sector
from wagtail_spcp.importing.exporting import export_participants
from wagtail_spcp.models import Participation, Person

FORMULAS = ['=HYPERLINK("http://x")', "+cmd", "-2+3", "@SUM(A1)"]
DANGEROUS = [*FORMULAS, "\tTab", "\rReturn"]


def build_roster(engagement, make_person, organisations):
    people = []
    for n, organisation in enumerate(organisations):
        person = make_person(
            engagement=engagement,
            first_name=f"Name{n}",
            last_name="Roster",
            phone=f"+1512555{n:04d}",
            organisation=organisation,
            sector=Sector.YOUTH,
            zip_code="02108",
            consent_to_contact=bool(n % 2),
        )
        Participation.objects.create(
            person=person, engagement=engagement, role=ParticipationRole.FACILITATOR
        )
        people.append(person)
    # someone of the region outside the engagement
    make_person(engagement=engagement, first_name="Not", last_name="Here")
    return people


@pytest.fixture
def roster(engagement, make_person):
    return build_roster(engagement, make_person, DANGEROUS)


@pytest.fixture
def stored_roster(engagement, make_person):
    """Values the app itself stores (trimmed), some of which a spreadsheet would run."""
    return build_roster(engagement, make_person, FORMULAS)


def test_csv_export_neutralises_formulas(engagement, roster):
    data = export_participants(engagement, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["First name", "Last name", "Email"]
    assert len(rows) == 1 + len(DANGEROUS)
    organisations = {row[4] for row in rows[1:]}
    assert organisations == {"'" + value for value in DANGEROUS}
    phones = {row[3] for row in rows[1:]}
    assert all(p.startswith("'+1512555") for p in phones)
    assert {row[9] for row in rows[1:]} == {"Facilitator"}


def test_xlsx_export_has_no_formula_cells(engagement, roster):
    data = export_participants(engagement, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    for cell in sheet.iter_rows():
        for c in cell:
            assert c.data_type != "f"
    assert '\'=HYPERLINK("http://x")' in values
    assert "'@SUM(A1)" in values


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_round_trip_changes_nothing(engagement, stored_roster, run_import, file_format):
    before = list(Person.objects.order_by("pk").values())
    data = export_participants(engagement, file_format)
    batch = run_import(f"export.{file_format}", data=data)
    assert batch.invalid_count == 0, batch.errors
    assert (batch.new_count, batch.updated_count) == (0, 0)
    assert batch.unchanged_count == len(FORMULAS)
    assert list(Person.objects.order_by("pk").values()) == before


def test_round_trip_into_a_new_engagement(engagement, stored_roster, run_import, make_engagement):
    other = make_engagement(slug="other-2026")
    data = export_participants(engagement, "xlsx")
    batch = run_import("export.xlsx", data=data, into=other)
    assert batch.new_count == len(FORMULAS)
    assert Person.objects.count() == len(FORMULAS) + 1
    organisations = set(
        Person.objects.filter(participations__engagement=other).values_list(
            "organisation", flat=True
        )
    )
    assert organisations == set(FORMULAS)


def test_people_export_round_trips(engagement, stored_roster, run_import, make_engagement):
    from wagtail_spcp.importing.exporting import export_people

    people = Person.objects.filter(last_name="Roster")
    data = export_people(people, "csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 1 + len(FORMULAS)
    assert "Role" not in rows[0]
    batch = run_import("people.csv", data=data, into=make_engagement(slug="other-2026"))
    assert (batch.new_count, batch.updated_count, batch.invalid_count) == (len(FORMULAS), 0, 0)
    assert Person.objects.count() == len(FORMULAS) + 1
