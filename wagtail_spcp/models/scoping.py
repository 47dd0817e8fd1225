"""Region ownership, declared on each confidential model.

A confidential model subclasses ``RegionOwned`` and names, in ``region_path``, the
lookup that reaches the region owning a row (``"engagement__office__region"``,
``"region"`` for a person). ``Model.objects.for_user(user)`` is then the rows the
user may see: those owned by one of their regions, or every row for staff who see
all regions. Rows owned by no region (headquarters) are seen by the latter only.
"""

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db import models

VIEW_ALL_REGIONS = "wagtail_spcp.view_all_regions"


def is_active_user(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def sees_all_regions(user) -> bool:
    """Superusers and holders of the "view all regions" permission see every region."""
    return bool(user and user.is_active and user.has_perm(VIEW_ALL_REGIONS))


def regions_for_user(user) -> models.QuerySet:
    """The regions whose confidential data ``user`` may see."""
    Region = apps.get_model("wagtail_spcp", "Region")
    if not is_active_user(user):
        return Region.objects.none()
    if sees_all_regions(user):
        return Region.objects.all()
    return Region.objects.filter(staff_groups__user=user).distinct()


def scope_to_user(queryset, user):
    """Narrow ``queryset`` of a region-owned model to the rows ``user`` may see."""
    if not is_active_user(user):
        return queryset.none()
    if sees_all_regions(user):
        return queryset
    return queryset.filter(**{f"{queryset.model.region_path}__in": regions_for_user(user)})


class RegionOwnedQuerySet(models.QuerySet):
    """Queries of a region-owned model, narrowed by its ``region_path``."""

    def for_user(self, user):
        """The rows ``user`` may see."""
        return scope_to_user(self, user)

    def in_region(self, region):
        """The rows owned by ``region`` (None: the rows owned by no region)."""
        if region is None:
            return self.filter(**{f"{self.model.region_path}__isnull": True})
        return self.filter(**{self.model.region_path: region})


class RegionOwned(models.Model):
    """A confidential model whose rows each belong to one region (or to none)."""

    region_path = ""

    objects = RegionOwnedQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_owning_region(self):
        """The region owning this row, or None, following ``region_path``."""
        value = self
        for part in self.region_path.split("__"):
            value = getattr(value, part, None)
            if value is None:
                return None
        return value


def is_region_owned(model) -> bool:
    return isinstance(model, type) and issubclass(model, RegionOwned)


def region_owned_models() -> list:
    """Every concrete region-owned model of the project, by label."""
    return sorted(
        (model for model in apps.get_models() if is_region_owned(model)),
        key=lambda model: model._meta.label_lower,
    )


def related_or_none(instance, name):
    """``instance.name``, or None when the relation is not set yet (or does not exist)."""
    try:
        return getattr(instance, name, None)
    except ObjectDoesNotExist:
        return None


def region_of(instance):
    """The region owning ``instance``, or None (headquarters, public models)."""
    if not is_region_owned(type(instance)):
        return None
    return instance.get_owning_region()
