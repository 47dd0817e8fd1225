"""The report of the demo engagement, checked against the demo's own data files: who
attended by sector, the ranked concerns, the action plan and the council; and the demo's
mixed groups, composed as it loads."""

import datetime
import io
import json
from collections import Counter
from pathlib import Path

from django.core.management import call_command
from django.urls import reverse

import pytest
from docx import Document

from wagtail_spcp.choices import (
    ActionItemStatus,
    BreakoutGroupKind,
    CouncilRole,
    ParticipationStatus,
    Sector,
)
from wagtail_spcp.models import Engagement
from wagtail_spcp.reports.build import build_report

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def fixture(name):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo_loaded(shared_db):
    call_command("load_demo", "--no-admin", verbosity=0)


@pytest.fixture
def demo(demo_loaded):
    return Engagement.objects.get(slug="port-alder-2026")


def expected_attendance():
    people = fixture("demo_people.json")
    counts = Counter(p["sector"] for p in people if p["status"] == ParticipationStatus.ATTENDED)
    return [(str(label), counts[value]) for value, label in Sector.choices if counts.get(value)]


def test_the_demo_report_matches_the_demo_data(demo):
    data = fixture("demo_engagement.json")
    report = build_report(demo, today=datetime.date(2026, 7, 1))
    assert report.community == "Port Alder, TX"
    assert report.law_enforcement_agency == data["engagement"]["law_enforcement_agency"]
    assert report.origin == "Proactive"
    assert report.program_day == datetime.date(2026, 4, 18)
    assert [(f.label, f.count) for f in report.attendance] == expected_attendance()
    assert report.attended == sum(count for _label, count in expected_attendance())

    # Each group's issues, most dot-votes first, as in the data file.
    for group in report.groups:
        raised = [c for c in data["concerns"] if c["group"] == group.name]
        issues = sorted((c for c in raised if c["kind"] == "issue"), key=lambda c: -c["dot_votes"])
        assert [(i.text, i.dot_votes) for i in group.issues] == [
            (c["text"], c["dot_votes"]) for c in issues
        ]
    assert sum(len(g.issues) + len(g.strengths) for g in report.groups) == len(data["concerns"])
    top = max((c for c in data["concerns"] if c["kind"] == "issue"), key=lambda c: c["dot_votes"])
    assert report.solutions[0].issue == top["text"]
    assert report.solutions[0].rank == 1

    plan = sorted(data["action_items"], key=lambda item: (item["due_date"], item["title"]))
    assert [(i.title, i.owner, i.due_date.isoformat(), i.status) for i in report.action_plan] == [
        (i["title"], i["owner"], i["due_date"], i["status"]) for i in plan
    ]

    (council,) = report.councils
    members = data["council"]["members"]
    role_order = CouncilRole.values
    assert [(s.role, s.seat) for s in council.seats] == [
        (str(CouncilRole(m["role"]).label), m["seat"])
        for m in sorted(members, key=lambda m: role_order.index(m["role"]))
    ]
    assert all(seat.name == "" for seat in council.seats)
    assert council.next_meeting == datetime.date(2026, 8, 18)
    assert council.last_meeting == datetime.date(2026, 6, 20)


def test_the_demo_docx_from_the_admin(demo, admin_client):
    url = reverse("wagtail_spcp_report:docx", args=[demo.pk])
    document = Document(io.BytesIO(admin_client.get(url).content))
    attendance = document.tables[2]
    rows = [[cell.text for cell in row.cells] for row in attendance.rows]
    assert rows[0] == ["Sector", "Attended"]
    assert rows[1:-1] == [[label, str(count)] for label, count in expected_attendance()]
    assert rows[-1] == ["Total", str(sum(count for _label, count in expected_attendance()))]
    plan = document.tables[3]
    statuses = Counter(row.cells[3].text for row in plan.rows[1:])
    data = fixture("demo_engagement.json")
    assert statuses == Counter(
        str(ActionItemStatus(item["status"]).label) for item in data["action_items"]
    )


def test_the_demo_has_composed_mixed_groups(demo):
    groups = list(demo.breakout_groups.filter(kind=BreakoutGroupKind.MIXED))
    assert len(groups) == 7
    attended = demo.participations.filter(status=ParticipationStatus.ATTENDED)
    assert attended.filter(solution_group__isnull=True).count() == 0
    sizes = [group.solution_members.count() for group in groups]
    assert max(sizes) - min(sizes) <= 1
    sector_groups = set(
        demo.breakout_groups.filter(kind=BreakoutGroupKind.SECTOR).values_list("pk", flat=True)
    )
    for group in groups:
        assert group.facilitator is not None
        assert sector_groups <= set(group.solution_members.values_list("breakout_group", flat=True))
    # Loading again changes nothing.
    before = dict(demo.participations.values_list("pk", "solution_group_id"))
    call_command("load_demo", "--no-admin", verbosity=0)
    assert dict(demo.participations.values_list("pk", "solution_group_id")) == before
