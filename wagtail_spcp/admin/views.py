"""Region-scoped admin views: every object a view loads must belong to the user's regions.

The model permission is still checked by Wagtail's ``PermissionCheckedMixin``; these
views add the region check where data is read. An object of another region is a 404,
so a guessed id reveals nothing, not even that the object exists.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views

from ..access import scope_queryset, user_can_see
from ..choices import EngagementStage
from ..importing.batches import ACTION_EXPORT, mark_interrupted
from ..importing.widgets import neutralise_formula
from ..models import Person
from .audit import log_stage_change
from .people_search import PersonSearchMixin, search_people
from .permissions import participants_permission_checker

# The phases an engagement's inspect view shows as a timeline.
TIMELINE_STAGES = [
    EngagementStage.PLANNING,
    EngagementStage.FACILITATOR_TRAINING,
    EngagementStage.PROGRAM_DAY,
    EngagementStage.ACTION_PLAN,
    EngagementStage.COUNCIL,
]


class RegionScopedObjectMixin:
    """Refuse (404) an object outside the user's regions, whatever view loads it."""

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if instance is not None and not user_can_see(self.request.user, instance):
            raise Http404
        return instance


class SafeSpreadsheetExportMixin:
    """Listing exports that a spreadsheet cannot run as formulas, each one in the audit log.

    Overrides Wagtail's spreadsheet row writing (``SpreadsheetExportMixin``): every text
    cell and heading goes through ``neutralise_formula``, in CSV and XLSX alike. A listing
    of participant data sets ``export_permission`` (a Participation action, "export").
    """

    export_permission = None

    def user_may_export(self):
        if self.export_permission is None:
            return True
        return participants_permission_checker.policy.user_has_permission(
            self.request.user, self.export_permission
        )

    @property
    def show_export_buttons(self):
        return super().show_export_buttons and self.user_may_export()

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise_formula(value)

    def get_heading(self, queryset, field):
        return neutralise_formula(super().get_heading(queryset, field))

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if not self.user_may_export():
            raise PermissionDenied
        response = self.write_spreadsheet(queryset, spreadsheet_format)
        # Filter names only: a search term may be somebody's name.
        filters = sorted(key for key in self.request.GET if key != "export")
        log(
            self.request.user,
            ACTION_EXPORT,
            user=self.request.user,
            data={
                "listing": self.model._meta.model_name,
                "format": spreadsheet_format,
                "rows": queryset.count(),
                "filters": filters,
            },
        )
        return response

    def write_spreadsheet(self, queryset, spreadsheet_format):
        """The export response; Wagtail's writer unless a listing has its own."""
        return super().as_spreadsheet(queryset, spreadsheet_format)


class RegionScopedListingMixin:
    """Listing, results and exports of the user's regions only (snippet or model views)."""

    def get_base_queryset(self):
        return scope_queryset(self.request.user, super().get_base_queryset())


class RegionScopedIndexView(
    RegionScopedListingMixin, SafeSpreadsheetExportMixin, snippet_views.IndexView
):
    """A region-scoped snippet listing whose exports are formula-safe and audited."""


class ParticipantDataIndexView(RegionScopedIndexView):
    """A listing of participant data: exporting it needs "export participants"."""

    export_permission = "export"


class ParticipationIndexView(PersonSearchMixin, ParticipantDataIndexView):
    """Participations, newest first, searched by their person as the people listing is.

    The newest first follows the primary key, so a page of a quarter of a million rows
    needs no sort of the whole table (ordering by a person's name joins and sorts all).
    """

    person_prefix = "person__"
    default_ordering = "-pk"


class RegionScopedEditView(RegionScopedObjectMixin, snippet_views.EditView):
    pass


class RegionScopedDeleteView(RegionScopedObjectMixin, snippet_views.DeleteView):
    pass


class RegionScopedHistoryView(RegionScopedObjectMixin, snippet_views.HistoryView):
    pass


class RegionScopedUsageView(RegionScopedObjectMixin, snippet_views.UsageView):
    """Usage of an object, leaving out (not even counting) uses in other regions."""

    def get_queryset(self):
        user = self.request.user
        return [
            (source, references)
            for source, references in super().get_queryset()
            if user_can_see(user, source)
        ]


class RegionScopedInspectView(RegionScopedObjectMixin, snippet_views.InspectView):
    pass


class EngagementEditView(RegionScopedEditView):
    """Records a stage change, with who and when, besides Wagtail's edit entry."""

    def save_instance(self):
        instance = super().save_instance()
        if self.form.stage_changed:
            log_stage_change(instance, self.form.initial_stage, self.request.user)
        return instance


class EngagementInspectView(RegionScopedInspectView):
    """Engagement details with a timeline of its phases and their milestones."""

    def get_timeline(self):
        engagement = self.object
        milestones = {m.stage: m for m in engagement.milestones.all()}
        order = EngagementStage.values
        current = order.index(engagement.stage)
        timeline = []
        for stage in TIMELINE_STAGES:
            position = order.index(stage)
            if position < current or engagement.stage == EngagementStage.CLOSED:
                state, state_label = "done", _("Completed")
            elif position == current:
                state, state_label = "current", _("Current phase")
            else:
                state, state_label = "upcoming", _("Not yet reached")
            milestone = milestones.get(stage)
            timeline.append(
                {
                    "stage": stage,
                    "label": stage.label,
                    "state": state,
                    "state_label": state_label,
                    "date": milestone.date if milestone else None,
                    "note": milestone.note if milestone else "",
                }
            )
        return timeline

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        engagement = self.object
        context["timeline"] = self.get_timeline()
        context["concerns"] = engagement.concerns.order_by("kind", "rank", "pk")
        context["action_items"] = engagement.action_items.all()
        return context


class ChooserPermissionMixin:
    """Only users with some permission on the model may open its chooser."""

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(self.model_class)
        if not policy.user_has_any_permission(request.user, {"add", "change", "delete", "view"}):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ORMSearchFilterForm(BaseFilterForm):
    """Chooser search with the database (confidential models are not in the search index)."""

    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
    )
    search_fields = ()

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q")
        if query:
            condition = Q()
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": query})
            objects = objects.filter(pk__in=objects.filter(condition).values("pk"))
            self.is_searching = True
            self.search_query = query
        return objects


class PersonSearchFilterForm(ORMSearchFilterForm):
    """Chooser search for people: names in any order, accents ignored, emails, phones."""

    def filter(self, objects):
        objects = BaseFilterForm.filter(self, objects)
        query = self.cleaned_data.get("q")
        if query:
            objects = search_people(objects, query)
            self.is_searching = True
            self.search_query = query
        return objects


class RegionScopedChooserListMixin(ChooserPermissionMixin):
    """Chooser listing: the user's regions only, searched with the viewset's search fields."""

    def get_object_list(self):
        return scope_queryset(self.request.user, super().get_object_list())

    def get_filter_form_class(self):
        if self.model_class is Person:
            return PersonSearchFilterForm
        search_fields = getattr(self.model_class.snippet_viewset, "search_fields", None)
        if not search_fields:
            return super().get_filter_form_class()
        return type("FilterForm", (ORMSearchFilterForm,), {"search_fields": search_fields})


class RegionScopedChooseView(RegionScopedChooserListMixin, snippet_chooser.ChooseView):
    pass


class RegionScopedChooseResultsView(
    RegionScopedChooserListMixin, snippet_chooser.ChooseResultsView
):
    pass


class RegionScopedChosenView(ChooserPermissionMixin, snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        return scope_queryset(self.request.user, self.model_class.objects.all()).get(pk=pk)


class RegionScopedChosenMultipleView(
    ChooserPermissionMixin, snippet_chooser.SnippetChosenMultipleView
):
    def get_objects(self, pks):
        return scope_queryset(self.request.user, super().get_objects(pks))


class RegionScopedChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    """Snippet chooser listing and returning only objects of the user's regions."""

    choose_view_class = RegionScopedChooseView
    choose_results_view_class = RegionScopedChooseResultsView
    chosen_view_class = RegionScopedChosenView
    chosen_multiple_view_class = RegionScopedChosenMultipleView


class RegionScopedModelInspectView(RegionScopedObjectMixin, generic.InspectView):
    pass


class RegionScopedModelHistoryView(RegionScopedObjectMixin, HistoryView):
    """History of a read-only object: viewing it is enough to see its history."""

    permission_required = None
    any_permission_required = ["view", "change"]


class ImportBatchIndexView(RegionScopedListingMixin, generic.IndexView):
    """Import batches: each title opens the batch's page in the import wizard
    (summary, progress, error workbook, undo), and a header button starts a new import.
    Imports that stopped without finishing are shown as failed, not running."""

    def get_base_queryset(self):
        mark_interrupted()
        return super().get_base_queryset()

    def get_edit_url(self, instance):
        if participants_permission_checker.user_may_import(self.request.user):
            return reverse("wagtail_spcp_importing:batch", args=(instance.pk,))
        return super().get_inspect_url(instance)

    @cached_property
    def user_may_list_people(self):
        return policy_registry.get_by_type(Person).user_has_any_permission(
            self.request.user, {"view", "change"}
        )

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if self.user_may_list_people and not instance.dry_run:
            query = urlencode({"import_batch": instance.pk})
            buttons.append(
                MenuItem(
                    _("People it brought in or updated"),
                    url=f"{reverse('wagtailsnippets_wagtail_spcp_person:list')}?{query}",
                    icon_name="user",
                    priority=40,
                )
            )
        return buttons

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if participants_permission_checker.user_may_import(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Import a spreadsheet"),
                    url=reverse("wagtail_spcp_importing:upload"),
                    icon_name="upload",
                )
            )
        return buttons
