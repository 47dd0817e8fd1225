"""Saved column mappings, owned by a region: offered, saved and deleted within it, audited.

A mapping belongs to the region of the engagement it was saved from, so staff of one
region never see or overwrite another region's. Mappings with no region are shared by
every region; only national staff (who see every region) save or delete those.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q

from wagtail.log_actions import log

from ..access import regions_for_user, sees_all_regions
from ..models import ImportMapping


def engagement_region(engagement):
    """The region owning ``engagement`` (None for headquarters)."""
    return engagement.office.region if engagement.office_id else None


def mappings_for(user, engagement=None):
    """The mappings ``user`` may use: their regions' (or only ``engagement``'s) and shared ones."""
    if engagement is not None:
        region = engagement_region(engagement)
        own = Q(region=region) if region is not None else Q(pk__in=[])
    elif sees_all_regions(user):
        own = Q(region__isnull=False)
    else:
        own = Q(region__in=regions_for_user(user))
    return ImportMapping.objects.filter(own | Q(region__isnull=True)).select_related("region")


def may_change(user, mapping) -> bool:
    """Staff change their regions' mappings; only national staff change shared ones."""
    if mapping.region_id is None:
        return sees_all_regions(user)
    return sees_all_regions(user) or regions_for_user(user).filter(pk=mapping.region_id).exists()


def changeable_mappings(user):
    """The mappings ``user`` may rename or delete (see ``may_change``)."""
    if sees_all_regions(user):
        return ImportMapping.objects.all()
    return ImportMapping.objects.filter(region__in=regions_for_user(user))


def name_taken(name, region, *, exclude=None) -> bool:
    """Whether ``region`` (None: the shared mappings) already has a mapping called ``name``."""
    same = ImportMapping.objects.filter(name=name, region=region)
    if exclude is not None and exclude.pk is not None:
        same = same.exclude(pk=exclude.pk)
    return same.exists()


def save_mapping(
    name, columns, *, user, region, value_map=None, match_on="", day_first=None
) -> ImportMapping:
    """Create or update the mapping ``name`` of ``region`` (None: shared), with an audit entry.

    The mapping keeps the columns, the value map, the matching key and the date order.
    """
    if region is None and not sees_all_regions(user):
        raise PermissionDenied("Only national staff save shared mappings.")
    settings = {
        "columns": columns,
        "value_map": value_map or {},
        "match_on": match_on,
        "day_first": day_first,
    }
    with transaction.atomic():
        mapping, created = ImportMapping.objects.select_for_update().get_or_create(
            name=name, region=region, defaults={**settings, "created_by": user}
        )
        if not created:
            for field, value in settings.items():
                setattr(mapping, field, value)
            mapping.save(update_fields=[*settings, "updated_at"])
        log(mapping, "wagtail.create" if created else "wagtail.edit", user=user)
    return mapping


def rename_mapping(mapping, name, *, user) -> ImportMapping:
    """Rename ``mapping`` if ``user`` may change it, with an audit entry naming both names."""
    if not may_change(user, mapping):
        raise PermissionDenied("This mapping belongs to another region.")
    with transaction.atomic():
        old_name = (
            ImportMapping.objects.select_for_update()
            .values_list("name", flat=True)
            .get(pk=mapping.pk)
        )
        mapping.name = name
        if name != old_name:
            mapping.save(update_fields=["name", "updated_at"])
            log(
                mapping,
                "wagtail.rename",
                user=user,
                data={"title": {"old": old_name, "new": name}},
            )
    return mapping


def delete_mapping(mapping, *, user) -> None:
    """Delete ``mapping`` if ``user`` may change it, with an audit entry."""
    if not may_change(user, mapping):
        raise PermissionDenied("This mapping belongs to another region.")
    with transaction.atomic():
        log(mapping, "wagtail.delete", user=user, deleted=True)
        mapping.delete()
