"""The staff admin menu: regions and offices, engagements, councils, people and imports.

Confidential models use region-scoped views and choosers (``views.py``) and are
searched with the ORM (``search_backend_name = None``), never Wagtail's search index.
"""

from django import forms
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ..importing.exporting import CONTENT_TYPES, export_people
from ..models import (
    ActionItem,
    Council,
    Engagement,
    ImportBatch,
    Office,
    Participation,
    Person,
    Region,
    Survey,
    SurveyResponse,
)
from . import filters, views
from .columns import CountColumn, DueDateColumn, RegionColumn, StageColumn
from .duplicates import DuplicateScanView
from .engagement_hub import EngagementHubEditView, EngagementHubInspectView, EngagementIndexView
from .forms import (
    EngagementAdminForm,
    PersonAdminForm,
    RegionScopedAdminForm,
    RegionScopedInlinePanel,
)
from .merge import MergePeopleView, PersonHistoryView, UndoMergeView
from .people_search import PersonSearchMixin
from .person_chooser import PersonChooserViewSet
from .saved_mappings import ImportMappingViewSet
from .surveys import SurveyCreateView, SurveyEditView, SurveyIndexView, SurveyInspectView


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


def count_of(model, link):
    """The number of ``model`` rows linking to each listed row, counted for the rows shown
    only (a correlated subquery), not by grouping the whole table before paging."""
    rows = model.objects.filter(**{link: OuterRef("pk")}).order_by().values(link)
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)


class RegionScopedViewSet(SnippetViewSet):
    """A snippet viewset whose views, chooser and bulk actions see only the user's regions."""

    index_view_class = views.RegionScopedIndexView
    edit_view_class = views.RegionScopedEditView
    delete_view_class = views.RegionScopedDeleteView
    history_view_class = views.RegionScopedHistoryView
    usage_view_class = views.RegionScopedUsageView
    inspect_view_class = views.RegionScopedInspectView
    chooser_viewset_class = views.RegionScopedChooserViewSet
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False


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


class SurveyViewSet(RegionScopedViewSet):
    """Pulse surveys: the public title, the waves' dates, the questions in two languages."""

    model = Survey
    icon = "form"
    menu_label = _("Surveys")
    index_view_class = SurveyIndexView
    add_view_class = SurveyCreateView
    edit_view_class = SurveyEditView
    inspect_view_class = SurveyInspectView
    list_display = [
        "public_title",
        Column("engagement", label=_("Engagement"), sort_key="engagement__title"),
        RegionColumn(lookup="engagement__office__region"),
        CountColumn("response_count", label=_("Responses")),
    ]
    search_fields = ["public_title", "engagement__title"]
    inspect_view_fields = [
        "engagement",
        "public_title",
        "before_opens_on",
        "before_closes_on",
        "after_opens_on",
        "after_closes_on",
        "comment_question_en",
        "comment_question_es",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("engagement"),
            FieldPanel("public_title"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("before_opens_on"), FieldPanel("before_closes_on")]),
                    FieldRowPanel([FieldPanel("after_opens_on"), FieldPanel("after_closes_on")]),
                ],
                heading=_("Open and close"),
                help_text=_(
                    "Each wave takes answers from its opening day to its closing day, both "
                    "included. A wave with no opening day is not open."
                ),
            ),
            RegionScopedInlinePanel(
                "questions",
                panels=[
                    FieldPanel("dimension"),
                    FieldPanel("text_en"),
                    FieldPanel("text_es"),
                ],
                heading=_("Five-point questions"),
                label=_("Question"),
                help_text=_(
                    "Answered from “strongly disagree” to “strongly agree”. A new survey "
                    "saved with no questions starts with five suggested ones on trust, "
                    "fairness, voice and respect. Removing a question removes its answers."
                ),
            ),
            FieldRowPanel([FieldPanel("comment_question_en"), FieldPanel("comment_question_es")]),
        ],
        base_form_class=RegionScopedAdminForm,
    )

    def get_queryset(self, request):
        return Survey.objects.select_related("engagement__office__region").annotate(
            response_count=count_of(SurveyResponse, "survey")
        )


class PersonIndexView(PersonSearchMixin, views.ParticipantDataIndexView):
    """People listing with a header button and row actions to merge duplicates.

    Its spreadsheet export goes through the importer's ``PersonResource``, so the file
    imports back unchanged; the shared export mixin checks the permission and logs it.
    """

    merge_url_name = None
    duplicates_url_name = None

    def write_spreadsheet(self, queryset, spreadsheet_format):
        data = export_people(queryset, spreadsheet_format)
        response = HttpResponse(data, content_type=CONTENT_TYPES[spreadsheet_format])
        response["Content-Disposition"] = f'attachment; filename="people.{spreadsheet_format}"'
        return response

    def can_merge(self):
        return bool(self.merge_url_name) and self.user_has_permission("delete")

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.duplicates_url_name and self.user_has_permission("change"):
            buttons.append(
                HeaderButton(
                    label=_("Find duplicates"),
                    url=reverse(self.duplicates_url_name),
                    icon_name="search",
                )
            )
        if self.can_merge():
            buttons.append(
                HeaderButton(
                    label=_("Merge duplicates"),
                    url=reverse(self.merge_url_name),
                    icon_name="resubmit",
                )
            )
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if self.can_merge():
            buttons.append(
                MenuItem(
                    _("Merge a duplicate into this person"),
                    url=f"{reverse(self.merge_url_name)}?{urlencode({'survivor': instance.pk})}",
                    icon_name="resubmit",
                    priority=50,
                )
            )
        return buttons


class PersonViewSet(RegionScopedViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    index_view_class = PersonIndexView
    chooser_viewset_class = PersonChooserViewSet
    history_view_class = PersonHistoryView
    list_display = [
        "full_name",
        "email",
        "organisation",
        RegionColumn(lookup="region"),
        "sector",
        CountColumn("participation_count", label=_("Participations")),
        DateColumn(
            "updated_at",
            label=pgettext_lazy("date of the last change", "Updated"),
            sort_key="updated_at",
        ),
    ]
    list_export = ["first_name", "last_name", "email", "phone", "organisation", "sector"]
    # The alternates kept by merges are shown here; the search keys never are.
    inspect_view_fields = [
        "region",
        "first_name",
        "last_name",
        "email",
        "alternate_emails",
        "phone",
        "alternate_phones",
        "organisation",
        "sector",
        "zip_code",
        "preferred_language",
        "consent_to_contact",
        "created_at",
        "updated_at",
    ]
    filterset_class = filters.PersonFilterSet
    search_fields = ["first_name", "last_name", "email", "phone", "organisation"]
    edit_handler = ObjectList(
        [
            FieldPanel("region", widget=forms.Select),
            FieldRowPanel([FieldPanel("first_name"), FieldPanel("last_name")]),
            FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
            FieldRowPanel([FieldPanel("organisation"), FieldPanel("sector")]),
            FieldRowPanel([FieldPanel("zip_code"), FieldPanel("preferred_language")]),
            FieldPanel("consent_to_contact"),
        ],
        base_form_class=PersonAdminForm,
    )

    def get_queryset(self, request):
        # Every participation of a person is in the person's own region.
        return Person.objects.select_related("region").annotate(
            participation_count=count_of(Participation, "person")
        )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            merge_url_name=self.get_url_name("merge"),
            duplicates_url_name=self.get_url_name("duplicates"),
            **kwargs,
        )

    def get_history_view_kwargs(self, **kwargs):
        return super().get_history_view_kwargs(
            undo_url_name=self.get_url_name("merge_undo"), **kwargs
        )

    @property
    def merge_view(self):
        return self.construct_view(
            MergePeopleView,
            index_url_name=self.get_url_name("list"),
            edit_url_name=self.get_url_name("edit"),
            undo_url_name=self.get_url_name("merge_undo"),
        )

    @property
    def duplicates_view(self):
        return self.construct_view(
            DuplicateScanView,
            index_url_name=self.get_url_name("list"),
            merge_url_name=self.get_url_name("merge"),
            edit_url_name=self.get_url_name("edit"),
        )

    @property
    def merge_undo_view(self):
        return self.construct_view(UndoMergeView, edit_url_name=self.get_url_name("edit"))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("merge/", self.merge_view, name="merge"),
            path("merge/undo/<int:entry_id>/", self.merge_undo_view, name="merge_undo"),
            path("duplicates/", self.duplicates_view, name="duplicates"),
        ]


class ParticipationViewSet(RegionScopedViewSet):
    model = Participation
    icon = "list-ul"
    index_view_class = views.ParticipationIndexView
    menu_label = _("Participations")
    list_display = [
        Column("person", label=_("Person"), sort_key="person__last_name"),
        Column("engagement", label=_("Engagement"), sort_key="engagement__title"),
        RegionColumn(lookup="engagement__office__region"),
        "role",
        "status",
    ]
    list_export = [
        "person",
        "engagement",
        "role",
        "status",
        "walk_in",
        "breakout_group",
        "solution_group",
    ]
    filterset_class = filters.ParticipationFilterSet
    search_fields = ["person__first_name", "person__last_name", "person__email"]
    edit_handler = ObjectList(
        [
            FieldPanel("person"),
            FieldPanel("engagement"),
            FieldRowPanel([FieldPanel("role"), FieldPanel("status")]),
            FieldPanel("walk_in"),
            FieldRowPanel(
                [
                    FieldPanel("breakout_group", widget=forms.Select),
                    FieldPanel("solution_group", widget=forms.Select),
                ]
            ),
        ],
        base_form_class=RegionScopedAdminForm,
    )

    def get_queryset(self, request):
        return Participation.objects.select_related("person", "engagement__office__region")


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
