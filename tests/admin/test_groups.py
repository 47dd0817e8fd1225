"""The groups page: permissions and region scoping, sector groups from people's sectors,
the composer of mixed groups on the real database, moves by hand, printable table
assignments and the audit log."""

from django.urls import reverse

import pytest

from tests.utils import ROLES
from wagtail_spcp.admin.seating import ACTION_ASSIGN_SECTORS, ACTION_COMPOSE, ACTION_MOVE
from wagtail_spcp.choices import (
    BreakoutGroupKind,
    ParticipationRole,
    ParticipationStatus,
    Sector,
)
from wagtail_spcp.models import BreakoutGroup, Participation
from wagtail_spcp.models import RegionScopedLogEntry as LogEntry

EXPECTED_STATUS = {
    "anonymous": 302,
    "editor": 302,  # Wagtail sends a user it refuses back to the dashboard
    "staff_a": 200,
    "staff_b": 404,
    "national": 200,
    "superuser": 200,
}
SECTORS = [Sector.FAITH, Sector.YOUTH, Sector.LAW_ENFORCEMENT, Sector.BUSINESS]


def url(name, engagement, *args):
    return reverse(f"wagtail_spcp_groups:{name}", args=[engagement.pk, *args])


@pytest.fixture
def room(world, make_person):
    """Region A's engagement with 22 more people checked in: 4 sectors, 3 facilitators;
    and two registered who did not come, and an observer."""
    engagement = world.a.engagement
    for n in range(22):
        person = make_person(
            engagement=engagement,
            first_name=f"Seat{n:02}",
            last_name="Person",
            sector=SECTORS[n % 4] if n < 20 else "",
        )
        Participation.objects.create(
            person=person,
            engagement=engagement,
            status=ParticipationStatus.ATTENDED,
            role=ParticipationRole.FACILITATOR
            if n in (1, 6, 11)
            else ParticipationRole.PARTICIPANT,
        )
    for n, (status, role) in enumerate(
        [
            (ParticipationStatus.REGISTERED, ParticipationRole.PARTICIPANT),
            (ParticipationStatus.NO_SHOW, ParticipationRole.PARTICIPANT),
            (ParticipationStatus.ATTENDED, ParticipationRole.OBSERVER),
        ]
    ):
        person = make_person(
            engagement=engagement, first_name=f"Other{n}", last_name="Person", sector="youth"
        )
        Participation.objects.create(person=person, engagement=engagement, status=status, role=role)
    return engagement


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", ["groups", "print"])
def test_pages_permission_matrix(world, login, role, view):
    client = login(world.users[role])
    response = client.get(url(view, world.a.engagement))
    assert response.status_code == EXPECTED_STATUS[role]
    if role == "anonymous":
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("role", ROLES)
def test_changes_permission_matrix(world, login, role):
    """Only staff of the region (and national staff) compose, assign and move."""
    client = login(world.users[role])
    engagement = world.a.engagement
    client.post(url("assign_sectors", engagement), {"who": "attended"})
    client.post(url("compose", engagement), {"count": 1, "who": "attended"})
    allowed = EXPECTED_STATUS[role] == 200
    assert engagement.breakout_groups.filter(kind=BreakoutGroupKind.MIXED).exists() == allowed
    assert LogEntry.objects.filter(action=ACTION_COMPOSE).exists() == allowed


def test_another_regions_participation_cannot_be_moved_through_ones_own_engagement(world, login):
    client = login(world.users["staff_b"])
    group = BreakoutGroup.objects.create(
        engagement=world.b.engagement, name="Mixed B", kind=BreakoutGroupKind.MIXED
    )
    response = client.post(
        url("move", world.b.engagement, world.a.participation.pk), {"group": group.pk}
    )
    assert response.status_code == 404
    # Nor to a group of another engagement.
    client = login(world.users["staff_a"])
    response = client.post(
        url("move", world.a.engagement, world.a.participation.pk), {"group": group.pk}
    )
    assert response.status_code == 404
    world.a.participation.refresh_from_db()
    assert world.a.participation.solution_group is None


def test_people_go_to_the_sector_group_of_their_sector(world, login, room):
    client = login(world.users["staff_a"])
    response = client.post(url("assign_sectors", room), {"who": "attended"})
    assert response.status_code == 302
    sector_groups = BreakoutGroup.objects.filter(
        engagement=room, kind=BreakoutGroupKind.SECTOR
    ).exclude(pk=world.a.group.pk)
    assert sorted(sector_groups.values_list("sector", flat=True)) == sorted(SECTORS)
    for participation in room.participations.filter(
        status=ParticipationStatus.ATTENDED, role__in=["participant", "facilitator"]
    ).select_related("person", "breakout_group"):
        if participation.person.sector:
            assert participation.breakout_group.sector == participation.person.sector
        elif participation.breakout_group is not None:  # world's own person, hand-placed
            assert participation.breakout_group == world.a.group
    # The registered person who did not come, the no-show and the observer stay put.
    assert not room.participations.filter(
        person__first_name__startswith="Other", breakout_group__isnull=False
    ).exists()
    entry = LogEntry.objects.get(action=ACTION_ASSIGN_SECTORS)
    assert entry.data["assigned"] == 20
    assert entry.data["groups_created"] == 4
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("3 people have no sector" in m for m in messages)


def test_composer_seats_those_who_came_in_balanced_mixed_groups(world, login, room):
    client = login(world.users["staff_a"])
    client.post(url("assign_sectors", room), {"who": "attended"})
    response = client.post(url("compose", room), {"count": 3, "who": "attended"})
    assert response.status_code == 302
    groups = list(room.breakout_groups.filter(kind=BreakoutGroupKind.MIXED).order_by("pk"))
    assert [g.name for g in groups] == ["Mixed group 1", "Mixed group 2", "Mixed group 3"]
    seated = room.participations.filter(solution_group__isnull=False)
    # 22 in the room and the world's own person; not the observer, the no-show, the absent.
    assert seated.count() == 23
    assert not seated.filter(person__first_name__startswith="Other").exists()
    sizes = [g.solution_members.count() for g in groups]
    assert max(sizes) - min(sizes) <= 1
    facilitators = {
        p.person_id for p in room.participations.filter(role=ParticipationRole.FACILITATOR)
    }
    assert {g.facilitator_id for g in groups} == facilitators
    for group in groups:
        sectors = set(group.solution_members.values_list("breakout_group__sector", flat=True))
        assert set(SECTORS) <= sectors
    entry = LogEntry.objects.get(action=ACTION_COMPOSE)
    assert entry.data == {"groups": 3, "seated": 23, "who": "attended"}

    # Composing again with the same people gives the same tables.
    before = dict(room.participations.values_list("pk", "solution_group_id"))
    client.post(url("compose", room), {"count": 3, "who": "attended"})
    assert dict(room.participations.values_list("pk", "solution_group_id")) == before


def test_composer_refuses_more_groups_than_people(world, login):
    client = login(world.users["staff_a"])
    response = client.post(url("compose", world.a.engagement), {"count": 5, "who": "attended"})
    assert response.status_code == 302
    assert not BreakoutGroup.objects.filter(kind=BreakoutGroupKind.MIXED).exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("fewer people to seat than groups" in m for m in messages)


def test_staff_move_a_person_and_the_page_shows_it(world, login, room):
    client = login(world.users["staff_a"])
    client.post(url("compose", room), {"count": 2, "who": "attended"})
    first, second = room.breakout_groups.filter(kind=BreakoutGroupKind.MIXED).order_by("pk")
    participation = first.solution_members.exclude(person_id=first.facilitator_id).first()
    response = client.post(
        url("move", room, participation.pk), {"group": second.pk, "who": "attended"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#spcp-group-{second.pk}")
    participation.refresh_from_db()
    assert participation.solution_group == second
    entry = LogEntry.objects.get(action=ACTION_MOVE)
    assert entry.data == {"from": first.pk, "to": second.pk}

    # A facilitator moved away leaves their group without one.
    leader = room.participations.get(person_id=first.facilitator_id)
    client.post(url("move", room, leader.pk), {"group": "", "who": "attended"})
    first.refresh_from_db()
    assert first.facilitator is None

    page = client.get(url("groups", room), {"who": "attended"}).content.decode()
    assert f'id="spcp-group-{second.pk}"' in page
    assert "No facilitator." in page
    assert f"Group for {participation.person.full_name}" in page
    assert leader.person.full_name in page.split('id="spcp-unseated"')[1]


def test_print_page_lists_every_table_and_an_index_by_name(world, login, room):
    client = login(world.users["staff_a"])
    client.post(url("compose", room), {"count": 3, "who": "attended"})
    page = client.get(url("print", room), {"who": "attended"}).content.decode()
    assert page.count('class="spcp-table"') == 3
    assert "@media print" in page
    for participation in room.participations.filter(solution_group__isnull=False):
        person = participation.person
        assert f"{person.last_name}, {person.first_name}" in page
    assert "Other2" not in page  # the observer has no table
