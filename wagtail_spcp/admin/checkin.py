"""The check-in screen of an engagement, for a phone or tablet at the door.

One page (``checkin``) searches the participants by name, email or organization, marks
them attended with one tap (and undoes it), and adds walk-ins. It works as plain forms
without JavaScript; ``checkin.js`` swaps in the search results (``search``) and the
tapped row as the user types and taps. Only staff who may change participations of the
engagement's region reach it; an engagement of another region is a 404.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from wagtail.permissions import policy_registry

from ..access import engagements_for_user
from ..models import Participation, Person
from .engagement_hub import may_check_in
from .walk_in import (
    WalkInForm,
    WalkInProblem,
    add_walk_in,
    check_in,
    door_counts,
    search_participations,
    undo_check_in,
)

RESULT_LIMIT = 25
TEMPLATES = "wagtail_spcp/admin/checkin/"

app_name = "wagtail_spcp_checkin"


def require_check_in(view):
    """Staff who may change participations, on an engagement of their regions."""

    @wraps(view)
    def wrapper(request, engagement_id, *args, **kwargs):
        if not may_check_in(request.user):
            raise PermissionDenied
        engagement = get_object_or_404(
            engagements_for_user(request.user).select_related("office__region"), pk=engagement_id
        )
        return view(request, engagement, *args, **kwargs)

    return wrapper


def may_add_walk_ins(user) -> bool:
    return policy_registry.get_by_type(Person).user_has_permission(
        user, "add"
    ) and policy_registry.get_by_type(Participation).user_has_permission(user, "add")


def wants_fragment(request) -> bool:
    """A request made by ``checkin.js`` (which then swaps in the HTML it gets back)."""
    return request.headers.get("X-Requested-With") == "fetch"


def _results_context(request, engagement, query):
    participations, found = search_participations(engagement, query, RESULT_LIMIT)
    return {
        "engagement": engagement,
        "participations": participations,
        "found": found,
        "query": query,
        "shown": len(participations),
    }


def _page_url(engagement, query=""):
    url = reverse("wagtail_spcp_checkin:checkin", args=(engagement.pk,))
    return f"{url}?{urlencode({'q': query})}" if query else url


@require_GET
@require_check_in
def checkin(request, engagement, form=None):
    """The check-in screen: counts, search, results and the walk-in form."""
    query = request.GET.get("q", "")[:100]
    can_add = may_add_walk_ins(request.user)
    context = {
        **_results_context(request, engagement, query),
        "counts": door_counts(engagement),
        "walk_in_form": form or (WalkInForm() if can_add else None),
        "checkin_search_url": reverse("wagtail_spcp_checkin:search", args=(engagement.pk,)),
        "engagement_url": reverse(
            "wagtailsnippets_wagtail_spcp_engagement:inspect", args=(engagement.pk,)
        ),
    }
    return TemplateResponse(request, TEMPLATES + "checkin.html", context)


@require_GET
@require_check_in
def search(request, engagement):
    """The results of a search, as an HTML fragment."""
    query = request.GET.get("q", "")[:100]
    return TemplateResponse(
        request, TEMPLATES + "_results.html", _results_context(request, engagement, query)
    )


def _counts_html(request, engagement):
    return render_to_string(
        TEMPLATES + "_counts.html", {"counts": door_counts(engagement)}, request=request
    )


@require_POST
@require_check_in
def toggle(request, engagement, participation_id):
    """Check one participant in, or undo it (``action=undo``)."""
    participation = get_object_or_404(
        engagement.participations.select_related("person"), pk=participation_id
    )
    if request.POST.get("action") == "undo":
        undo_check_in(participation, request.user, request.POST.get("restore", ""))
        previous = ""
        message = _("%(name)s is no longer checked in.") % {"name": participation.person}
    else:
        previous = check_in(participation, request.user)
        message = _("%(name)s is checked in.") % {"name": participation.person}
    if not wants_fragment(request):
        messages.success(request, message)
        return redirect(_page_url(engagement, request.POST.get("q", "")))
    row = render_to_string(
        TEMPLATES + "_row.html",
        {"participation": participation, "engagement": engagement, "previous": previous},
        request=request,
    )
    return JsonResponse(
        {"row": row, "counts": _counts_html(request, engagement), "message": message}
    )


@require_POST
@require_check_in
def walk_in(request, engagement):
    """Add someone who came without registering (or find them) and check them in."""
    if not may_add_walk_ins(request.user):
        raise PermissionDenied
    form = WalkInForm(request.POST)
    if form.is_valid():
        try:
            result = add_walk_in(engagement, form.person_values(), request.user)
        except WalkInProblem as problem:
            form.add_error(None, str(problem))
        else:
            person = result.participation.person
            if result.was_registered:
                text = _("%(name)s was registered already and is now checked in.")
            elif result.person_created:
                text = _("%(name)s was added as a walk-in and checked in.")
            else:
                text = _("%(name)s was found among your region’s people and checked in.")
            messages.success(request, text % {"name": person})
            return redirect(_page_url(engagement, person.full_name))
    request.method = "GET"  # render the page again, with the form's errors
    return checkin(request, engagement.pk, form=form)


urlpatterns = [
    path("<int:engagement_id>/", checkin, name="checkin"),
    path("<int:engagement_id>/search/", search, name="search"),
    path("<int:engagement_id>/walk-in/", walk_in, name="walk_in"),
    path("<int:engagement_id>/<int:participation_id>/", toggle, name="toggle"),
]
