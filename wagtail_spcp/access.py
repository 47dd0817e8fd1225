"""Region-scoped access: which regions, and so which engagements, a staff user may see.

The one place that answers "may this user see this engagement's data?". Admin
listings, choosers, views, imports and exports all start from these querysets.
"""

from django.db.models import Exists, OuterRef, QuerySet

VIEW_ALL_REGIONS = "wagtail_spcp.view_all_regions"
# Importing into an engagement and exporting its participants (still only in one's regions).
IMPORT_PERMISSION = "wagtail_spcp.import_participation"
EXPORT_PERMISSION = "wagtail_spcp.export_participation"


def sees_all_regions(user) -> bool:
    """Superusers and holders of the "view all regions" permission see every region."""
    return bool(user and user.is_active and user.has_perm(VIEW_ALL_REGIONS))


def regions_for_user(user) -> QuerySet:
    """The regions whose engagements ``user`` may see."""
    from .models import Region

    if not (user and user.is_authenticated and user.is_active):
        return Region.objects.none()
    if sees_all_regions(user):
        return Region.objects.all()
    return Region.objects.filter(staff_groups__user=user).distinct()


def engagements_for_user(user) -> QuerySet:
    """The engagements ``user`` may see: those owned by an office in one of their regions."""
    from .models import Engagement

    if not (user and user.is_authenticated and user.is_active):
        return Engagement.objects.none()
    if sees_all_regions(user):
        return Engagement.objects.all()
    return Engagement.objects.filter(office__region__in=regions_for_user(user))


# How each confidential model reaches the region that owns it.
REGION_LOOKUPS = {
    "wagtail_spcp.engagement": "office__region",
    "wagtail_spcp.engagementmilestone": "engagement__office__region",
    "wagtail_spcp.breakoutgroup": "engagement__office__region",
    "wagtail_spcp.concern": "engagement__office__region",
    "wagtail_spcp.actionitem": "engagement__office__region",
    "wagtail_spcp.council": "engagement__office__region",
    "wagtail_spcp.councilmembership": "council__engagement__office__region",
    "wagtail_spcp.councilmeeting": "council__engagement__office__region",
    "wagtail_spcp.participation": "engagement__office__region",
    "wagtail_spcp.importbatch": "engagement__office__region",
}


def is_region_scoped(model) -> bool:
    """Whether rows of ``model`` are visible only to staff of the region that owns them."""
    return model._meta.label_lower in REGION_LOOKUPS or model._meta.label_lower == (
        "wagtail_spcp.person"
    )


def people_for_user(user, queryset=None) -> QuerySet:
    """The people ``user`` may see.

    A person is visible through any engagement the user may see (a participation,
    a council seat or a facilitated breakout group). People linked to no engagement
    at all, such as someone just added, are visible to every staff user.
    """
    from .models import BreakoutGroup, CouncilMembership, Participation, Person

    queryset = Person.objects.all() if queryset is None else queryset
    if not (user and user.is_authenticated and user.is_active):
        return queryset.none()
    if sees_all_regions(user):
        return queryset
    person = OuterRef("pk")
    visible = engagements_for_user(user)
    participations = Participation.objects.filter(person=person)
    memberships = CouncilMembership.objects.filter(person=person)
    facilitated = BreakoutGroup.objects.filter(facilitator=person)
    return queryset.filter(
        Exists(participations.filter(engagement__in=visible))
        | Exists(memberships.filter(council__engagement__in=visible))
        | Exists(facilitated.filter(engagement__in=visible))
        | (~Exists(participations) & ~Exists(memberships) & ~Exists(facilitated))
    )


def scope_queryset(user, queryset) -> QuerySet:
    """Narrow ``queryset`` to the rows ``user`` may see; models without a region pass through."""
    label = queryset.model._meta.label_lower
    if label == "wagtail_spcp.person":
        return people_for_user(user, queryset)
    lookup = REGION_LOOKUPS.get(label)
    if lookup is None:
        return queryset
    if not (user and user.is_authenticated and user.is_active):
        return queryset.none()
    if sees_all_regions(user):
        return queryset
    return queryset.filter(**{f"{lookup}__in": regions_for_user(user)})


def user_can_see(user, instance) -> bool:
    """Whether ``user`` may see ``instance`` (an unsaved instance is judged by its parent)."""
    model = type(instance)
    if not is_region_scoped(model):
        return True
    if sees_all_regions(user):
        return bool(user and user.is_authenticated)
    if instance.pk is None:
        return False
    return scope_queryset(user, model._default_manager.filter(pk=instance.pk)).exists()


def offices_for_user(user) -> QuerySet:
    """The offices that may own an engagement created or edited by ``user``."""
    from .models import Office

    if sees_all_regions(user):
        return Office.objects.all()
    return Office.objects.filter(region__in=regions_for_user(user))


def region_of(instance):
    """The region owning ``instance``, or None (headquarters, people, public models)."""
    lookup = REGION_LOOKUPS.get(type(instance)._meta.label_lower)
    if lookup is None:
        return None
    value = instance
    for part in lookup.split("__"):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value
