"""People and participations in the staff admin: listings, exports, merge and the duplicate scan."""

from django import forms
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    ObjectList,
)
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets import HeaderButton

from ..importing.exporting import CONTENT_TYPES, export_people
from ..models import (
    Participation,
    Person,
)
from . import filters, views
from .columns import CountColumn, RegionColumn
from .duplicates import DuplicateScanView
from .forms import (
    PersonAdminForm,
    RegionScopedAdminForm,
)
from .merge import MergePeopleView, PersonHistoryView, UndoMergeView
from .people_search import PersonSearchMixin
from .person_chooser import PersonChooserViewSet
from .region_scoped import RegionScopedViewSet, count_of


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
