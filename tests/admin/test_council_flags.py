"""Dashboard flags: councils with no meeting in 90 days, and empty sector seats."""

import datetime

import pytest

from wagtail_spcp.admin.council_flags import empty_sector_seats, quiet_councils
from wagtail_spcp.admin.dashboard import dashboard_figures
from wagtail_spcp.choices import BreakoutGroupKind, CouncilStatus, Sector
from wagtail_spcp.models import BreakoutGroup, Council, CouncilMeeting, CouncilMembership

DAY = datetime.timedelta(days=1)


@pytest.fixture
def quiet_world(world):
    """Region A's council met 91 days ago; region B's met today (the world's meeting)."""
    world.a.meeting.date = world.today - 91 * DAY
    world.a.meeting.save()
    return world


def test_a_council_with_no_meeting_in_90_days_is_flagged(quiet_world):
    world = quiet_world
    councils = Council.objects.all()
    assert list(quiet_councils(councils, world.today)) == [world.a.council]

    # A meeting 90 days ago is within the 90 days; one planned for next week is not a meeting yet.
    CouncilMeeting.objects.create(council=world.a.council, date=world.today + 7 * DAY)
    assert list(quiet_councils(councils, world.today)) == [world.a.council]
    world.a.meeting.date = world.today - 90 * DAY
    world.a.meeting.save()
    assert list(quiet_councils(councils, world.today)) == []


def test_new_and_dissolved_councils_are_not_flagged(quiet_world):
    world = quiet_world
    Council.objects.create(
        engagement=world.a.engagement, name="Just formed", formed_on=world.today - 10 * DAY
    )
    unformed = Council.objects.create(engagement=world.a.engagement, name="No date, no meeting")
    Council.objects.filter(pk=world.a.council.pk).update(status=CouncilStatus.DISSOLVED)
    assert list(quiet_councils(Council.objects.all(), world.today)) == [unformed]


def test_empty_sector_seats_are_the_engagements_sectors_with_no_member(world):
    engagement, council = world.a.engagement, world.a.council
    for sector in (Sector.YOUTH, Sector.FAITH, Sector.LAW_ENFORCEMENT):
        BreakoutGroup.objects.create(engagement=engagement, name=f"Group {sector}", sector=sector)
    # A mixed group's sector does not make a seat.
    BreakoutGroup.objects.create(
        engagement=engagement, name="Mixed", kind=BreakoutGroupKind.MIXED, sector=Sector.BUSINESS
    )
    world.a.person.sector = Sector.YOUTH
    world.a.person.save()
    faith = world.a.person.__class__.objects.create(
        region=world.a.region, first_name="Faith", last_name="Leader", sector=Sector.FAITH
    )
    ended = CouncilMembership.objects.create(
        council=council, person=faith, ended_on=world.today - DAY
    )

    flags = empty_sector_seats(Council.objects.filter(pk=council.pk), world.today)
    assert [(flag.council, flag.sectors) for flag in flags] == [
        (council, ["Faith and clergy", "Law enforcement"])
    ]

    ended.ended_on = None
    ended.save()
    flags = empty_sector_seats(Council.objects.filter(pk=council.pk), world.today)
    assert flags[0].sectors == ["Law enforcement"]


def test_dashboard_shows_the_flags_of_the_users_regions(client, quiet_world):
    world = quiet_world
    figures = dashboard_figures(world.users["staff_a"], world.today)
    assert figures["quiet_councils"] == 1
    assert dashboard_figures(world.users["staff_b"], world.today)["quiet_councils"] == 0

    client.force_login(world.users["staff_a"])
    body = client.get("/admin/").content.decode()
    assert 'data-spcp-flag="quiet_councils"' in body
    assert "Council A" in body and "Council B" not in body
    assert 'data-spcp-flag="overdue_action_items"' in body
