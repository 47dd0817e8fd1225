"""The data migration that gives each existing person the region of their links."""

import importlib

from django.apps import apps

import pytest

from wagtail_spcp.models import (
    BreakoutGroup,
    Council,
    CouncilMembership,
    Participation,
    Person,
    Region,
)

migration = importlib.import_module("wagtail_spcp.migrations.0007_assign_person_regions")


@pytest.fixture
def engagements(make_engagement):
    return {
        "southwest": make_engagement(slug="sw", office="southwest"),
        "northwest": make_engagement(slug="nw", office="northwest"),
        "headquarters": make_engagement(slug="hq", office="headquarters"),
    }


def test_people_get_the_region_of_their_links(engagements, make_person):
    only_southwest = make_person()
    Participation.objects.create(person=only_southwest, engagement=engagements["southwest"])
    facilitator = make_person()
    BreakoutGroup.objects.create(
        engagement=engagements["northwest"], name="Youth", facilitator=facilitator
    )
    unlinked = make_person()

    migration.assign_person_regions(apps)

    assert Person.objects.get(pk=only_southwest.pk).region.slug == "southwest"
    assert Person.objects.get(pk=facilitator.pk).region.slug == "northwest"
    assert Person.objects.get(pk=unlinked.pk).region is None
    assert Person.objects.count() == 3


def test_a_person_of_several_regions_is_copied_for_each(engagements, make_person):
    shared = make_person(
        first_name="Ann", last_name="Lee", email="ann.lee@example.org", organisation="Library"
    )
    southwest, northwest = engagements["southwest"], engagements["northwest"]
    Participation.objects.create(person=shared, engagement=southwest)
    council = Council.objects.create(engagement=southwest, name="Council SW")
    CouncilMembership.objects.create(council=council, person=shared)
    Participation.objects.create(person=shared, engagement=northwest)
    Participation.objects.create(person=shared, engagement=engagements["headquarters"])

    migration.assign_person_regions(apps)

    # Kept for the region with the most links; one copy per other region (or none).
    kept = Person.objects.get(pk=shared.pk)
    assert kept.region == Region.objects.get(slug="southwest")
    assert set(kept.participations.values_list("engagement", flat=True)) == {southwest.pk}
    assert kept.council_memberships.get().council == council
    copies = Person.objects.exclude(pk=shared.pk)
    assert {copy.region.slug if copy.region else None for copy in copies} == {"northwest", None}
    for copy in copies:
        assert (copy.first_name, copy.email, copy.organisation) == (
            "Ann",
            "ann.lee@example.org",
            "Library",
        )
        (engagement,) = copy.participations.values_list("engagement__office__region", flat=True)
        assert engagement == copy.region_id
    # Every link now points at a person of its engagement's region.
    for participation in Participation.objects.select_related("person", "engagement__office"):
        assert participation.person.region_id == participation.engagement.office.region_id
