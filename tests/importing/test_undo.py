"""Undo spares what staff changed after the import, and copes with merged people."""

import pytest

from wagtail_spcp.admin.people_search import search_people
from wagtail_spcp.choices import DuplicatePolicy, ImportStatus, ParticipationStatus
from wagtail_spcp.duplicates import find_duplicates
from wagtail_spcp.importing.batches import undo_batch
from wagtail_spcp.merging import merge_people
from wagtail_spcp.models import Participation, Person

SHEET = (
    "First name,Last name,Email,Phone,Organisation,Status\n"
    "Maria,Garcia,maria.garcia@example.org,512-555-0101,New Org,attended\n"
    "New,Person,new.person@example.org,,,\n"
)


@pytest.fixture
def maria(make_person, engagement):
    person = make_person(
        engagement=engagement,
        first_name="Maria",
        last_name="Garcia",
        email="maria.garcia@example.org",
        organisation="",
    )
    Participation.objects.create(person=person, engagement=engagement)
    return person


@pytest.fixture
def imported(run_import, maria):
    return run_import("sheet.csv", data=SHEET.encode(), policy=DuplicatePolicy.UPDATE)


def test_undo_keeps_a_value_corrected_since(imported, maria):
    Person.objects.filter(pk=maria.pk).update(organisation="Corrected Org")
    undo_batch(imported)
    maria.refresh_from_db()
    assert maria.organisation == "Corrected Org"
    assert maria.phone == ""  # untouched since the import: restored
    report = imported.changes["undo"]
    assert report["kept_values"] == [{"kind": "person", "id": maria.pk, "fields": ["organisation"]}]


def test_undo_keeps_a_participation_value_changed_since(imported, maria, engagement):
    part = Participation.objects.get(person=maria, engagement=engagement)
    assert part.status == ParticipationStatus.ATTENDED
    Participation.objects.filter(pk=part.pk).update(status=ParticipationStatus.NO_SHOW)
    undo_batch(imported)
    part.refresh_from_db()
    assert part.status == ParticipationStatus.NO_SHOW
    assert imported.changes["undo"]["kept_values"][0]["kind"] == "participation"


def test_undo_keeps_a_created_person_edited_since(imported):
    newcomer = Person.objects.get(email="new.person@example.org")
    newcomer.organisation = "Added by hand"
    newcomer.save()
    undo_batch(imported)
    assert Person.objects.filter(pk=newcomer.pk).exists()
    assert imported.changes["undo"]["kept_people"] == 1


def test_undo_removes_a_created_person_nobody_touched(imported):
    undo_batch(imported)
    assert not Person.objects.filter(email="new.person@example.org").exists()
    assert imported.changes["undo"]["kept_people"] == 0
    assert imported.status == ImportStatus.UNDONE


def test_undo_keeps_data_merged_into_a_created_person(imported, make_person, make_engagement):
    """A duplicate merged into a person the import created: its links stay."""
    newcomer = Person.objects.get(email="new.person@example.org")
    older = make_person(
        first_name="New",
        last_name="Person",
        email="",
        organisation="Elders",
        region=newcomer.region,
    )
    other = make_engagement(slug="other-2026")
    Participation.objects.create(person=older, engagement=other)
    merge_people(newcomer, older)
    undo_batch(imported)
    newcomer.refresh_from_db()
    assert newcomer.organisation == "Elders"
    assert newcomer.participations.filter(engagement=other).exists()


def test_undo_copes_with_a_person_merged_away(imported, maria, make_person, engagement):
    survivor = make_person(
        engagement=engagement, first_name="Maria", last_name="Garcia-Lopez", email="mg@example.org"
    )
    merged_away = maria.pk
    merge_people(survivor, maria)
    undo_batch(imported)
    survivor.refresh_from_db()
    # The participation moved to the survivor stays, with the status from before the import.
    assert survivor.participations.get(engagement=engagement).status == (
        ParticipationStatus.REGISTERED
    )
    followed = imported.changes["undo"]["followed"]
    assert {"kind": "person", "id": merged_away, "merged_into": survivor.pk} in followed
    assert imported.status == ImportStatus.UNDONE


def test_imported_and_restored_people_are_searchable(imported, maria):
    newcomer = Person.objects.get(email="new.person@example.org")
    assert list(search_people(Person.objects.all(), "person new")) == [newcomer]
    assert list(search_people(Person.objects.all(), "new org garcia")) == [maria]
    assert list(search_people(Person.objects.all(), "(512) 555-0101")) == [maria]
    undo_batch(imported)
    assert list(search_people(Person.objects.all(), "new org")) == []


def test_undo_restores_a_phone_and_the_duplicate_scan_sees_it(
    imported, maria, make_person, engagement
):
    """A restore is a change: it moves ``updated_at``, so the scan's cached pairs are replaced."""
    twin = make_person(engagement=engagement, first_name="M.", last_name="G.", phone="+15125550101")
    region_people = Person.objects.in_region(engagement.office.region)
    pair = (maria.pk, twin.pk)
    assert pair in {(p.first_id, p.second_id) for p in find_duplicates(region_people)}
    before = Person.objects.get(pk=maria.pk).updated_at

    undo_batch(imported)

    maria.refresh_from_db()
    assert maria.phone == "" and maria.updated_at > before
    assert pair not in {(p.first_id, p.second_id) for p in find_duplicates(region_people)}


def test_undo_restores_on_the_person_a_changed_person_was_merged_into(
    imported, maria, make_person, engagement
):
    survivor = make_person(
        engagement=engagement, first_name="Maria", last_name="García", email="mg@example.org"
    )
    merge_people(survivor, maria)
    survivor.refresh_from_db()
    assert (survivor.organisation, survivor.phone) == ("New Org", "+15125550101")
    undo_batch(imported)
    survivor.refresh_from_db()
    # what the import wrote on Maria, and the merge carried over, is taken back
    assert (survivor.organisation, survivor.phone) == ("", "")
    followed = imported.changes["undo"]["followed"]
    assert followed == [{"kind": "person", "id": maria.pk, "merged_into": survivor.pk}]


def test_undo_keeps_a_value_the_survivor_had_of_its_own(imported, maria, make_person, engagement):
    survivor = make_person(
        engagement=engagement,
        first_name="Maria",
        last_name="García",
        email="mg@example.org",
        organisation="Own Org",
    )
    merge_people(survivor, maria)
    undo_batch(imported)
    survivor.refresh_from_db()
    assert survivor.organisation == "Own Org"
    assert survivor.phone == ""


def test_undo_removes_a_created_participation_moved_by_a_merge(imported, make_person, engagement):
    newcomer = Person.objects.get(email="new.person@example.org")
    older = make_person(engagement=engagement, first_name="New", last_name="Person", email="")
    merge_people(older, newcomer)
    assert older.participations.filter(engagement=engagement).exists()
    undo_batch(imported)
    assert not older.participations.filter(engagement=engagement).exists()
    assert Person.objects.filter(pk=older.pk).exists()
