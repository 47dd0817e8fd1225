"""The admin home panel: engagements by stage, councils, overdue actions, participants,
and the councils that need attention (no recent meeting, empty sector seats).

Every figure is counted from the querysets of ``access``, so staff see only their regions.
"""

import datetime

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.permissions import policy_registry

from .. import conf
from ..access import regions_for_user, scope_queryset, sees_all_regions
from ..choices import (
    CouncilStatus,
    EngagementStage,
    ParticipationStatus,
)
from ..models import ActionItem, Council, Engagement, EngagementMilestone, Participation
from .council_flags import empty_sector_seats, quiet_councils
from .overdue import overdue_action_items

# The most councils a flag lists by name; the count covers them all.
FLAG_LIST_LIMIT = 10

# Geometry of the bar chart, in SVG user units.
CHART_LABEL_WIDTH = 170
CHART_BAR_WIDTH = 260
CHART_ROW_HEIGHT = 26
CHART_BAR_HEIGHT = 18


def quarter_bounds(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """First and last day of the calendar quarter holding ``day``."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = datetime.date(day.year, first_month, 1)
    if first_month == 10:
        end = datetime.date(day.year, 12, 31)
    else:
        end = datetime.date(day.year, first_month + 3, 1) - datetime.timedelta(days=1)
    return start, end


def dashboard_figures(user, today=None) -> dict:
    """The dashboard's numbers for ``user``'s regions."""
    today = today or timezone.localdate()
    counts = dict(
        scope_queryset(user, Engagement.objects.all())
        .values_list("stage")
        .annotate(n=Count("pk"))
        .values_list("stage", "n")
    )
    by_stage = [
        {"stage": stage.value, "label": stage.label, "count": counts.get(stage.value, 0)}
        for stage in EngagementStage
    ]
    quarter_start, quarter_end = quarter_bounds(today)
    # The few engagements whose program day falls in the quarter first, then their
    # participations by the engagement index (not a join of every participation).
    program_days = EngagementMilestone.objects.filter(
        stage=EngagementStage.PROGRAM_DAY, date__range=(quarter_start, quarter_end)
    ).values("engagement_id")
    participants = (
        scope_queryset(user, Participation.objects.all())
        .filter(status=ParticipationStatus.ATTENDED, engagement_id__in=program_days)
        .values("person")
        .distinct()
        .count()
    )
    return {
        "by_stage": by_stage,
        "engagements": sum(row["count"] for row in by_stage),
        "active_councils": scope_queryset(user, Council.objects.all())
        .filter(status=CouncilStatus.ACTIVE)
        .count(),
        "overdue_action_items": overdue_action_items(
            scope_queryset(user, ActionItem.objects.all()), today
        ).count(),
        "participants_this_quarter": participants,
        "quarter_start": quarter_start,
        "quarter_end": quarter_end,
        **council_flags(user, today),
    }


def council_flags(user, today) -> dict:
    """The councils of ``user``'s regions that need attention (``council_flags``)."""
    councils = scope_queryset(user, Council.objects.all())
    quiet = quiet_councils(councils, today)
    empty_seats = empty_sector_seats(councils, today)
    return {
        "quiet_councils": quiet.count(),
        "quiet_council_list": list(quiet[:FLAG_LIST_LIMIT]),
        "councils_with_empty_seats": len(empty_seats),
        "empty_seat_list": empty_seats[:FLAG_LIST_LIMIT],
        "quiet_days": conf.council_quiet_days(),
    }


def stage_chart(by_stage) -> dict:
    """Bar positions for the server-rendered SVG chart of engagements by stage."""
    largest = max((row["count"] for row in by_stage), default=0) or 1
    bars = []
    for index, row in enumerate(by_stage):
        y = index * CHART_ROW_HEIGHT
        bars.append(
            {
                **row,
                "y": y,
                "text_y": y + CHART_BAR_HEIGHT - 4,
                "width": round(CHART_BAR_WIDTH * row["count"] / largest),
                "value_x": CHART_LABEL_WIDTH + round(CHART_BAR_WIDTH * row["count"] / largest) + 6,
            }
        )
    return {
        "bars": bars,
        "label_width": CHART_LABEL_WIDTH,
        "bar_height": CHART_BAR_HEIGHT,
        "width": CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 40,
        "height": len(by_stage) * CHART_ROW_HEIGHT,
    }


class PartnershipsDashboardPanel(Component):
    """Home page panel for program staff; hidden from users with no region."""

    name = "spcp_partnerships"
    order = 110
    template_name = "wagtail_spcp/admin/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        user = self.request.user
        if not (sees_all_regions(user) or regions_for_user(user).exists()):
            return ""
        return super().render_html(parent_context)

    def listing_url(self, model, **filters):
        """The staff listing of ``model``, filtered, if the user may open it."""
        policy = policy_registry.get_by_type(model)
        if not policy.user_has_any_permission(self.request.user, {"change", "view"}):
            return None
        url = reverse(model.snippet_viewset.get_url_name("list"))
        return f"{url}?{urlencode(filters)}" if filters else url

    def get_context_data(self, parent_context=None):
        user = self.request.user
        figures = dashboard_figures(user)
        stage_url = self.listing_url(Engagement)
        for row in figures["by_stage"]:
            row["url"] = stage_url and f"{stage_url}?{urlencode({'stage': row['stage']})}"
        council_policy = policy_registry.get_by_type(Council)
        if council_policy.user_has_any_permission(user, {"change", "view"}):
            for council in figures["quiet_council_list"]:
                council.admin_url = reverse(
                    "wagtailsnippets_wagtail_spcp_council:edit", args=(council.pk,)
                )
            for flag in figures["empty_seat_list"]:
                flag.council.admin_url = reverse(
                    "wagtailsnippets_wagtail_spcp_council:edit", args=(flag.council.pk,)
                )
        return {
            "links": {
                "engagements": stage_url,
                "active_councils": self.listing_url(Council, status=CouncilStatus.ACTIVE),
                "overdue_action_items": self.listing_url(ActionItem, overdue="on"),
            },
            "figures": figures,
            "chart": stage_chart(figures["by_stage"]),
            "all_regions": sees_all_regions(user),
            "regions": list(regions_for_user(user).values_list("name", flat=True)),
            "heading": _("Partnerships"),
        }
