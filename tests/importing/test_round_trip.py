"""An export imported back into its engagement changes nothing, whatever the values hold."""

import datetime

import pytest

from wagtail_spcp.choices import ParticipationRole, ParticipationStatus, Sector
from wagtail_spcp.importing.exporting import export_participants
from wagtail_spcp.models import Participation, Person

AWKWARD_PEOPLE = [
    # first name, last name, email, phone, organisation
    ("Ann", "Lee", "ann@example.org", "+15125550101", "Smiths'"),
    ("Bo", "O'Brien", "bo@example.org", "+15125550102", "Jones'"),
    ("José", "Muñoz", "jose@example.org", "+15125550103", "Café Olé"),
    ("Zoë", "Brontë", "", "+15125550104", "=SUM(A1)"),
    ("Cy", "Day", "cy@example.org", "+442079460958", "+cmd"),
    ("Di", "Fox", "di@example.org", "", "-2+3"),
    ("Ed", "Gray", "ed@example.org", "+15125550106", "@home"),
    ("Flo", "Hart", "flo@example.org", "+15125550107", 'The "Quoted" Group, Inc.'),
    ("Gus", "Ives", "gus@example.org", "+15125550108", "Semi; colon\tand tab"),
    ("Hal", "Jay", "hal@example.org", "+15125550109", "'tis the season"),
]


@pytest.fixture
def awkward_roster(engagement):
    sectors = [Sector.FAITH, Sector.YOUTH, Sector.LAW_ENFORCEMENT, ""]
    for n, (first, last, email, phone, organisation) in enumerate(AWKWARD_PEOPLE):
        person = Person.objects.create(
            first_name=first,
            last_name=last,
            email=email,
            phone=phone,
            organisation=organisation.replace("\t", " "),
            sector=sectors[n % len(sectors)],
            zip_code="02108" if n % 2 else "",
            preferred_language="es" if n % 3 == 0 else "",
            consent_to_contact=n % 3 == 0,
            region=engagement.office.region,
        )
        Participation.objects.create(
            person=person,
            engagement=engagement,
            role=[ParticipationRole.PARTICIPANT, ParticipationRole.FACILITATOR][n % 2],
            status=[ParticipationStatus.REGISTERED, ParticipationStatus.ATTENDED][n % 2],
            registered_on=datetime.date(2026, 3, n + 1) if n % 2 else None,
        )


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_imports_back_unchanged(engagement, awkward_roster, run_import, file_format):
    people = list(Person.objects.order_by("pk").values())
    participations = list(Participation.objects.order_by("pk").values())
    data = export_participants(engagement, file_format)
    batch = run_import(f"{engagement.slug}-participants.{file_format}", data=data)
    assert batch.errors == []
    assert (batch.new_count, batch.updated_count, batch.invalid_count) == (0, 0, 0)
    assert batch.unchanged_count == len(AWKWARD_PEOPLE)
    assert list(Person.objects.order_by("pk").values()) == people
    assert list(Participation.objects.order_by("pk").values()) == participations
