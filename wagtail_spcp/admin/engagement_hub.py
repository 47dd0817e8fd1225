"""The engagement as a hub: links from its listing row, edit and inspect views to the
work of program day (participants, import, export, sign-in sheet, check-in, groups,
the group composer, the program report, survey, council), and the participant summary its
inspect view shows.

Every link is offered only to users who may follow it; the engagement itself is already
one of the user's regions (its views are region-scoped).
"""

from dataclasses import dataclass

from django.db.models import Count
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.widgets import Button
from wagtail.permissions import policy_registry

from ..choices import ParticipationStatus, Sector
from ..models import Council, Participation
from . import views
from .groups import may_arrange_groups
from .permissions import participants_permission_checker
from .registrations import registration_summary
from .reports import may_build_report
from .surveys import add_url as survey_add_url
from .surveys import may_add_survey, may_view_surveys, results_url, survey_of

# Where the breakout groups are edited: the "Program day" tab of the engagement form.
GROUPS_TAB = "#tab-program-day"


@dataclass(frozen=True)
class HubLink:
    """One thing staff do with an engagement, as a link."""

    name: str
    label: str
    url: str
    icon_name: str
    priority: int

    def as_menu_item(self):
        return MenuItem(self.label, url=self.url, icon_name=self.icon_name, priority=self.priority)

    def as_button(self):
        return Button(self.label, url=self.url, icon_name=self.icon_name, priority=self.priority)


def participants_url(engagement) -> str:
    """The participation listing filtered to ``engagement``."""
    query = urlencode({"engagement": engagement.pk})
    return f"{reverse('wagtailsnippets_wagtail_spcp_participation:list')}?{query}"


def may_check_in(user) -> bool:
    """Checking people in changes their participation's status."""
    return policy_registry.get_by_type(Participation).user_has_permission(user, "change")


def may_list_participants(user) -> bool:
    policy = policy_registry.get_by_type(Participation)
    return policy.user_has_any_permission(user, {"view", "change"})


def hub_links(user, engagement) -> list[HubLink]:
    """The program-day links ``user`` may follow for ``engagement`` (of their regions).

    Its councils are read with ``engagement.councils.all()`` and its survey with
    ``engagement.survey``: a listing prefetches them.
    """
    pk = engagement.pk
    links = []
    if may_list_participants(user):
        links.append(
            HubLink("participants", _("Participants"), participants_url(engagement), "group", 40)
        )
    if may_check_in(user):
        links.append(
            HubLink(
                "checkin",
                _("Check-in"),
                reverse("wagtail_spcp_checkin:checkin", args=(pk,)),
                "tick",
                41,
            )
        )
    if participants_permission_checker.user_may_import(user):
        links.append(
            HubLink(
                "import",
                _("Import participants"),
                reverse("wagtail_spcp_importing:start", args=(pk,)),
                "upload",
                42,
            )
        )
    if participants_permission_checker.user_may_export(user):
        links += [
            HubLink(
                "export",
                _("Export participants (Excel)"),
                reverse("wagtail_spcp_importing:export", args=(pk, "xlsx")),
                "download",
                43,
            ),
            HubLink(
                "export_csv",
                _("Export participants (CSV)"),
                reverse("wagtail_spcp_importing:export", args=(pk, "csv")),
                "download",
                44,
            ),
            HubLink(
                "sign_in_sheet",
                _("Sign-in sheet"),
                reverse("wagtail_spcp_importing:sign_in_sheet", args=(pk,)),
                "doc-full",
                45,
            ),
        ]
    engagement_policy = policy_registry.get_by_type(type(engagement))
    if engagement_policy.user_has_permission(user, "change"):
        edit_url = reverse("wagtailsnippets_wagtail_spcp_engagement:edit", args=(pk,))
        links.append(HubLink("groups", _("Breakout groups"), edit_url + GROUPS_TAB, "list-ul", 46))
    if may_arrange_groups(user):
        links.append(
            HubLink(
                "composer",
                _("Sector and mixed groups"),
                reverse("wagtail_spcp_groups:groups", args=(pk,)),
                "table",
                46,
            )
        )
    if may_build_report(user):
        links.append(
            HubLink(
                "report",
                _("Program report"),
                reverse("wagtail_spcp_report:report", args=(pk,)),
                "doc-full-inverse",
                48,
            )
        )
    survey = survey_of(engagement)
    if survey is not None and may_view_surveys(user):
        links.append(HubLink("survey", _("Survey results"), results_url(survey), "form", 47))
    elif survey is None and may_add_survey(user):
        links.append(HubLink("survey", _("Add a survey"), survey_add_url(engagement), "form", 47))
    council_policy = policy_registry.get_by_type(Council)
    if council_policy.user_has_any_permission(user, {"view", "change"}):
        for council in engagement.councils.all():
            links.append(
                HubLink(
                    "council",
                    _("Council: %(name)s") % {"name": council.name},
                    reverse("wagtailsnippets_wagtail_spcp_council:edit", args=(council.pk,)),
                    "group",
                    47,
                )
            )
    return links


@dataclass
class ParticipantSummary:
    """How many take part in an engagement, by status and by sector."""

    total: int
    by_status: list  # (value, label, count, listing url)
    by_sector: list  # (label, count)
    walk_ins: int


def participant_summary(engagement) -> ParticipantSummary:
    """Counts of ``engagement``'s participations, in two grouped queries."""
    participations = Participation.objects.filter(engagement=engagement).order_by()
    statuses, walk_ins = {}, 0
    for status, walk_in, count in (
        participations.values_list("status", "walk_in")
        .annotate(count=Count("pk"))
        .values_list("status", "walk_in", "count")
    ):
        statuses[status] = statuses.get(status, 0) + count
        walk_ins += count if walk_in else 0
    sectors = dict(
        participations.values_list("person__sector")
        .annotate(count=Count("pk"))
        .values_list("person__sector", "count")
    )
    base = participants_url(engagement)
    by_status = [
        (value, label, statuses[value], f"{base}&{urlencode({'status': value})}")
        for value, label in ParticipationStatus.choices
        if statuses.get(value)
    ]
    by_sector = [(label, sectors[value]) for value, label in Sector.choices if sectors.get(value)]
    if sectors.get(""):
        by_sector.append((_("No sector"), sectors[""]))
    return ParticipantSummary(
        total=sum(statuses.values()), by_status=by_status, by_sector=by_sector, walk_ins=walk_ins
    )


class EngagementHubButtonsMixin:
    """Header "more" buttons of an engagement's edit and inspect views."""

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object is not None and self.object.pk:
            buttons += [link.as_button() for link in hub_links(self.request.user, self.object)]
        return buttons


class EngagementIndexView(views.RegionScopedIndexView):
    """The engagement listing, each row's "More" menu with the program-day links."""

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        buttons += [link.as_menu_item() for link in hub_links(self.request.user, instance)]
        return buttons


class EngagementHubEditView(EngagementHubButtonsMixin, views.EngagementEditView):
    pass


class EngagementHubInspectView(EngagementHubButtonsMixin, views.EngagementInspectView):
    """The inspect view, with participants, breakout groups, action items and councils."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        engagement = self.object
        context["hub_links"] = hub_links(self.request.user, engagement)
        context["participants"] = participant_summary(engagement)
        context["participants_url"] = participants_url(engagement)
        context["breakout_groups"] = engagement.breakout_groups.select_related(
            "facilitator"
        ).annotate(
            sector_count=Count("participations", distinct=True),
            mixed_count=Count("solution_members", distinct=True),
        )
        context["councils"] = engagement.councils.annotate(member_count=Count("memberships"))
        context["registration"] = registration_summary(engagement, self.request.user)
        return context
