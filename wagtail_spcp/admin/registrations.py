"""An engagement's registration page as the hub shows it: address, counts and waitlist."""

from django.db.models import Count, Q
from django.urls import NoReverseMatch, reverse

from ..choices import ParticipationStatus
from ..models import EventRegistration
from .permissions import permission_policy_for


def public_url(event) -> str:
    """The page's address on the site (relative), or "" when the site has not mounted it."""
    try:
        return reverse("spcp_public_forms:register", args=(event.token,))
    except NoReverseMatch:
        return ""


def registration_counts(event) -> dict:
    """Registered (or attended), waitlisted and canceled, in one query."""
    return event.participations().aggregate(
        registered=Count(
            "pk",
            filter=Q(status__in=[ParticipationStatus.REGISTERED, ParticipationStatus.ATTENDED]),
        ),
        waitlisted=Count("pk", filter=Q(status=ParticipationStatus.WAITLISTED)),
        cancelled=Count("pk", filter=Q(status=ParticipationStatus.CANCELLED)),
    )


def registration_summary(engagement, user) -> dict | None:
    """For the engagement hub: its registration page, counts and waitlist (or how to add one).

    None when ``user`` may not view registration pages; the links need "add" or "change".
    """
    policy = permission_policy_for(EventRegistration)
    if not policy.user_has_permission(user, "view"):
        return None
    event = EventRegistration.objects.filter(engagement=engagement).first()
    if event is None:
        may_add = policy.user_has_permission(user, "add")
        return {
            "add_url": reverse("wagtailsnippets_wagtail_spcp_eventregistration:add")
            if may_add
            else ""
        }
    may_change = policy.user_has_permission_for_instance(user, "change", event)
    return {
        "event": event,
        "counts": registration_counts(event),
        "waitlist": list(event.waitlisted().select_related("person")),
        "public_url": public_url(event),
        "edit_url": reverse("wagtailsnippets_wagtail_spcp_eventregistration:edit", args=(event.pk,))
        if may_change
        else "",
    }
