"""Bulk actions of the participation listing: set status, set role, assign a breakout
group; region-scoped and each change in the audit log."""

from django.urls import reverse

import pytest

from wagtail_spcp.admin.participation_bulk_actions import ACTION_BULK_EDIT
from wagtail_spcp.choices import ParticipationRole, ParticipationStatus
from wagtail_spcp.models import BreakoutGroup, Participation
from wagtail_spcp.models import RegionScopedLogEntry as LogEntry


def action_url(action, *participations, all_=False):
    url = reverse("wagtail_bulk_action", args=["wagtail_spcp", "participation", action])
    ids = "&".join(f"id={p.pk}" for p in participations)
    if all_:
        ids += "&id=all"
    return f"{url}?{ids}"


@pytest.fixture
def three(world, make_person):
    engagement = world.a.engagement
    return [world.a.participation] + [
        Participation.objects.create(
            person=make_person(engagement=engagement, last_name=f"Bulk{n}"), engagement=engagement
        )
        for n in range(2)
    ]


def test_listing_offers_the_bulk_actions(world, login):
    response = login(world.users["staff_a"]).get(
        reverse("wagtailsnippets_wagtail_spcp_participation:list")
    )
    content = response.content.decode()
    for action in ("set_status", "set_role", "assign_breakout_group"):
        assert f"/bulk/wagtail_spcp/participation/{action}/" in content


def test_set_status_changes_and_logs_each(world, login, three):
    user = world.users["staff_a"]
    client = login(user)
    url = action_url("set_status", *three)
    assert client.get(url).status_code == 200
    response = client.post(url, {"status": ParticipationStatus.NO_SHOW})
    assert response.status_code == 302
    statuses = set(
        Participation.objects.filter(pk__in=[p.pk for p in three]).values_list("status", flat=True)
    )
    assert statuses == {ParticipationStatus.NO_SHOW}
    for participation in three:
        entry = LogEntry.objects.for_instance(participation).get(action=ACTION_BULK_EDIT)
        assert entry.user == user
        assert entry.data["field"] == "status" and entry.data["to"] == "no_show"
    assert "Status changed in bulk" in entry.message


def test_set_role(world, login, three):
    login(world.users["staff_a"]).post(
        action_url("set_role", *three), {"role": ParticipationRole.FACILITATOR}
    )
    roles = {p.role for p in Participation.objects.filter(pk__in=[p.pk for p in three])}
    assert roles == {ParticipationRole.FACILITATOR}


def test_assign_breakout_group_of_the_engagement(world, login, three):
    client = login(world.users["staff_a"])
    url = action_url("assign_breakout_group", *three)
    form = client.get(url).context["form"]
    assert list(form.fields["breakout_group"].queryset) == [world.a.group]
    client.post(url, {"breakout_group": world.a.group.pk})
    groups = {
        p.breakout_group_id for p in Participation.objects.filter(pk__in=[p.pk for p in three])
    }
    assert groups == {world.a.group.pk}
    client.post(url, {"breakout_group": ""})
    assert not Participation.objects.filter(
        pk__in=[p.pk for p in three], breakout_group__isnull=False
    ).exists()


def test_group_of_another_engagement_is_refused(world, login, three):
    other = BreakoutGroup.objects.create(engagement=world.b.engagement, name="Elsewhere")
    response = login(world.users["national"]).post(
        action_url("assign_breakout_group", *three), {"breakout_group": other.pk}
    )
    assert response.status_code == 200
    assert "breakout_group" in response.context["form"].errors
    assert not Participation.objects.filter(breakout_group=other).exists()


def test_participations_of_two_engagements_get_no_group(world, login):
    response = login(world.users["national"]).post(
        action_url("assign_breakout_group", world.a.participation, world.b.participation),
        {"breakout_group": world.a.group.pk},
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Participation.objects.filter(breakout_group=world.a.group).exists()


@pytest.mark.parametrize("action", ["set_status", "set_role", "assign_breakout_group"])
def test_bulk_actions_cannot_reach_another_region(world, login, action):
    client = login(world.users["staff_b"])
    url = action_url(action, world.a.participation, all_=True)
    response = client.get(url)
    assert "PersonA" not in response.content.decode()
    data = {
        "set_status": {"status": ParticipationStatus.CANCELLED},
        "set_role": {"role": ParticipationRole.OBSERVER},
        "assign_breakout_group": {"breakout_group": world.b.group.pk},
    }[action]
    client.post(url, data)
    world.a.participation.refresh_from_db()
    assert world.a.participation.status == ParticipationStatus.ATTENDED
    assert world.a.participation.role == ParticipationRole.PARTICIPANT
    assert world.a.participation.breakout_group_id is None
    assert not LogEntry.objects.for_instance(world.a.participation).exists()
    # "Select all" reached region B's own participation only.
    world.b.participation.refresh_from_db()
    changed = {
        "set_status": world.b.participation.status == ParticipationStatus.CANCELLED,
        "set_role": world.b.participation.role == ParticipationRole.OBSERVER,
        "assign_breakout_group": world.b.participation.breakout_group_id == world.b.group.pk,
    }[action]
    assert changed


def test_users_without_change_permission_cannot_bulk_edit(world, login):
    response = login(world.users["editor"]).post(
        action_url("set_status", world.a.participation), {"status": "cancelled"}
    )
    assert response.status_code in (302, 403, 404)
    world.a.participation.refresh_from_db()
    assert world.a.participation.status == ParticipationStatus.ATTENDED
