"""Region-scoped access: which regions, and so which engagements, a staff user may see.

The one place that answers "may this user see this engagement's data?". Admin
listings, choosers, views, imports and exports all start from these querysets.
"""

from django.db.models import QuerySet

VIEW_ALL_REGIONS = "wagtail_spcp.view_all_regions"


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
