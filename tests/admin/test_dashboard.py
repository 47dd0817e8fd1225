"""The admin home panel counts only the viewer's regions."""

import datetime

from django.urls import reverse

import pytest

from wagtail_spcp.admin.dashboard import dashboard_figures, quarter_bounds
from wagtail_spcp.choices import (
    ActionItemStatus,
    CouncilStatus,
    EngagementStage,
    ParticipationStatus,
)
from wagtail_spcp.models import (
    ActionItem,
    Council,
    EngagementMilestone,
    Participation,
)


@pytest.fixture
def busier_world(world, make_engagement, make_person):
    """Region A gets rows that must not count; region B gets a planning engagement."""
    a = world.a
    ActionItem.objects.create(
        engagement=a.engagement,
        title="Done late",
        status=ActionItemStatus.DONE,
        due_date=world.today - datetime.timedelta(days=30),
    )
    ActionItem.objects.create(
        engagement=a.engagement,
        title="Not due yet",
        status=ActionItemStatus.PROPOSED,
        due_date=world.today + datetime.timedelta(days=30),
    )
    Council.objects.create(engagement=a.engagement, name="Forming", status=CouncilStatus.FORMING)
    Participation.objects.create(
        person=make_person(engagement=a.engagement),
        engagement=a.engagement,
        status=ParticipationStatus.NO_SHOW,
    )
    old = make_engagement(slug="old-b", office="northwest", stage=EngagementStage.CLOSED)
    EngagementMilestone.objects.create(
        engagement=old,
        stage=EngagementStage.PROGRAM_DAY,
        date=world.today - datetime.timedelta(days=400),
    )
    Participation.objects.create(
        person=make_person(engagement=old), engagement=old, status=ParticipationStatus.ATTENDED
    )
    make_engagement(slug="new-b", office="northwest", stage=EngagementStage.PLANNING)
    return world


def stage_counts(figures):
    return {row["stage"]: row["count"] for row in figures["by_stage"] if row["count"]}


def test_figures_for_staff_of_region_a(busier_world):
    figures = dashboard_figures(busier_world.users["staff_a"])
    assert stage_counts(figures) == {EngagementStage.ACTION_PLAN: 1}
    assert figures["engagements"] == 1
    assert figures["active_councils"] == 1
    assert figures["overdue_action_items"] == 1
    assert figures["participants_this_quarter"] == 1


def test_figures_for_staff_of_region_b(busier_world):
    figures = dashboard_figures(busier_world.users["staff_b"])
    assert stage_counts(figures) == {
        EngagementStage.ACTION_PLAN: 1,
        EngagementStage.CLOSED: 1,
        EngagementStage.PLANNING: 1,
    }
    assert figures["active_councils"] == 1
    assert figures["overdue_action_items"] == 1
    assert figures["participants_this_quarter"] == 1


@pytest.mark.parametrize("role", ["national", "superuser"])
def test_figures_for_national_staff(busier_world, role):
    figures = dashboard_figures(busier_world.users[role])
    assert figures["engagements"] == 4
    assert figures["active_councils"] == 2
    assert figures["overdue_action_items"] == 2
    assert figures["participants_this_quarter"] == 2


def test_figures_for_a_user_without_regions(busier_world):
    figures = dashboard_figures(busier_world.users["editor"])
    assert figures["engagements"] == 0
    assert figures["participants_this_quarter"] == 0


@pytest.mark.parametrize(
    ("day", "bounds"),
    [
        (datetime.date(2026, 1, 1), (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))),
        (datetime.date(2026, 5, 15), (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30))),
        (datetime.date(2026, 12, 31), (datetime.date(2026, 10, 1), datetime.date(2026, 12, 31))),
    ],
)
def test_quarter_bounds(day, bounds):
    assert quarter_bounds(day) == bounds


def test_home_panel_renders_chart_and_table(busier_world, login):
    response = login(busier_world.users["staff_a"]).get(reverse("wagtailadmin_home"))
    content = response.content.decode()
    assert 'role="img"' in content
    assert "spcp-stage-chart-title" in content
    assert '<td data-stage="action_plan">1</td>' in content
    assert '<td data-stage="planning">0</td>' in content
    assert '<strong data-spcp-figure="overdue_action_items">1</strong>' in content
    assert "Your regions: Southwest" in content


def test_overdue_figure_links_to_the_matching_action_items(busier_world, login):
    client = login(busier_world.users["staff_a"])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    listing = reverse("wagtailsnippets_wagtail_spcp_actionitem:list")
    assert f"{listing}?overdue=on" in home
    response = client.get(listing, {"overdue": "on"})
    assert [item.title for item in response.context["object_list"]] == ["Action A"]
