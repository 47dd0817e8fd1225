"""ModelAdmin classes built from the staff admin's policies, querysets and panels."""

from django.contrib.admin.exceptions import DisallowedModelAdminLookup
from django.core.exceptions import FieldDoesNotExist
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.permissions import policy_registry

from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup
from wagtail_modeladmin.views import DeleteView, EditView, HistoryView, IndexView, InspectView

from ...access import scope_queryset, user_can_see
from ...admin.audit import log_stage_change
from ...admin.viewsets import (
    CouncilViewSet,
    EngagementViewSet,
    ParticipationViewSet,
    PersonViewSet,
)
from ...models import Council, Engagement, ImportBatch, Participation, Person

ANY_ACTION = {"add", "change", "delete", "view"}
# What may follow a field in a query-string lookup: comparisons, never a join.
ROW_LOOKUPS = {"exact", "iexact", "in", "isnull", "gt", "gte", "lt", "lte", "range"}


def lookup_stays_on_row(model, lookup) -> bool:
    """Whether a query-string ``lookup`` reads only the listed rows' own columns.

    A lookup through a relation (``engagement__title__startswith``) would filter the
    user's rows by data of other rows, possibly of other regions: a yes/no oracle.
    """
    name, *rest = lookup.split("__")
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    if not field.concrete:
        return False
    if field.is_relation:
        return len(rest) <= 1 and all(part in ROW_LOOKUPS for part in rest)
    return all(part in ROW_LOOKUPS or part in field.get_lookups() for part in rest)


class PolicyPermissionHelper(PermissionHelper):
    """Answers ModelAdmin's questions with the model's registered permission policy."""

    @property
    def policy(self):
        return policy_registry.get_by_type(self.model)

    def user_can_list(self, user):
        return self.policy.user_has_any_permission(user, ANY_ACTION)

    def user_can_create(self, user):
        return self.policy.user_has_permission(user, "add")

    def user_can_inspect_obj(self, user, obj):
        return self.inspect_view_enabled and self.policy.user_has_any_permission_for_instance(
            user, ANY_ACTION, obj
        )

    def user_can_edit_obj(self, user, obj):
        return self.policy.user_has_permission_for_instance(user, "change", obj)

    def user_can_delete_obj(self, user, obj):
        return self.policy.user_has_permission_for_instance(user, "delete", obj)


class ReadOnlyPermissionHelper(PolicyPermissionHelper):
    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class ScopedIndexView(IndexView):
    """A listing whose query-string lookups may read only the rows' own columns."""

    def get_filters(self, request):
        specs, has_filters, lookup_params, use_distinct = super().get_filters(request)
        for lookup in lookup_params:
            if not lookup_stays_on_row(self.model, lookup):
                raise DisallowedModelAdminLookup(f"Filtering by {lookup} not allowed")
        return specs, has_filters, lookup_params, use_distinct


class RegionScopedInstanceMixin:
    """An object outside the user's regions is a 404, as in the snippet views."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not user_can_see(request.user, self.instance):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class ScopedEditView(RegionScopedInstanceMixin, EditView):
    pass


class ScopedDeleteView(RegionScopedInstanceMixin, DeleteView):
    pass


class ScopedInspectView(RegionScopedInstanceMixin, InspectView):
    pass


class ScopedHistoryView(RegionScopedInstanceMixin, HistoryView):
    pass


class EngagementEditView(ScopedEditView):
    def form_valid(self, form):
        response = super().form_valid(form)
        if form.stage_changed:
            log_stage_change(self.instance, form.initial_stage, self.request.user)
        return response


class RegionScopedModelAdmin(ModelAdmin):
    """A ModelAdmin with the staff admin's scoping; subclasses reuse a viewset's panels."""

    permission_helper_class = PolicyPermissionHelper
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    inspect_view_enabled = True
    add_to_settings_menu = False

    def get_queryset(self, request):
        return scope_queryset(request.user, super().get_queryset(request))


class EngagementModelAdmin(RegionScopedModelAdmin):
    model = Engagement
    menu_icon = "clipboard-list"
    edit_view_class = EngagementEditView
    edit_handler = EngagementViewSet.edit_handler
    list_display = ["title", "community", "office", "stage", "requested_on"]
    list_filter = ["stage", "origin"]
    search_fields = EngagementViewSet.search_fields


class CouncilModelAdmin(RegionScopedModelAdmin):
    model = Council
    menu_icon = "group"
    edit_handler = CouncilViewSet.edit_handler
    list_display = ["name", "engagement", "status", "is_public"]
    list_filter = ["status", "is_public"]
    search_fields = CouncilViewSet.search_fields


class PersonModelAdmin(RegionScopedModelAdmin):
    model = Person
    menu_icon = "user"
    edit_handler = PersonViewSet.edit_handler
    list_display = ["full_name", "email", "organisation", "sector"]
    list_filter = ["sector", "consent_to_contact"]
    search_fields = PersonViewSet.search_fields


class ParticipationModelAdmin(RegionScopedModelAdmin):
    model = Participation
    menu_icon = "list-ul"
    edit_handler = ParticipationViewSet.edit_handler
    list_display = ["person", "engagement", "role", "status"]
    list_filter = ["role", "status"]
    search_fields = ParticipationViewSet.search_fields


class ImportBatchModelAdmin(RegionScopedModelAdmin):
    model = ImportBatch
    menu_icon = "upload"
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = ["file_name", "engagement", "status", "new_count", "invalid_count"]
    list_filter = ["status"]
    search_fields = ["file_name", "engagement__title"]


class PartnershipsModelAdminGroup(ModelAdminGroup):
    menu_label = _("Partnerships (classic)")
    menu_icon = "group"
    menu_order = 260
    items = (
        EngagementModelAdmin,
        CouncilModelAdmin,
        PersonModelAdmin,
        ParticipationModelAdmin,
        ImportBatchModelAdmin,
    )
