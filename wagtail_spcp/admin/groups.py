"""The groups page of an engagement: sector groups from people's sectors, the composer of
mixed solution groups, moves by hand (plain forms, usable on a phone) and printable table
assignments. The work itself is in ``seating``; only staff who may change participations
and engagements of the engagement's region reach these views (another region's is a 404).
"""

from collections import Counter
from functools import wraps

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from wagtail.permissions import policy_registry

from ..access import engagements_for_user
from ..choices import BreakoutGroupKind, ParticipationRole
from ..groups import CompositionError
from ..models import Engagement, Participation
from . import seating

TEMPLATES = "wagtail_spcp/admin/groups/"
MAX_GROUPS = 50

app_name = "wagtail_spcp_groups"


def may_arrange_groups(user) -> bool:
    """Seating people changes their participations and the engagement's groups."""
    return policy_registry.get_by_type(Participation).user_has_permission(
        user, "change"
    ) and policy_registry.get_by_type(Engagement).user_has_permission(user, "change")


def require_groups(view):
    """Staff who may arrange groups, on an engagement of their regions."""

    @wraps(view)
    def wrapper(request, engagement_id, *args, **kwargs):
        if not may_arrange_groups(request.user):
            raise PermissionDenied
        engagement = get_object_or_404(
            engagements_for_user(request.user).select_related("office__region"), pk=engagement_id
        )
        return view(request, engagement, *args, **kwargs)

    return wrapper


class ComposeForm(forms.Form):
    count = forms.IntegerField(
        label=gettext_lazy("Number of mixed groups"), min_value=1, max_value=MAX_GROUPS
    )
    who = forms.ChoiceField(
        label=gettext_lazy("Who to seat"),
        choices=seating.WHO_CHOICES,
        widget=forms.RadioSelect,
    )


def _who(request, engagement) -> str:
    who = request.GET.get("who") or request.POST.get("who")
    return who if who in seating.SEATED_STATUSES else seating.default_who(engagement)


def _page_url(engagement, who, anchor=""):
    url = reverse("wagtail_spcp_groups:groups", args=(engagement.pk,))
    return f"{url}?{urlencode({'who': who})}{anchor}"


def _default_count(engagement, who) -> int:
    mixed = engagement.breakout_groups.filter(kind=BreakoutGroupKind.MIXED).count()
    if mixed:
        return mixed
    facilitators = (
        seating.seated(engagement, who).filter(role=ParticipationRole.FACILITATOR).count()
    )
    return max(1, facilitators)


@require_GET
@require_groups
def groups(request, engagement):
    """Sector groups, the composer, the mixed groups with a move form per person."""
    who = _who(request, engagement)
    plan, unseated = seating.seating_plan(engagement, who)
    participations = list(seating.seated(engagement, who))
    in_groups = Counter(p.breakout_group_id for p in participations)
    sector_groups = [
        (group, in_groups.get(group.pk, 0))
        for group in engagement.breakout_groups.filter(kind=BreakoutGroupKind.SECTOR)
        .select_related("facilitator")
        .order_by("name")
    ]
    sector_ids = {group.pk for group, _count in sector_groups}
    without_sector_group = sum(1 for p in participations if p.breakout_group_id not in sector_ids)
    context = {
        "engagement": engagement,
        "who": who,
        "who_label": dict(seating.WHO_CHOICES)[who],
        "who_choices": seating.WHO_CHOICES,
        "seated_count": len(participations),
        "sector_groups": sector_groups,
        "without_sector_group": without_sector_group,
        "compose_form": ComposeForm(initial={"count": _default_count(engagement, who), "who": who}),
        "plan": plan,
        "unseated": unseated,
        "mixed_groups": [view.group for view in plan],
        "engagement_url": reverse(
            "wagtailsnippets_wagtail_spcp_engagement:inspect", args=(engagement.pk,)
        ),
        "print_url": reverse("wagtail_spcp_groups:print", args=(engagement.pk,))
        + f"?{urlencode({'who': who})}",
    }
    return TemplateResponse(request, TEMPLATES + "groups.html", context)


@require_POST
@require_groups
def assign_sectors(request, engagement):
    """Put people in the sector groups of their sectors."""
    who = _who(request, engagement)
    result = seating.assign_sector_groups(engagement, request.user, who)
    text = ngettext(
        "%(count)s person was put in the sector group of their sector.",
        "%(count)s people were put in the sector groups of their sectors.",
        result.assigned,
    ) % {"count": result.assigned}
    if result.without_sector:
        text += " " + ngettext(
            "%(count)s person has no sector: put them in a group by hand.",
            "%(count)s people have no sector: put them in a group by hand.",
            result.without_sector,
        ) % {"count": result.without_sector}
    messages.success(request, text)
    return redirect(_page_url(engagement, who))


@require_POST
@require_groups
def compose(request, engagement):
    """Compose the mixed groups, replacing the current seating."""
    form = ComposeForm(request.POST)
    who = _who(request, engagement)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(_page_url(engagement, who))
    who, count = form.cleaned_data["who"], form.cleaned_data["count"]
    try:
        seating.compose_mixed_groups(engagement, count, who, request.user)
    except CompositionError:
        messages.error(
            request,
            _("There are fewer people to seat than groups: choose fewer groups."),
        )
    else:
        messages.success(
            request,
            ngettext("%(count)s mixed group composed.", "%(count)s mixed groups composed.", count)
            % {"count": count},
        )
    return redirect(_page_url(engagement, who))


@require_POST
@require_groups
def move(request, engagement, participation_id):
    """Seat one person at another mixed group (or at none)."""
    participation = get_object_or_404(
        engagement.participations.select_related("person", "solution_group"), pk=participation_id
    )
    group_id = request.POST.get("group", "")
    group = None
    if group_id:
        group = get_object_or_404(
            engagement.breakout_groups.filter(kind=BreakoutGroupKind.MIXED), pk=group_id
        )
    seating.move_to_group(participation, group, request.user)
    if group is None:
        text = _("%(name)s is seated at no group.") % {"name": participation.person}
    else:
        text = _("%(name)s moved to %(group)s.") % {
            "name": participation.person,
            "group": group.name,
        }
    messages.success(request, text)
    anchor = f"#spcp-group-{group.pk}" if group else "#spcp-unseated"
    return redirect(_page_url(engagement, _who(request, engagement), anchor))


@require_GET
@require_groups
def print_assignments(request, engagement):
    """Table assignments to print: each group's people, then everyone's table by name."""
    who = _who(request, engagement)
    plan, unseated = seating.seating_plan(engagement, who)
    index = sorted(
        (
            (person.person.last_name, person.person.first_name, person, view.group)
            for view in plan
            for person in [*view.members, *([view.facilitator] if view.facilitator else [])]
        ),
        key=lambda row: (row[0].casefold(), row[1].casefold(), row[2].pk),
    )
    context = {
        "engagement": engagement,
        "plan": [view for view in plan if view.size],
        "index": [(person, group) for _last, _first, person, group in index],
        "unseated": unseated,
    }
    return TemplateResponse(request, TEMPLATES + "print.html", context)


urlpatterns = [
    path("<int:engagement_id>/", groups, name="groups"),
    path("<int:engagement_id>/sectors/", assign_sectors, name="assign_sectors"),
    path("<int:engagement_id>/compose/", compose, name="compose"),
    path("<int:engagement_id>/print/", print_assignments, name="print"),
    path("<int:engagement_id>/move/<int:participation_id>/", move, name="move"),
]
