"""Seating people in groups on program day: sector groups from their sector, mixed solution
groups composed by ``wagtail_spcp.groups.compose``, and moves by hand.

Who is seated: participants, facilitators, planning group and council members whose
status is "attended" (those checked in), or, before check-in, "registered" and "attended"
(those expected). Observers, and the invited, waitlisted, cancelled and no-shows, are not.
Each change is recorded in the audit log: composing and assigning on the engagement,
a move on the participation.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from ..choices import BreakoutGroupKind, ParticipationRole, ParticipationStatus, Sector
from ..groups import Seat, compose
from ..models import BreakoutGroup, Participation

ACTION_ASSIGN_SECTORS = "wagtail_spcp.engagement.assign_sector_groups"
ACTION_COMPOSE = "wagtail_spcp.engagement.compose_mixed_groups"
ACTION_MOVE = "wagtail_spcp.participation.move_group"

# Who is seated: "attended" (checked in) or "expected" (registered or checked in).
WHO_ATTENDED = "attended"
WHO_EXPECTED = "expected"
SEATED_STATUSES = {
    WHO_ATTENDED: [ParticipationStatus.ATTENDED],
    WHO_EXPECTED: [ParticipationStatus.REGISTERED, ParticipationStatus.ATTENDED],
}
WHO_CHOICES = [
    (WHO_ATTENDED, _("Those checked in (attended)")),
    (WHO_EXPECTED, _("Everyone expected (registered or attended)")),
]


def default_who(engagement) -> str:
    """Those checked in once check-in has begun, everyone expected before."""
    attended = engagement.participations.filter(status=ParticipationStatus.ATTENDED).exists()
    return WHO_ATTENDED if attended else WHO_EXPECTED


def seated(engagement, who):
    """The participations of ``engagement`` seated at tables, alphabetically."""
    return (
        engagement.participations.filter(status__in=SEATED_STATUSES[who])
        .exclude(role=ParticipationRole.OBSERVER)
        .select_related("person", "breakout_group")
        .order_by("person__last_name", "person__first_name", "pk")
    )


def sector_groups(engagement) -> dict:
    """The engagement's sector groups by their sector (the first of each, by name)."""
    groups = {}
    sector_groups = engagement.breakout_groups.filter(kind=BreakoutGroupKind.SECTOR).exclude(
        sector=""
    )
    for group in sector_groups.order_by("name", "pk"):
        groups.setdefault(group.sector, group)
    return groups


def _unused_name(engagement, name):
    taken = set(engagement.breakout_groups.values_list("name", flat=True))
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name} ({number})", number + 1
    return candidate


@dataclass
class SectorAssignment:
    assigned: int
    groups_created: int
    without_sector: int


def assign_sector_groups(engagement, user, who=WHO_EXPECTED) -> SectorAssignment:
    """Put each seated person in no sector group yet into the sector group of their sector.

    Creates the missing sector groups (named after the sector). People without a sector,
    and those staff have put in a sector group already, stay where they are.
    """
    with transaction.atomic():
        groups = sector_groups(engagement)
        created = assigned = without = 0
        for participation in seated(engagement, who):
            current = participation.breakout_group
            if current is not None and current.kind == BreakoutGroupKind.SECTOR:
                continue
            sector = participation.person.sector
            if not sector:
                without += 1
                continue
            if sector not in groups:
                groups[sector] = BreakoutGroup.objects.create(
                    engagement=engagement,
                    kind=BreakoutGroupKind.SECTOR,
                    sector=sector,
                    name=_unused_name(engagement, str(Sector(sector).label)),
                )
                created += 1
            participation.breakout_group = groups[sector]
            participation.save(update_fields=["breakout_group", "updated_at"])
            assigned += 1
        result = SectorAssignment(assigned, created, without)
        log(
            instance=engagement,
            action=ACTION_ASSIGN_SECTORS,
            user=user,
            data={"assigned": assigned, "groups_created": created},
        )
    return result


def seat_of(participation, groups_by_sector) -> Seat:
    """A participation as the composer sees it: its sector group (or its person's sector)."""
    group = participation.breakout_group
    if group is not None and group.kind == BreakoutGroupKind.SECTOR:
        sector = group.pk
    elif participation.person.sector in groups_by_sector:
        sector = groups_by_sector[participation.person.sector].pk
    else:
        sector = participation.person.sector or None
    return Seat(
        id=participation.pk,
        sector=sector,
        facilitator=participation.role == ParticipationRole.FACILITATOR,
    )


def mixed_groups(engagement, count) -> list:
    """The engagement's first ``count`` mixed groups (oldest first), created as needed."""
    groups = list(engagement.breakout_groups.filter(kind=BreakoutGroupKind.MIXED).order_by("pk"))
    number = len(groups)
    while len(groups) < count:
        number += 1
        name = gettext("Mixed group %(number)s") % {"number": number}
        groups.append(
            BreakoutGroup.objects.create(
                engagement=engagement,
                kind=BreakoutGroupKind.MIXED,
                name=_unused_name(engagement, name),
            )
        )
    return groups


def compose_mixed_groups(engagement, count, who, user) -> list:
    """Seat ``who`` at ``count`` mixed groups, replacing the current seating; returns the groups.

    Raises ``groups.CompositionError`` when there are no tables or more tables than people.
    """
    participations = list(seated(engagement, who))
    by_sector = sector_groups(engagement)
    tables = compose([seat_of(p, by_sector) for p in participations], count)
    people = {p.pk: p.person_id for p in participations}
    now = timezone.now()
    with transaction.atomic():
        groups = mixed_groups(engagement, count)
        engagement.participations.filter(solution_group__isnull=False).update(
            solution_group=None, updated_at=now
        )
        for group, table in zip(groups, tables + [None] * (len(groups) - count), strict=True):
            facilitator = people.get(table.facilitator) if table else None
            if group.facilitator_id != facilitator:
                group.facilitator_id = facilitator
                group.save(update_fields=["facilitator"])
            if table is None:
                continue
            seats = [*table.members, *([table.facilitator] if table.facilitator else [])]
            Participation.objects.filter(pk__in=seats).update(solution_group=group, updated_at=now)
        log(
            instance=engagement,
            action=ACTION_COMPOSE,
            user=user,
            data={"groups": count, "seated": len(participations), "who": who},
        )
    return groups[:count]


def move_to_group(participation, group, user) -> None:
    """Seat ``participation`` at ``group`` (a mixed group of its engagement, or ``None``).

    A facilitator leaving the group they lead leaves it without one; a facilitator joining
    a group without one leads it.
    """
    previous = participation.solution_group
    if previous == group:
        return
    person = participation.person_id
    is_facilitator = participation.role == ParticipationRole.FACILITATOR
    with transaction.atomic():
        if previous is not None and previous.facilitator_id == person:
            previous.facilitator = None
            previous.save(update_fields=["facilitator"])
        if group is not None and is_facilitator and group.facilitator_id is None:
            group.facilitator_id = person
            group.save(update_fields=["facilitator"])
        participation.solution_group = group
        participation.save(update_fields=["solution_group", "updated_at"])
        log(
            instance=participation,
            action=ACTION_MOVE,
            user=user,
            data={"from": previous.pk if previous else None, "to": group.pk if group else None},
        )


@dataclass
class GroupView:
    """A mixed group as the composer page shows it."""

    group: BreakoutGroup
    facilitator: Participation | None
    members: list
    missing_sectors: list

    @property
    def size(self) -> int:
        return len(self.members) + (self.facilitator is not None)


def seating_plan(engagement, who) -> tuple[list, list]:
    """The mixed groups with their people, and those seated nowhere yet."""
    participations = list(seated(engagement, who))
    by_sector = sector_groups(engagement)
    group_names = {group.pk: group.name for group in by_sector.values()}
    sector_label = dict(Sector.choices)
    groups = list(engagement.breakout_groups.filter(kind=BreakoutGroupKind.MIXED).order_by("pk"))
    seats = {group.pk: [] for group in groups}
    unseated = []
    for participation in participations:
        seat = seat_of(participation, by_sector)
        participation.sector_label = group_names.get(seat.sector) or sector_label.get(
            seat.sector, ""
        )
        participation.sector_key = seat.sector
        if participation.solution_group_id in seats:
            seats[participation.solution_group_id].append(participation)
        else:
            unseated.append(participation)
    present = {participation.sector_key for participation in participations} - {None}
    views = []
    for group in groups:
        people = seats[group.pk]
        facilitator = next((p for p in people if p.person_id == group.facilitator_id), None)
        members = [p for p in people if p is not facilitator]
        covered = {p.sector_key for p in members}
        missing = sorted(
            str(group_names.get(key) or sector_label.get(key, key)) for key in present - covered
        )
        views.append(GroupView(group, facilitator, members, missing))
    return views, unseated


def register_log_actions(actions):
    """Hook body for ``register_log_actions``."""
    actions.register_action(
        ACTION_ASSIGN_SECTORS, _("Assign sector groups"), _("People assigned to sector groups")
    )
    actions.register_action(ACTION_COMPOSE, _("Compose mixed groups"), _("Mixed groups composed"))
    actions.register_action(ACTION_MOVE, _("Move to a mixed group"), _("Moved to a mixed group"))
