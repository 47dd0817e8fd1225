"""Listing filters. Only public data (regions, offices, programs) and choice lists are offered."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

import django_filters

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
from .overdue import overdue_action_items


def region_filter(lookup):
    return django_filters.ModelChoiceFilter(
        field_name=lookup, queryset=Region.objects.all(), label=_("Region")
    )


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

    class Meta:
        model = Person
        fields = ["region", "sector", "consent_to_contact"]


class ParticipationFilterSet(WagtailFilterSet):
    region = region_filter("engagement__office__region")
    role = django_filters.ChoiceFilter(choices=ParticipationRole.choices, label=_("Role"))
    status = django_filters.ChoiceFilter(choices=ParticipationStatus.choices, label=_("Status"))

    class Meta:
        model = Participation
        fields = ["region", "role", "status"]


class ImportBatchFilterSet(WagtailFilterSet):
    region = region_filter("engagement__office__region")
    status = django_filters.ChoiceFilter(choices=ImportStatus.choices, label=_("Status"))

    class Meta:
        model = ImportBatch
        fields = ["region", "status"]
