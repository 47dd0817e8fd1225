"""Audit log entries of confidential models, kept apart so that reports can scope them.

Wagtail's site history report shows a user every log entry of a model they hold any
permission on. Entries of region-owned models (engagements and everything under them,
and people) record the owning region, and only staff of that region (or with "view
all regions") see them there.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models.audit_log import BaseLogEntry, BaseLogEntryManager

from .scoping import region_of, regions_for_user, sees_all_regions

ANY_ACTION = {"add", "change", "delete", "view"}


class RegionScopedLogEntryManager(BaseLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        region = region_of(instance)
        if region is None:
            # A staff model owned by a region declares it (saved mappings).
            region = getattr(instance, "audit_region", None)
        kwargs.update(object_id=str(instance.pk), region=region)
        return super().log_action(instance, action, **kwargs)

    def for_instance(self, instance):
        return self.filter(
            content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
            object_id=str(instance.pk),
        )

    def viewable_by_user(self, user):
        from wagtail.permissions import policy_registry

        if user.is_superuser:
            return self.all()
        content_type_ids = [
            content_type_id
            for content_type_id in self.values_list("content_type_id", flat=True).distinct()
            if (model := ContentType.objects.get_for_id(content_type_id).model_class())
            and policy_registry.get_by_type(model).user_has_any_permission(user, ANY_ACTION)
        ]
        queryset = self.filter(content_type_id__in=content_type_ids)
        if sees_all_regions(user):
            return queryset
        return queryset.filter(region__in=regions_for_user(user))


class RegionScopedLogEntry(BaseLogEntry):
    """A log entry of a confidential object, with the region that owned it when logged.

    A person's entries carry the person's own region, so a person's history holds only
    edits made within that region (or by staff who see every region).
    """

    object_id = models.CharField(max_length=255, blank=False, db_index=True)
    region = models.ForeignKey(
        "wagtail_spcp.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("region"),
    )

    objects = RegionScopedLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("confidential log entry")
        verbose_name_plural = _("confidential log entries")

    def __str__(self):
        return f"RegionScopedLogEntry {self.pk}: '{self.action}' on '{self.object_verbose_name}'"
