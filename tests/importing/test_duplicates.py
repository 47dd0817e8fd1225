"""Duplicates against the database under each policy, and undo."""

import pytest

from wagtail_spcp.choices import DuplicatePolicy, ImportStatus, ParticipationStatus
from wagtail_spcp.importing.batches import ImportFailed, undo_batch
from wagtail_spcp.models import Participation, Person
from wagtail_spcp.models.audit import RegionScopedLogEntry

SHEET = (
    "First name,Last name,Email,Phone,Organisation,Status\n"
    "Maria,Garcia,MARIA.GARCIA@example.org,512-555-0101,New Org,attended\n"
    "Tom,Brown,,512-555-0132,Faith Forward,\n"
    "New,Person,new.person@example.org,,,\n"
)


@pytest.fixture
def existing(make_person, engagement):
    maria = make_person(
        engagement=engagement,
        first_name="Maria",
        last_name="Garcia",
        email="maria.garcia@example.org",
        organisation="",
    )
    tom = make_person(
        engagement=engagement,
        first_name="Tom",
        last_name="Brown",
        email="",
        phone="+15125550132",
        organisation="Old",
    )
    Participation.objects.create(person=maria, engagement=engagement)
    return maria, tom


def test_update_policy(run_import, existing, engagement):
    maria, tom = existing
    batch = run_import("sheet.csv", data=SHEET.encode(), policy=DuplicatePolicy.UPDATE)
    assert (batch.new_count, batch.updated_count, batch.skipped_count) == (2, 1, 0)
    maria.refresh_from_db()
    tom.refresh_from_db()
    assert maria.phone == "+15125550101"
    assert maria.organisation == "New Org"
    assert tom.organisation == "Faith Forward"  # matched on name and phone, then updated
    assert Person.objects.count() == 3
    part = Participation.objects.get(person=maria, engagement=engagement)
    assert part.status == ParticipationStatus.ATTENDED


def test_skip_policy(run_import, existing):
    maria, tom = existing
    batch = run_import("sheet.csv", data=SHEET.encode(), policy=DuplicatePolicy.SKIP)
    assert (batch.new_count, batch.updated_count, batch.skipped_count) == (1, 0, 2)
    maria.refresh_from_db()
    tom.refresh_from_db()
    assert maria.organisation == ""
    assert tom.organisation == "Old"
    assert not tom.participations.exists()


def test_fill_policy(run_import, existing, engagement):
    maria, tom = existing
    batch = run_import("sheet.csv", data=SHEET.encode(), policy=DuplicatePolicy.FILL)
    maria.refresh_from_db()
    tom.refresh_from_db()
    assert maria.organisation == "New Org"  # was blank
    assert maria.phone == "+15125550101"  # was blank
    assert tom.organisation == "Old"  # not blank: kept
    # fill never changes an existing participation's status
    assert (
        Participation.objects.get(person=maria, engagement=engagement).status
        == ParticipationStatus.REGISTERED
    )
    assert batch.new_count == 2  # Tom joins the engagement, New Person is new
    assert batch.updated_count == 1


def test_allow_policy(run_import, existing):
    maria, tom = existing
    batch = run_import("sheet.csv", data=SHEET.encode(), policy=DuplicatePolicy.ALLOW)
    # name and phone do not match under "allow": a second Tom Brown is created
    assert Person.objects.filter(last_name="Brown").count() == 2
    # the email stays unique: the row joins Maria's record and changes nothing
    assert Person.objects.filter(email="maria.garcia@example.org").count() == 1
    maria.refresh_from_db()
    assert maria.organisation == ""
    assert batch.new_count == 2


def test_reimport_is_unchanged(run_import, existing):
    run_import("sheet.csv", data=SHEET.encode())
    again = run_import("sheet.csv", data=SHEET.encode())
    assert (again.new_count, again.updated_count, again.unchanged_count) == (0, 0, 3)


def test_undo_restores_and_removes(run_import, existing, engagement):
    maria, tom = existing
    batch = run_import("sheet.csv", data=SHEET.encode(), policy=DuplicatePolicy.UPDATE)
    assert Person.objects.count() == 3
    undo_batch(batch)
    maria.refresh_from_db()
    tom.refresh_from_db()
    assert maria.organisation == ""
    assert maria.phone == ""
    assert tom.organisation == "Old"
    assert not Person.objects.filter(email="new.person@example.org").exists()
    assert not tom.participations.exists()
    part = Participation.objects.get(person=maria, engagement=engagement)
    assert part.status == ParticipationStatus.REGISTERED
    batch.refresh_from_db()
    assert batch.status == ImportStatus.UNDONE
    actions = list(
        RegionScopedLogEntry.objects.filter(object_id=str(batch.pk)).values_list(
            "action", flat=True
        )
    )
    assert set(actions) == {"wagtail_spcp.import", "wagtail_spcp.import_undo"}
    with pytest.raises(ImportFailed):
        undo_batch(batch)


def test_undo_keeps_people_used_elsewhere(run_import, existing, make_engagement):
    batch = run_import("sheet.csv", data=SHEET.encode())
    newcomer = Person.objects.get(email="new.person@example.org")
    other = make_engagement(slug="other-2026")
    Participation.objects.create(person=newcomer, engagement=other)
    undo_batch(batch)
    assert Person.objects.filter(pk=newcomer.pk).exists()
    assert not newcomer.participations.filter(import_batch=batch).exists()


def test_dry_run_cannot_be_undone(run_import, existing):
    batch = run_import("sheet.csv", data=SHEET.encode(), dry_run=True)
    with pytest.raises(ImportFailed):
        undo_batch(batch)


def test_undo_restores_a_changed_date(run_import, existing, engagement):
    import datetime

    maria, _tom = existing
    Participation.objects.filter(person=maria).update(registered_on=datetime.date(2026, 1, 5))
    sheet = (
        "First name,Last name,Email,Registration date\n"
        "Maria,Garcia,maria.garcia@example.org,2/1/2026\n"
    )
    batch = run_import("dates.csv", data=sheet.encode())
    part = Participation.objects.get(person=maria, engagement=engagement)
    assert part.registered_on == datetime.date(2026, 2, 1)
    undo_batch(batch)
    part.refresh_from_db()
    assert part.registered_on == datetime.date(2026, 1, 5)


def test_name_and_phone_match_ignores_case_and_phone_format(run_import, existing):
    _maria, tom = existing
    sheet = "First name,Last name,Phone,Organisation\ntom,BROWN,(512) 555-0132,Faith Forward\n"
    batch = run_import("case.csv", data=sheet.encode())
    assert batch.new_count == 1  # Tom joins the engagement: no second Tom Brown
    assert Person.objects.filter(last_name__iexact="brown").count() == 1
    tom.refresh_from_db()
    assert tom.organisation == "Faith Forward"
