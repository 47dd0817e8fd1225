"""Listing filters: public data (regions, offices, programs), choice lists, and the
engagements and import batches of the user's own regions."""

from django import forms
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.widgets import AdminSnippetChooser

import django_filters

from ..access import engagements_for_user
from ..choices import (
    ActionItemStatus,
    CouncilStatus,
    EngagementOrigin,
    EngagementStage,
    ImportStatus,
    ParticipationRole,
    ParticipationStatus,
    Sector,
)
from ..importing.batches import participations_of_batch, people_of_batch
from ..models import (
    ActionItem,
    Council,
    Engagement,
    ImportBatch,
    Office,
    Participation,
    Person,
    ProgramPage,
    Region,
)
from ..widgets import limit_chooser_to_queryset
from .overdue import overdue_action_items


def region_filter(lookup):
    return django_filters.ModelChoiceFilter(
        field_name=lookup, queryset=Region.objects.all(), label=_("Region")
    )


def visible_engagements(request):
    """The engagements the requesting user may see, to filter by."""
    if request is None:
        return Engagement.objects.none()
    return engagements_for_user(request.user).order_by("title")


def visible_import_batches(request):
    """The imports (not previews) the requesting user may see, newest first."""
    if request is None:
        return ImportBatch.objects.none()
    return (
        ImportBatch.objects.for_user(request.user)
        .filter(dry_run=False)
        .select_related("engagement")
        .order_by("-created_at", "-pk")
    )


def import_batch_label(batch) -> str:
    """“signups.xlsx — Mar. 3, 2026, 2:05 p.m. (Riverton 2026)”."""
    return _("%(file)s — %(date)s (%(engagement)s)") % {
        "file": batch.file_name,
        "date": date_format(localtime(batch.created_at), "DATETIME_FORMAT"),
        "engagement": batch.engagement,
    }


class ImportBatchChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return import_batch_label(obj)


class ImportBatchFilter(django_filters.ModelChoiceFilter):
    """An import of the user's regions; ``method`` says what it brought into the listing."""

    field_class = ImportBatchChoiceField

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", visible_import_batches)
        kwargs.setdefault("label", _("Import"))
        super().__init__(**kwargs)


class EngagementFilter(django_filters.ModelChoiceFilter):
    """An engagement of the user's regions, picked with the engagement chooser.

    A region may hold hundreds of engagements: a chooser (searchable, paginated) keeps the
    listing page small where a drop-down would list every one of them.
    """

    @property
    def field(self):
        field = super().field
        if not isinstance(field.widget, AdminSnippetChooser):
            field.widget = AdminSnippetChooser(Engagement)
            limit_chooser_to_queryset(field.widget, field.queryset)
        return field


def engagement_filter(**kwargs):
    kwargs.setdefault("queryset", visible_engagements)
    kwargs.setdefault("label", _("Engagement"))
    return EngagementFilter(**kwargs)


class OfficeFilterSet(WagtailFilterSet):
    region = region_filter("region")

    class Meta:
        model = Office
        fields = ["region", "kind"]


class EngagementFilterSet(WagtailFilterSet):
    region = region_filter("office__region")
    office = django_filters.ModelChoiceFilter(queryset=Office.objects.all(), label=_("Office"))
    program = django_filters.ModelChoiceFilter(
        queryset=ProgramPage.objects.order_by("title"), label=_("Program")
    )
    stage = django_filters.ChoiceFilter(choices=EngagementStage.choices, label=_("Stage"))
    origin = django_filters.ChoiceFilter(choices=EngagementOrigin.choices, label=_("Origin"))

    class Meta:
        model = Engagement
        fields = ["region", "office", "program", "stage", "origin"]


class ActionItemFilterSet(WagtailFilterSet):
    region = region_filter("engagement__office__region")
    status = django_filters.ChoiceFilter(choices=ActionItemStatus.choices, label=_("Status"))
    overdue = django_filters.BooleanFilter(
        label=_("Overdue"), method="filter_overdue", widget=forms.CheckboxInput
    )

    class Meta:
        model = ActionItem
        fields = ["region", "status", "overdue"]

    def filter_overdue(self, queryset, name, value):
        if not value:
            return queryset
        return overdue_action_items(queryset)


class CouncilFilterSet(WagtailFilterSet):
    region = region_filter("engagement__office__region")
    status = django_filters.ChoiceFilter(choices=CouncilStatus.choices, label=_("Status"))

    class Meta:
        model = Council
        fields = ["region", "status", "is_public"]


class PersonFilterSet(WagtailFilterSet):
    region = region_filter("region")
    sector = django_filters.ChoiceFilter(choices=Sector.choices, label=_("Sector"))
    engagement = engagement_filter(method="filter_engagement")
    import_batch = ImportBatchFilter(method="filter_import_batch")

    class Meta:
        model = Person
        fields = ["region", "sector", "consent_to_contact", "engagement", "import_batch"]

    def filter_engagement(self, queryset, name, value):
        """People taking part in the engagement."""
        if not value:
            return queryset
        return queryset.filter(
            pk__in=Participation.objects.filter(engagement=value).values("person_id")
        )

    def filter_import_batch(self, queryset, name, value):
        """People the import brought in or updated, or whose participation it did."""
        if not value:
            return queryset
        return queryset.filter(people_of_batch(value))


class ParticipationFilterSet(WagtailFilterSet):
    region = region_filter("engagement__office__region")
    role = django_filters.ChoiceFilter(choices=ParticipationRole.choices, label=_("Role"))
    status = django_filters.ChoiceFilter(choices=ParticipationStatus.choices, label=_("Status"))
    engagement = engagement_filter()
    walk_in = django_filters.BooleanFilter(label=_("Walk-in"))
    import_batch = ImportBatchFilter(method="filter_import_batch")

    class Meta:
        model = Participation
        fields = ["region", "engagement", "role", "status", "walk_in", "import_batch"]

    def filter_import_batch(self, queryset, name, value):
        """Participations the import created or updated."""
        if not value:
            return queryset
        return queryset.filter(participations_of_batch(value))


class ImportBatchFilterSet(WagtailFilterSet):
    region = region_filter("engagement__office__region")
    status = django_filters.ChoiceFilter(choices=ImportStatus.choices, label=_("Status"))

    class Meta:
        model = ImportBatch
        fields = ["region", "status"]
