"""Saved column mappings in the admin: listed by region, renamed and deleted, never added here.

Mappings are saved from the import wizard (``importing.mappings.save_mapping``). Staff
who may import participants see their regions' mappings and the shared ones; those who
``may_change`` a mapping rename or delete it (``ImportMappingPermissionPolicy``). Each
view loads its mapping from ``mappings_for(user)``, so another region's mapping is a 404
whatever the URL; a shared mapping that regional staff see but may not change is a 403.
"""

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.viewsets.model import ModelViewSet

from ..importing.mappings import (
    changeable_mappings,
    delete_mapping,
    mappings_for,
    may_change,
    name_taken,
    rename_mapping,
)
from ..models import ImportMapping
from .columns import MappedColumnsColumn, RegionColumn


class MappingRenameForm(WagtailAdminModelForm):
    """A saved mapping's name: unique among its region's mappings (or among shared ones)."""

    class Meta:
        model = ImportMapping
        fields = ["name"]

    def clean_name(self):
        name = self.cleaned_data["name"]
        region = self.instance.region
        if name_taken(name, region, exclude=self.instance):
            if region is None:
                message = _("There is already a shared mapping named “%(name)s”.")
            else:
                message = _("%(region)s already has a saved mapping named “%(name)s”.")
            raise ValidationError(
                message, code="unique", params={"name": name, "region": str(region)}
            )
        return name


class ChangeableMappingMixin:
    """Load the mapping from those the user may see (any other is a 404) and refuse
    one they may see but not change (shared mappings, for regional staff)."""

    def get_queryset(self):
        return mappings_for(self.request.user)

    def get_object(self, queryset=None):
        mapping = super().get_object(queryset)
        if not may_change(self.request.user, mapping):
            raise PermissionDenied
        return mapping


class MappingIndexView(generic.IndexView):
    """Saved mappings the user may use; rename and delete links only where they may."""

    page_title = _("Saved mappings")

    def get_base_queryset(self):
        return mappings_for(self.request.user)

    @cached_property
    def changeable(self):
        """The ids of the mappings the user may change, read once for the whole page."""
        return set(changeable_mappings(self.request.user).values_list("pk", flat=True))

    def get_edit_url(self, instance):
        if instance.pk in self.changeable:
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        if instance.pk in self.changeable:
            return super().get_delete_url(instance)
        return None


class MappingRenameView(ChangeableMappingMixin, generic.EditView):
    """Rename a saved mapping, recorded as a rename in the audit log."""

    page_title = _("Rename saved mapping")
    success_message = _("Saved mapping “%(object)s” renamed.")

    def save_instance(self):
        return rename_mapping(self.object, self.form.cleaned_data["name"], user=self.request.user)


class MappingDeleteView(ChangeableMappingMixin, generic.DeleteView):
    """Delete a saved mapping after confirmation; imports that used it keep their columns."""

    success_message = _("Saved mapping “%(object)s” deleted.")

    def delete_action(self):
        delete_mapping(self.object, user=self.request.user)


class MappingHistoryView(HistoryView):
    """A mapping's audit history, for staff who may see the mapping."""

    def get_base_object_queryset(self):
        return mappings_for(self.request.user)

    def get_edit_url(self, instance):
        if may_change(self.request.user, instance):
            return super().get_edit_url(instance)
        return None

    @cached_property
    def header_buttons(self):
        return super().header_buttons if self.get_edit_url(self.object) else []


class ImportMappingViewSet(ModelViewSet):
    """Saved column mappings of the import wizard: listed, renamed and deleted."""

    model = ImportMapping
    name = "spcp_import_mappings"
    url_prefix = "spcp/import-mappings"
    icon = "table"
    menu_label = _("Saved mappings")
    index_view_class = MappingIndexView
    edit_view_class = MappingRenameView
    delete_view_class = MappingDeleteView
    history_view_class = MappingHistoryView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "name",
        RegionColumn(lookup="region", empty_label=_("Shared")),
        MappedColumnsColumn(),
        Column("match_on", label=_("Matching key"), accessor="get_match_on_display"),
        DateColumn(
            "updated_at",
            label=pgettext_lazy("date of the last change", "Updated"),
            sort_key="updated_at",
        ),
    ]
    search_fields = ["name"]
    search_backend_name = None
    edit_handler = ObjectList([FieldPanel("name")], base_form_class=MappingRenameForm)

    def get_permissions_to_register(self):
        # Access follows the "import participants" permission and the user's regions.
        return Permission.objects.none()

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "usage_url_name": None, **kwargs}
        )

    def get_urlpatterns(self):
        keep = {"index", "index_results", "edit", "delete", "history", "history_results"}
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in keep]
