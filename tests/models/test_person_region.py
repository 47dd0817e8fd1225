"""Every person belongs to one region, and only engagements of that region link to them."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

import pytest

from wagtail_spcp.models import (
    BreakoutGroup,
    Council,
    CouncilMembership,
    Office,
    Participation,
    Person,
    Region,
)


@pytest.fixture
def two_regions(make_engagement):
    southwest = make_engagement(slug="in-southwest", office="southwest")
    northwest = make_engagement(slug="in-northwest", office="northwest")
    return southwest, northwest


def test_the_same_email_may_belong_to_one_person_per_region(two_regions, make_person):
    southwest, northwest = two_regions
    make_person(engagement=southwest, email="ann.lee@example.org")
    other = make_person(engagement=northwest, email="Ann.Lee@example.org")
    other.full_clean()  # no error: another region's record is not a duplicate
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.bulk_create(
            [
                Person(region=southwest.region, first_name="A", last_name="L", email=email)
                for email in ("ANN.LEE@x.org", "ann.lee@x.org")
            ]
        )


def test_people_of_no_region_share_one_email_space(make_person):
    make_person(email="ann.lee@example.org")
    with pytest.raises(ValidationError) as excinfo:
        Person(first_name="Ann", last_name="Lee", email="ANN.LEE@example.org").full_clean()
    assert "Another person of this region already has this email address." in str(excinfo.value)


def test_a_participation_needs_a_person_of_the_engagements_region(two_regions, make_person):
    southwest, northwest = two_regions
    outsider = make_person(engagement=northwest)
    with pytest.raises(ValidationError) as excinfo:
        Participation(person=outsider, engagement=southwest).full_clean()
    assert "person" in excinfo.value.message_dict
    Participation(person=make_person(engagement=southwest), engagement=southwest).full_clean()


def test_a_council_seat_needs_a_person_of_the_engagements_region(two_regions, make_person):
    southwest, northwest = two_regions
    council = Council.objects.create(engagement=southwest, name="Council")
    seat = CouncilMembership(council=council, person=make_person(engagement=northwest))
    with pytest.raises(ValidationError) as excinfo:
        seat.full_clean()
    assert "person" in excinfo.value.message_dict


def test_a_facilitator_must_be_of_the_engagements_region(two_regions, make_person):
    southwest, northwest = two_regions
    group = BreakoutGroup(
        engagement=southwest, name="Youth", facilitator=make_person(engagement=northwest)
    )
    with pytest.raises(ValidationError) as excinfo:
        group.full_clean()
    assert "facilitator" in excinfo.value.message_dict


def test_headquarters_engagements_take_people_of_no_region(make_engagement, make_person):
    headquarters = make_engagement(slug="national", office="headquarters")
    assert headquarters.office.region is None
    Participation(person=make_person(), engagement=headquarters).full_clean()
    with pytest.raises(ValidationError):
        Participation(
            person=make_person(region=Region.objects.get(slug="southwest")),
            engagement=headquarters,
        ).full_clean()


def test_a_linked_persons_region_cannot_change(two_regions, make_person):
    southwest, northwest = two_regions
    person = make_person(engagement=southwest)
    person.region = northwest.region
    person.full_clean()  # not linked yet: free to move
    person.region = southwest.region
    Participation.objects.create(person=person, engagement=southwest)
    person.region = northwest.region
    with pytest.raises(ValidationError) as excinfo:
        person.full_clean()
    assert "region" in excinfo.value.message_dict


def test_an_engagement_with_people_cannot_move_to_another_region(two_regions, make_person):
    southwest, northwest = two_regions
    houston = Office.objects.get(slug="houston")
    southwest.office = houston  # same region: fine
    southwest.full_clean()
    southwest.office = northwest.office
    southwest.full_clean()  # nobody linked yet
    Participation.objects.create(person=make_person(engagement=northwest), engagement=northwest)
    northwest.office = houston
    with pytest.raises(ValidationError) as excinfo:
        northwest.full_clean()
    assert "office" in excinfo.value.message_dict
