"""A version token for cached finder fragments, changed whenever regions or offices change.

The tile map and the region list change only when an editor edits a region, the states
it serves or an office; templates cache them under this token, so an edit shows at once.
"""

import time

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from ..models.offices import Office, Region, RegionState

VERSION_KEY = "wagtail_spcp:regions-version"


def regions_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = str(time.time_ns())
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def bump_regions_version(**kwargs) -> None:
    cache.set(VERSION_KEY, str(time.time_ns()), timeout=None)


def connect_signals() -> None:
    """Bump the version when a region, a state it serves or an office changes."""
    for model in (Region, RegionState, Office):
        post_save.connect(
            bump_regions_version, sender=model, dispatch_uid=f"spcp-{model.__name__}-save"
        )
        post_delete.connect(
            bump_regions_version, sender=model, dispatch_uid=f"spcp-{model.__name__}-delete"
        )
    m2m_changed.connect(
        bump_regions_version, sender=Region.staff_groups.through, dispatch_uid="spcp-region-groups"
    )
