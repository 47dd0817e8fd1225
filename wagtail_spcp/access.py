"""Region-scoped access: which regions, and so which rows, a staff user may see.

Each confidential model declares how it reaches its owning region (``region_path``,
see ``models.scoping``); these thin functions answer the questions views ask
("which engagements may this user pick?", "may they see this object?").
"""

from django.db.models import QuerySet

from .models import Engagement, Office
from .models.scoping import (
    VIEW_ALL_REGIONS,
    is_active_user,
    is_region_owned,
    region_of,
    regions_for_user,
    scope_to_user,
    sees_all_regions,
)

# Importing into an engagement and exporting its participants (still only in one's regions).
IMPORT_PERMISSION = "wagtail_spcp.import_participation"
EXPORT_PERMISSION = "wagtail_spcp.export_participation"

__all__ = [
    "EXPORT_PERMISSION",
    "IMPORT_PERMISSION",
    "VIEW_ALL_REGIONS",
    "engagements_for_user",
    "is_region_owned",
    "offices_for_user",
    "region_of",
    "regions_for_user",
    "scope_queryset",
    "sees_all_regions",
    "user_can_see",
]


def engagements_for_user(user) -> QuerySet:
    """The engagements ``user`` may see: those owned by an office in one of their regions."""
    return Engagement.objects.for_user(user)


def scope_queryset(user, queryset) -> QuerySet:
    """Narrow ``queryset`` to the rows ``user`` may see; models without a region pass through."""
    if not is_region_owned(queryset.model):
        return queryset
    return scope_to_user(queryset, user)


def user_can_see(user, instance) -> bool:
    """Whether ``user`` may see ``instance`` (an unsaved instance only with every region)."""
    model = type(instance)
    if not is_region_owned(model):
        return True
    if sees_all_regions(user):
        return is_active_user(user)
    if instance.pk is None:
        return False
    return scope_to_user(model._default_manager.filter(pk=instance.pk), user).exists()


def offices_for_user(user) -> QuerySet:
    """The offices that may own an engagement created or edited by ``user``."""
    if sees_all_regions(user):
        return Office.objects.all()
    return Office.objects.filter(region__in=regions_for_user(user))
