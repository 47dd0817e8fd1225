"""Merging duplicate people keeps every participation and council seat, and is logged."""

from django.urls import reverse

from wagtail_spcp.choices import ParticipationStatus
from wagtail_spcp.merging import PERSON_MERGE, merge_people
from wagtail_spcp.models import (
    BreakoutGroup,
    CouncilMembership,
    Participation,
    Person,
)
from wagtail_spcp.models import RegionScopedLogEntry as LogEntry


def make_duplicate(world, make_person, make_engagement):
    """A second record of region B's person, in B's engagement and one more engagement."""
    duplicate = make_person(
        first_name="PersonB",
        last_name="Sample",
        email="",
        phone="+12065550100",
        region=world.b.region,
    )
    other = make_engagement(slug="engagement-b2", office="northwest")
    Participation.objects.create(person=duplicate, engagement=other)
    Participation.objects.create(
        person=duplicate,
        engagement=world.b.engagement,
        status=ParticipationStatus.ATTENDED,
        breakout_group=world.b.group,
    )
    CouncilMembership.objects.create(council=world.b.council, person=duplicate, seat="Youth")
    world.b.group.facilitator = duplicate
    world.b.group.save()
    return duplicate, other


def test_merge_keeps_every_participation_and_membership(world, make_person, make_engagement):
    survivor = world.b.person
    survivor.participations.update(status=ParticipationStatus.REGISTERED)
    duplicate, other = make_duplicate(world, make_person, make_engagement)
    engagements_before = set(
        Participation.objects.filter(person__in=[survivor, duplicate]).values_list(
            "engagement", flat=True
        )
    )
    memberships_before = CouncilMembership.objects.filter(person__in=[survivor, duplicate]).count()

    summary = merge_people(survivor, duplicate, user=world.users["staff_b"])

    assert not Person.objects.filter(pk=duplicate.pk).exists()
    engagements_after = set(survivor.participations.values_list("engagement", flat=True))
    assert engagements_after == engagements_before == {world.b.engagement.pk, other.pk}
    assert survivor.council_memberships.count() == memberships_before == 2
    combined = survivor.participations.get(engagement=world.b.engagement)
    assert combined.status == ParticipationStatus.ATTENDED
    assert combined.breakout_group == world.b.group
    assert BreakoutGroup.objects.get(pk=world.b.group.pk).facilitator == survivor
    survivor.refresh_from_db()
    assert survivor.phone == "+12065550100"
    assert summary["participations_moved"] == 1
    assert summary["participations_combined"] == 1
    assert summary["memberships_moved"] == 1


def test_merge_view_asks_for_confirmation_then_merges_and_logs(
    world, login, make_person, make_engagement
):
    user = world.users["staff_b"]
    client = login(user)
    survivor = world.b.person
    duplicate, _ = make_duplicate(world, make_person, make_engagement)
    url = reverse("wagtailsnippets_wagtail_spcp_person:merge")

    response = client.post(url, {"survivor": survivor.pk, "duplicate": duplicate.pk})
    assert response.status_code == 200
    assert response.context["summary"]["memberships_moved"] == 1
    assert Person.objects.filter(pk=duplicate.pk).exists()

    response = client.post(
        url, {"survivor": survivor.pk, "duplicate": duplicate.pk, "confirm": "1"}
    )
    assert response.status_code == 302
    assert not Person.objects.filter(pk=duplicate.pk).exists()
    entry = LogEntry.objects.for_instance(survivor).get(action=PERSON_MERGE)
    assert entry.user == user
    assert entry.data["duplicate_id"] == duplicate.pk
    assert "Merged duplicate" in entry.message
    deleted = LogEntry.objects.get(object_id=str(duplicate.pk), action="wagtail.delete")
    assert deleted.user == user


def test_merge_refuses_people_of_another_region(world, login):
    client = login(world.users["staff_b"])
    url = reverse("wagtailsnippets_wagtail_spcp_person:merge")
    response = client.post(
        url, {"survivor": world.b.person.pk, "duplicate": world.a.person.pk, "confirm": "1"}
    )
    assert response.status_code == 200
    assert "duplicate" in response.context["form"].errors
    assert Person.objects.filter(pk=world.a.person.pk).exists()


def test_merge_refuses_the_same_person_twice(world, login):
    client = login(world.users["staff_b"])
    url = reverse("wagtailsnippets_wagtail_spcp_person:merge")
    response = client.post(url, {"survivor": world.b.person.pk, "duplicate": world.b.person.pk})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


def test_merge_needs_delete_permission(world, login, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(username="viewer", password="pw")
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["access_admin", "view_person", "change_person"])
    )
    response = login(user).get(reverse("wagtailsnippets_wagtail_spcp_person:merge"))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
