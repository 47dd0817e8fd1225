"""The staff admin menu: regions and offices, engagements, councils and imports, grouped with
the people and participations (``people_viewsets``) and surveys (``survey_viewset``).

Confidential models use region-scoped views and choosers (``views.py``) and are
searched with the ORM (``search_backend_name = None``), never Wagtail's search index.
"""

from django import forms
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ..models import (
    ActionItem,
    Council,
    Engagement,
    ImportBatch,
    Office,
    Participation,
    Region,
)
from . import filters, views
from .columns import CountColumn, DueDateColumn, RegionColumn, StageColumn
from .engagement_hub import EngagementHubEditView, EngagementHubInspectView, EngagementIndexView
from .forms import (
    EngagementAdminForm,
    RegionScopedAdminForm,
    RegionScopedInlinePanel,
)
from .people_viewsets import ParticipationViewSet, PersonViewSet
from .region_scoped import RegionScopedViewSet, count_of
from .saved_mappings import ImportMappingViewSet
from .survey_viewset import SurveyViewSet


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions")
    list_display = ["name", "slug", CountColumn("office_count", label=_("Offices"))]
    search_fields = ["name", "slug", "states__code"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return Region.objects.annotate(office_count=Count("offices"))


class OfficeViewSet(SnippetViewSet):
    model = Office
    icon = "home"
    menu_label = _("Offices")
    list_display = ["name", "kind", RegionColumn(lookup="region"), "city", "state"]
    filterset_class = filters.OfficeFilterSet
    search_fields = ["name", "city", "state", "zip_code"]
    search_backend_name = None
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Office.objects.select_related("region")


class EngagementViewSet(RegionScopedViewSet):
    model = Engagement
    icon = "clipboard-list"
    menu_label = _("Engagements")
    index_view_class = EngagementIndexView
    edit_view_class = EngagementHubEditView
    inspect_view_class = EngagementHubInspectView
    inspect_template_name = "wagtail_spcp/admin/engagement_inspect.html"
    list_display = [
        "title",
        "community",
        RegionColumn(),
        Column("office", label=_("Office"), sort_key="office__name"),
        StageColumn(),
        CountColumn("participant_count", label=_("Participants")),
        DateColumn("requested_on", label=_("Requested"), sort_key="requested_on"),
    ]
    list_export = ["title", "slug", "community", "office", "stage", "origin", "requested_on"]
    filterset_class = filters.EngagementFilterSet
    search_fields = ["title", "slug", "community_city", "law_enforcement_agency"]
    inspect_view_fields = [
        "title",
        "program",
        "office",
        "community_city",
        "community_state",
        "law_enforcement_agency",
        "origin",
        "incident_summary",
        "stage",
        "requested_on",
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("title"), FieldPanel("slug")]),
                    FieldRowPanel(
                        [FieldPanel("program"), FieldPanel("office", widget=forms.Select)]
                    ),
                    MultiFieldPanel(
                        [
                            FieldRowPanel(
                                [FieldPanel("community_city"), FieldPanel("community_state")]
                            ),
                            FieldPanel("law_enforcement_agency"),
                        ],
                        heading=_("Community"),
                    ),
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("origin"), FieldPanel("requested_on")]),
                            FieldPanel("incident_summary"),
                        ],
                        heading=_("Request"),
                    ),
                ],
                heading=_("Engagement"),
            ),
            ObjectList(
                [
                    FieldPanel("stage"),
                    RegionScopedInlinePanel(
                        "milestones",
                        panels=[FieldPanel("stage"), FieldPanel("date"), FieldPanel("note")],
                        heading=_("Milestones"),
                        label=_("Milestone"),
                    ),
                ],
                heading=_("Phases"),
            ),
            ObjectList(
                [
                    RegionScopedInlinePanel(
                        "breakout_groups",
                        panels=[
                            FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
                            FieldRowPanel([FieldPanel("sector"), FieldPanel("facilitator")]),
                        ],
                        heading=_("Breakout groups"),
                        label=_("Breakout group"),
                    ),
                    RegionScopedInlinePanel(
                        "concerns",
                        panels=[
                            FieldRowPanel(
                                [
                                    FieldPanel("kind"),
                                    FieldPanel("breakout_group", widget=forms.Select),
                                    FieldPanel("dot_votes"),
                                ]
                            ),
                            FieldPanel("text"),
                        ],
                        heading=_("Concerns (ranked by dot-votes when saved)"),
                        label=_("Concern"),
                    ),
                ],
                heading=_("Program day"),
            ),
            ObjectList(
                [
                    RegionScopedInlinePanel(
                        "action_items",
                        panels=[
                            FieldPanel("title"),
                            FieldPanel("description"),
                            FieldRowPanel(
                                [FieldPanel("owner"), FieldPanel("status"), FieldPanel("due_date")]
                            ),
                            FieldRowPanel(
                                [
                                    FieldPanel("concern", widget=forms.Select),
                                    FieldPanel("council", widget=forms.Select),
                                ]
                            ),
                        ],
                        heading=_("Action items"),
                        label=_("Action item"),
                    ),
                ],
                heading=_("Action plan"),
            ),
        ],
        base_form_class=EngagementAdminForm,
    )

    def get_queryset(self, request):
        # Councils are prefetched for the program-day links of each row (``engagement_hub``).
        return (
            Engagement.objects.select_related("office__region", "survey")
            .prefetch_related("councils")
            .annotate(participant_count=count_of(Participation, "engagement"))
        )


class ActionItemViewSet(RegionScopedViewSet):
    model = ActionItem
    icon = "tasks"
    menu_label = _("Action items")
    list_display = [
        "title",
        Column("engagement", label=_("Engagement"), sort_key="engagement__title"),
        RegionColumn(lookup="engagement__office__region"),
        "owner",
        "status",
        DueDateColumn(),
    ]
    list_export = ["title", "engagement", "owner", "status", "due_date"]
    filterset_class = filters.ActionItemFilterSet
    search_fields = ["title", "description", "owner"]
    edit_handler = ObjectList(
        [
            FieldPanel("engagement"),
            FieldPanel("title"),
            FieldPanel("description"),
            FieldRowPanel([FieldPanel("owner"), FieldPanel("status"), FieldPanel("due_date")]),
            FieldRowPanel(
                [
                    FieldPanel("concern", widget=forms.Select),
                    FieldPanel("council", widget=forms.Select),
                ]
            ),
        ],
        base_form_class=RegionScopedAdminForm,
    )

    def get_queryset(self, request):
        return ActionItem.objects.select_related("engagement__office__region")


class CouncilViewSet(RegionScopedViewSet):
    model = Council
    icon = "group"
    menu_label = _("Councils")
    list_display = [
        "name",
        Column("engagement", label=_("Engagement"), sort_key="engagement__title"),
        RegionColumn(lookup="engagement__office__region"),
        "status",
        BooleanColumn("is_public", label=_("Public")),
        CountColumn("member_count", label=_("Members")),
    ]
    list_export = ["name", "engagement", "status", "formed_on", "is_public"]
    filterset_class = filters.CouncilFilterSet
    search_fields = ["name", "engagement__title", "engagement__community_city"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("engagement"),
                    FieldPanel("name"),
                    FieldRowPanel([FieldPanel("status"), FieldPanel("formed_on")]),
                    FieldPanel("rules_of_engagement"),
                ],
                heading=_("Council"),
            ),
            ObjectList(
                [
                    RegionScopedInlinePanel(
                        "memberships",
                        panels=[
                            FieldRowPanel([FieldPanel("person"), FieldPanel("role")]),
                            FieldRowPanel(
                                [
                                    FieldPanel("seat"),
                                    FieldPanel("started_on"),
                                    FieldPanel("ended_on"),
                                ]
                            ),
                        ],
                        heading=_("Members"),
                        label=_("Membership"),
                    ),
                ],
                heading=_("Members"),
            ),
            ObjectList(
                [
                    RegionScopedInlinePanel(
                        "meetings",
                        panels=[
                            FieldRowPanel([FieldPanel("date"), FieldPanel("is_public")]),
                            FieldPanel("agenda"),
                            FieldPanel("minutes"),
                        ],
                        heading=_("Meetings"),
                        label=_("Meeting"),
                    ),
                ],
                heading=_("Meetings"),
            ),
            ObjectList(
                [
                    FieldPanel("is_public"),
                    FieldPanel("public_summary"),
                    FieldRowPanel(
                        [FieldPanel("public_contact_name"), FieldPanel("public_contact_email")]
                    ),
                    FieldPanel("shows_progress"),
                ],
                heading=_("Public page"),
            ),
        ],
        base_form_class=RegionScopedAdminForm,
    )

    def get_queryset(self, request):
        return Council.objects.select_related("engagement__office__region").annotate(
            member_count=Count("memberships")
        )


class InspectURLFinder(ModelAdminURLFinder):
    """Links read-only objects to their inspect view for users who may view them."""

    def get_edit_url(self, instance):
        policy = policy_registry.get(instance)
        if self.user and not policy.user_has_any_permission_for_instance(
            self.user, ["view", "change"], instance
        ):
            return None
        return self.construct_edit_url(instance)


class ImportBatchViewSet(ModelViewSet):
    """Import batches, read-only here; the import wizard holds their actions."""

    model = ImportBatch
    name = "spcp_import_batches"
    url_prefix = "spcp/import-batches"
    icon = "upload"
    menu_label = _("Import batches")
    index_view_class = views.ImportBatchIndexView
    inspect_view_class = views.RegionScopedModelInspectView
    history_view_class = views.RegionScopedModelHistoryView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "file_name",
        Column("engagement", label=_("Engagement"), sort_key="engagement__title"),
        RegionColumn(lookup="engagement__office__region"),
        "status",
        "new_count",
        "updated_count",
        "invalid_count",
        DateColumn("created_at", label=_("Started"), sort_key="created_at"),
    ]
    filterset_class = filters.ImportBatchFilterSet
    search_fields = ["file_name", "engagement__title"]
    search_backend_name = None
    inspect_view_fields = [
        "file_name",
        "engagement",
        "created_by",
        "created_at",
        "finished_at",
        "status",
        "duplicate_policy",
        "dry_run",
        "total_rows",
        "new_count",
        "updated_count",
        "unchanged_count",
        "skipped_count",
        "duplicate_in_file_count",
        "invalid_count",
        "failure_message",
    ]
    form_fields = []

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "edit_url_name": None, "delete_url_name": None, **kwargs}
        )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            # Previews (dry runs) are steps of the wizard, not imports.
            queryset=ImportBatch.objects.filter(dry_run=False).select_related(
                "engagement__office__region"
            ),
            **kwargs,
        )

    @property
    def url_finder_class(self):
        return type(
            "ImportBatchURLFinder",
            (InspectURLFinder,),
            {"edit_url_name": self.get_url_name("inspect")},
        )

    def get_urlpatterns(self):
        keep = {"index", "index_results", "inspect", "history", "history_results"}
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in keep]


class PartnershipsViewSetGroup(SnippetViewSetGroup):
    """One menu for program staff."""

    menu_label = _("Partnerships")
    menu_icon = "group"
    menu_order = 250
    items = (
        EngagementViewSet,
        ActionItemViewSet,
        CouncilViewSet,
        SurveyViewSet,
        PersonViewSet,
        ParticipationViewSet,
        ImportBatchViewSet,
        ImportMappingViewSet,
        RegionViewSet,
        OfficeViewSet,
    )
