"""Integrity rules that live in the database, not only in forms."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

import pytest

from wagtail_spcp.models import Office, Participation, Person, Region, RegionState


def test_person_email_is_normalised_on_save(make_person):
    person = make_person(email="  Ann.Lee@Example.ORG ")
    assert person.email == "ann.lee@example.org"


def test_same_email_in_other_case_is_rejected_by_the_database(make_person):
    make_person(email="ann.lee@example.org")
    # bulk_create skips save(), so only the database constraint stands in the way.
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.bulk_create(
            [Person(first_name="A", last_name="L", email="ANN.LEE@example.org")]
        )


def test_same_email_in_other_case_fails_validation_with_a_message(make_person):
    make_person(email="ann.lee@example.org")
    duplicate = Person(first_name="Ann", last_name="Lee", email="Ann.Lee@Example.org")
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert "Another person of this region already has this email address." in str(excinfo.value)


def test_many_people_may_have_no_email(make_person):
    make_person(email="")
    make_person(email="")
    assert Person.objects.filter(email="").count() == 2


def test_a_state_cannot_join_two_regions(reference_offices):
    other = Region.objects.exclude(states__code="TX").first()
    with pytest.raises(IntegrityError), transaction.atomic():
        RegionState.objects.create(region=other, code="TX")
    state = RegionState(region=other, code="TX")
    with pytest.raises(ValidationError) as excinfo:
        state.full_clean()
    assert "already served by a region" in str(excinfo.value)


def test_region_state_codes_must_be_real_places(reference_offices):
    state = RegionState(region=Region.objects.first(), code="ZZ")
    with pytest.raises(ValidationError) as excinfo:
        state.full_clean()
    assert "not a U.S. state, territory or DC postal code" in str(excinfo.value)


def test_duplicate_participation_is_rejected(make_engagement, make_person):
    engagement = make_engagement()
    person = make_person()
    Participation.objects.create(person=person, engagement=engagement)
    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(person=person, engagement=engagement)
    assert Participation.objects.count() == 1


def test_regional_offices_need_a_region(reference_offices):
    with pytest.raises(IntegrityError), transaction.atomic():
        Office.objects.filter(kind="regional").update(region=None)
    assert not Office.objects.filter(kind="regional", region__isnull=True).exists()


def test_reference_data_serves_every_state_and_territory_once(reference_offices):
    from wagtail_spcp.states import place_names

    codes = list(RegionState.objects.values_list("code", flat=True))
    assert sorted(codes) == sorted(place_names())
    assert Office.objects.filter(kind="regional").count() == 10
    assert Office.objects.filter(kind="field").count() == 4
    assert Office.objects.get(kind="headquarters").region is None
