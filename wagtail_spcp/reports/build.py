"""Assembling an engagement's program report as plain data (no rendering, no writes).

The report is a draft that staff edit: a summary (community, dates, origin), attendance
by sector as counts, strengths and issues per group ranked by dot-votes, the solutions
written for the ranked issues, the action plan, and the council's seats by role and its
next meeting. People are named only when ``include_names`` is true.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ..choices import (
    BreakoutGroupKind,
    ConcernKind,
    CouncilRole,
    EngagementStage,
    ParticipationStatus,
    Sector,
)


@dataclass(frozen=True)
class Figure:
    """A count with its label (a sector, a status)."""

    label: str
    count: int


@dataclass(frozen=True)
class RankedConcern:
    text: str
    dot_votes: int
    rank: int | None


@dataclass(frozen=True)
class GroupFindings:
    """What one breakout group raised: strengths and issues, most dot-votes first."""

    name: str
    kind: str
    facilitator: str
    strengths: list
    issues: list


@dataclass(frozen=True)
class Solution:
    """A ranked issue and the action items written to answer it."""

    issue: str
    rank: int | None
    actions: list


@dataclass(frozen=True)
class PlanItem:
    title: str
    owner: str
    due_date: datetime.date | None
    status: str
    status_label: str


@dataclass(frozen=True)
class CouncilSeat:
    role: str
    seat: str
    name: str


@dataclass(frozen=True)
class CouncilSummary:
    name: str
    status: str
    formed_on: datetime.date | None
    seats: list
    next_meeting: datetime.date | None
    last_meeting: datetime.date | None


@dataclass(frozen=True)
class Attendee:
    name: str
    organisation: str
    sector: str


@dataclass(frozen=True)
class ProgramReport:
    """Everything the report says, in the order it says it."""

    title: str
    community: str
    law_enforcement_agency: str
    office: str
    program: str
    origin: str
    incident_summary: str
    milestones: list  # (stage label, date)
    program_day: datetime.date | None
    attended: int
    walk_ins: int
    no_shows: int
    attendance: list  # Figure per sector, of those who attended
    groups: list
    solutions: list
    action_plan: list
    councils: list
    include_names: bool
    built_on: datetime.date
    attendees: list = field(default_factory=list)


def _attendance(engagement):
    participations = engagement.participations.order_by()
    totals = participations.aggregate(
        attended=Count("pk", filter=Q(status=ParticipationStatus.ATTENDED)),
        walk_ins=Count("pk", filter=Q(status=ParticipationStatus.ATTENDED, walk_in=True)),
        no_shows=Count("pk", filter=Q(status=ParticipationStatus.NO_SHOW)),
    )
    by_sector = dict(
        participations.filter(status=ParticipationStatus.ATTENDED)
        .values_list("person__sector")
        .annotate(count=Count("pk"))
        .values_list("person__sector", "count")
    )
    figures = [
        Figure(str(label), by_sector[value])
        for value, label in Sector.choices
        if by_sector.get(value)
    ]
    if by_sector.get(""):
        figures.append(Figure(_("No sector"), by_sector[""]))
    return totals, figures


def _ranked(concerns):
    return [RankedConcern(c.text, c.dot_votes, c.rank) for c in concerns]


def _group_findings(engagement, include_names):
    concerns = list(
        engagement.concerns.select_related("breakout_group__facilitator").order_by(
            "-dot_votes", "pk"
        )
    )
    groups, ungrouped = {}, []
    for concern in concerns:
        if concern.breakout_group is None:
            ungrouped.append(concern)
        else:
            groups.setdefault(concern.breakout_group, []).append(concern)
    kind_order = {BreakoutGroupKind.SECTOR: 0, BreakoutGroupKind.MIXED: 1}
    findings = []
    for group in sorted(groups, key=lambda g: (kind_order.get(g.kind, 2), g.name)):
        facilitator = group.facilitator.full_name if include_names and group.facilitator else ""
        findings.append(_findings(group.name, group.get_kind_display(), facilitator, groups[group]))
    if ungrouped:
        findings.append(_findings(_("Whole program"), "", "", ungrouped))
    return findings


def _findings(name, kind, facilitator, concerns):
    return GroupFindings(
        name=name,
        kind=str(kind),
        facilitator=facilitator,
        strengths=_ranked(c for c in concerns if c.kind == ConcernKind.STRENGTH),
        issues=_ranked(c for c in concerns if c.kind == ConcernKind.ISSUE),
    )


def _solutions(engagement):
    issues = engagement.concerns.filter(kind=ConcernKind.ISSUE, action_items__isnull=False)
    solutions = []
    for issue in (
        issues.distinct().order_by("rank", "-dot_votes", "pk").prefetch_related("action_items")
    ):
        actions = sorted(issue.action_items.all(), key=lambda item: (item.title, item.pk))
        solutions.append(Solution(issue.text, issue.rank, [item.title for item in actions]))
    return solutions


def _action_plan(engagement):
    items = engagement.action_items.order_by("due_date", "title", "pk")
    return [
        PlanItem(item.title, item.owner, item.due_date, item.status, item.get_status_display())
        for item in items
    ]


def _councils(engagement, include_names, today):
    role_order = {value: position for position, value in enumerate(CouncilRole.values)}
    summaries = []
    for council in engagement.councils.prefetch_related("memberships__person", "meetings"):
        memberships = [
            m for m in council.memberships.all() if m.ended_on is None or m.ended_on >= today
        ]
        memberships.sort(
            key=lambda m: (role_order.get(m.role, len(role_order)), m.started_on or today, m.pk)
        )
        seats = [
            CouncilSeat(
                str(m.get_role_display()), m.seat, m.person.full_name if include_names else ""
            )
            for m in memberships
        ]
        dates = sorted(meeting.date for meeting in council.meetings.all())
        summaries.append(
            CouncilSummary(
                name=council.name,
                status=str(council.get_status_display()),
                formed_on=council.formed_on,
                seats=seats,
                next_meeting=next((d for d in dates if d >= today), None),
                last_meeting=next((d for d in reversed(dates) if d < today), None),
            )
        )
    return summaries


def _attendees(engagement):
    participations = (
        engagement.participations.filter(status=ParticipationStatus.ATTENDED)
        .select_related("person")
        .order_by("person__last_name", "person__first_name", "pk")
    )
    return [
        Attendee(p.person.full_name, p.person.organisation, str(p.person.get_sector_display()))
        for p in participations
    ]


def build_report(engagement, *, include_names=False, today=None) -> ProgramReport:
    """The program report of ``engagement``, naming people only if ``include_names``."""
    today = today or timezone.localdate()
    milestones = {m.stage: m.date for m in engagement.milestones.all()}
    totals, attendance = _attendance(engagement)
    return ProgramReport(
        title=engagement.title,
        community=engagement.community,
        law_enforcement_agency=engagement.law_enforcement_agency,
        office=str(engagement.office),
        program=engagement.program.title if engagement.program_id else "",
        origin=str(engagement.get_origin_display()),
        incident_summary=engagement.incident_summary,
        milestones=[
            (str(label), milestones[value])
            for value, label in EngagementStage.choices
            if value in milestones
        ],
        program_day=milestones.get(EngagementStage.PROGRAM_DAY),
        attended=totals["attended"],
        walk_ins=totals["walk_ins"],
        no_shows=totals["no_shows"],
        attendance=attendance,
        groups=_group_findings(engagement, include_names),
        solutions=_solutions(engagement),
        action_plan=_action_plan(engagement),
        councils=_councils(engagement, include_names, today),
        include_names=include_names,
        built_on=today,
        attendees=_attendees(engagement) if include_names else [],
    )
