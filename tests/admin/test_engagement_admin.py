"""Engagement editing: inline children, automatic concern ranking, stage changes in the log."""

from django.urls import reverse

from tests.utils import engagement_form_data
from wagtail_spcp.admin.audit import STAGE_CHANGE
from wagtail_spcp.choices import ConcernKind, EngagementStage
from wagtail_spcp.models import Concern, Engagement, Office
from wagtail_spcp.models import RegionScopedLogEntry as LogEntry


def edit_url(engagement):
    return reverse("wagtailsnippets_wagtail_spcp_engagement:edit", args=[engagement.pk])


def test_stage_change_is_logged_with_user_and_time(world, login):
    user = world.users["staff_a"]
    engagement = world.a.engagement
    response = login(user).post(
        edit_url(engagement), engagement_form_data(engagement, stage=EngagementStage.COUNCIL)
    )
    assert response.status_code == 302
    engagement.refresh_from_db()
    assert engagement.stage == EngagementStage.COUNCIL
    entry = LogEntry.objects.for_instance(engagement).get(action=STAGE_CHANGE)
    assert entry.user == user
    assert entry.timestamp is not None
    assert entry.data == {"from": EngagementStage.ACTION_PLAN, "to": EngagementStage.COUNCIL}
    assert "Action plan" in entry.message and "Council" in entry.message
    assert LogEntry.objects.for_instance(engagement).filter(action="wagtail.edit").exists()


def test_edit_without_stage_change_logs_no_stage_change(world, login):
    engagement = world.a.engagement
    response = login(world.users["staff_a"]).post(
        edit_url(engagement), engagement_form_data(engagement, title="Renamed")
    )
    assert response.status_code == 302
    entries = LogEntry.objects.for_instance(engagement)
    assert entries.filter(action="wagtail.edit").exists()
    assert not entries.filter(action=STAGE_CHANGE).exists()


def test_concerns_are_ranked_by_dot_votes_on_save(world, login):
    engagement = world.a.engagement  # has one issue with 3 dot-votes
    new = [
        {"kind": ConcernKind.ISSUE, "breakout_group": "", "dot_votes": 9, "text": "Trust"},
        {"kind": ConcernKind.ISSUE, "breakout_group": "", "dot_votes": 3, "text": "Lighting"},
        {"kind": ConcernKind.STRENGTH, "breakout_group": "", "dot_votes": 1, "text": "Faith"},
    ]
    response = login(world.users["staff_a"]).post(
        edit_url(engagement), engagement_form_data(engagement, new_concerns=new)
    )
    assert response.status_code == 302
    ranks = {c.text: c.rank for c in Concern.objects.filter(engagement=engagement)}
    assert ranks == {"Trust": 1, "Concern a": 2, "Lighting": 2, "Faith": 1}


def test_rank_concerns_skips_ranks_after_ties(world):
    engagement = world.b.engagement
    for votes in (5, 5, 2):
        Concern.objects.create(engagement=engagement, text=f"v{votes}", dot_votes=votes)
    engagement.rank_concerns()
    ranked = list(engagement.concerns.order_by("rank", "pk").values_list("dot_votes", "rank"))
    assert ranked == [(5, 1), (5, 1), (3, 3), (2, 4)]


def test_concern_cannot_point_to_another_regions_breakout_group(world, login):
    engagement = world.a.engagement
    new = [{"kind": "issue", "breakout_group": world.b.group.pk, "dot_votes": 1, "text": "X"}]
    response = login(world.users["staff_a"]).post(
        edit_url(engagement), engagement_form_data(engagement, new_concerns=new)
    )
    assert response.status_code == 200
    assert not Concern.objects.filter(text="X").exists()


def test_create_and_delete_are_logged(world, login):
    user = world.users["staff_b"]
    client = login(user)
    engagement = world.b.engagement
    data = engagement_form_data(engagement, slug="new-one", title="New one")
    for prefix in ("milestones", "breakout_groups", "concerns", "action_items"):
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    response = client.post(reverse("wagtailsnippets_wagtail_spcp_engagement:add"), data)
    assert response.status_code == 302
    created = Engagement.objects.get(slug="new-one")
    assert created.office == Office.objects.get(slug="northwest")
    create = LogEntry.objects.for_instance(created).get(action="wagtail.create")
    assert create.user == user
    pk = created.pk
    response = client.post(reverse("wagtailsnippets_wagtail_spcp_engagement:delete", args=[pk]))
    assert response.status_code == 302
    assert not Engagement.objects.filter(pk=pk).exists()
    deleted = LogEntry.objects.get(object_id=str(pk), action="wagtail.delete")
    assert deleted.user == user


def test_staff_cannot_create_an_engagement_in_another_region(world, login):
    data = engagement_form_data(
        world.b.engagement, slug="sneaky", office=world.a.engagement.office_id
    )
    for prefix in ("milestones", "breakout_groups", "concerns", "action_items"):
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    response = login(world.users["staff_b"]).post(
        reverse("wagtailsnippets_wagtail_spcp_engagement:add"), data
    )
    assert response.status_code == 200
    assert "office" in response.context["form"].errors
    assert not Engagement.objects.filter(slug="sneaky").exists()


def test_inspect_view_shows_the_phase_timeline(world, login):
    engagement = world.a.engagement  # stage: action plan; program day milestone today
    response = login(world.users["staff_a"]).get(
        reverse("wagtailsnippets_wagtail_spcp_engagement:inspect", args=[engagement.pk])
    )
    assert response.status_code == 200
    timeline = response.context["timeline"]
    assert [phase["stage"] for phase in timeline] == [
        EngagementStage.PLANNING,
        EngagementStage.FACILITATOR_TRAINING,
        EngagementStage.PROGRAM_DAY,
        EngagementStage.ACTION_PLAN,
        EngagementStage.COUNCIL,
    ]
    assert [phase["state"] for phase in timeline] == [
        "done",
        "done",
        "done",
        "current",
        "upcoming",
    ]
    assert timeline[2]["date"] == world.today
    assert 'aria-current="step"' in response.content.decode()


def test_bulk_delete_is_logged(world, login):
    user = world.users["staff_b"]
    url = reverse("wagtail_bulk_action", args=["wagtail_spcp", "actionitem", "delete"])
    item = world.b.action_item
    response = login(user).post(f"{url}?id={item.pk}")
    assert response.status_code == 302
    entry = LogEntry.objects.get(object_id=str(item.pk), action="wagtail.delete")
    assert entry.user == user


def test_history_shows_the_stage_change(world, login):
    user = world.users["staff_a"]
    engagement = world.a.engagement
    client = login(user)
    client.post(
        edit_url(engagement), engagement_form_data(engagement, stage=EngagementStage.COUNCIL)
    )
    response = client.get(
        reverse("wagtailsnippets_wagtail_spcp_engagement:history", args=[engagement.pk])
    )
    content = response.content.decode()
    assert "Stage changed from “Action plan” to “Council”" in content
