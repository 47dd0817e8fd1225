"""Admin forms whose choices are limited to the user's regions.

Every region-owned model offered in a select or chooser (an engagement, a person,
a council, a breakout group, a concern) is narrowed by ``access.scope_queryset``, so
a posted id from another region fails validation just as it is absent from the list.
A person offered for a row of an engagement (a participation, a council seat, a
facilitated group) is, besides, one of that engagement's region.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel
from wagtail.admin.panels.base import get_form_for_model
from wagtail.snippets.widgets import AdminSnippetChooser

from ..access import (
    is_region_owned,
    offices_for_user,
    regions_for_user,
    scope_queryset,
    sees_all_regions,
)
from ..merging import KEEP_DUPLICATE, KEEP_SURVIVOR, MERGE_FIELDS, MergeRefused, check_mergeable
from ..models import Engagement, Office, Person
from ..models.scoping import related_or_none
from ..widgets import limit_chooser_to_queryset

# Child rows whose choices also belong to the same engagement as the row itself.
SAME_ENGAGEMENT_FIELDS = {"breakout_group", "solution_group", "concern", "council"}


def engagement_of(instance):
    """The engagement a row belongs to, directly or through its council, if known."""
    engagement = related_or_none(instance, "engagement")
    if engagement is None and (council := related_or_none(instance, "council")) is not None:
        engagement = related_or_none(council, "engagement")
    return engagement


def limit_choices_to_user(form, user):
    """Narrow each model choice field of ``form`` to what ``user`` may see."""
    engagement_id = getattr(form.instance, "engagement_id", None)
    engagement = engagement_of(form.instance)
    for name, field in form.fields.items():
        queryset = getattr(field, "queryset", None)
        if queryset is None:
            continue
        if queryset.model is Office and form._meta.model is Engagement:
            field.queryset = queryset & offices_for_user(user)
        elif is_region_owned(queryset.model):
            queryset = scope_queryset(user, queryset)
            if name in SAME_ENGAGEMENT_FIELDS and engagement_id:
                queryset = queryset.filter(engagement_id=engagement_id)
            if queryset.model is Person and engagement is not None and engagement.office_id:
                queryset = queryset.in_region(engagement.office.region)
            field.queryset = queryset
            if hasattr(field.widget, "get_instance"):
                limit_chooser_to_queryset(field.widget, queryset)


class RegionScopedAdminForm(WagtailAdminModelForm):
    """The base form of every staff admin form: choices limited to the user's regions."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_choices_to_user(self, self.for_user)

    def clean(self):
        cleaned_data = super().clean()
        engagement = cleaned_data.get("engagement")
        engagement_id = (
            engagement.pk if engagement else getattr(self.instance, "engagement_id", None)
        )
        for name in SAME_ENGAGEMENT_FIELDS & set(self.fields):
            chosen = cleaned_data.get(name)
            if chosen is not None and engagement_id and chosen.engagement_id != engagement_id:
                self.add_error(name, _("Choose one from the same engagement."))
        return cleaned_data


class RegionScopedInlinePanel(InlinePanel):
    """An ``InlinePanel`` whose child forms are region-scoped too."""

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        formset["inherit_kwargs"] = ["for_user"]
        formset["form"] = get_form_for_model(
            self.db_field.related_model,
            form_class=RegionScopedAdminForm,
            fields=formset.get("fields", []),
            widgets=formset.get("widgets", {}),
            defer_required_on_fields=(
                self.child_edit_handler.get_form_options().get("defer_required_on_fields", [])
            ),
        )
        return options


class EngagementAdminForm(RegionScopedAdminForm):
    """Engagement form: remembers the stage it started from and ranks concerns on save."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial_stage = self.instance.stage if self.instance.pk else None

    @property
    def stage_changed(self) -> bool:
        return self.initial_stage is not None and self.initial_stage != self.instance.stage

    def save(self, commit=True):
        engagement = super().save(commit=commit)
        if commit:
            engagement.rank_concerns()
        return engagement


class PersonAdminForm(RegionScopedAdminForm):
    """Person form: the owning region is one of the user's, and fixed once linked."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("region")
        if field is None:
            return
        regions = regions_for_user(self.for_user)
        field.queryset = regions
        field.required = not sees_all_regions(self.for_user)
        if self.instance.pk is None and len(regions[:2]) == 1:
            self.initial.setdefault("region", regions.get().pk)
        if self.instance.pk and self.instance.has_links():
            field.disabled = True
            field.help_text = _("Fixed while this person takes part in engagements.")


class MergePeopleForm(forms.Form):
    """Choose the person to keep and the duplicate to merge into them, then, for each
    field, whose value to keep (the review step)."""

    survivor = forms.ModelChoiceField(queryset=None, label=_("Keep this person"))
    duplicate = forms.ModelChoiceField(
        queryset=None,
        label=_("Merge and remove this duplicate"),
        help_text=_("Their participations and council seats move to the person kept."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        people = Person.objects.for_user(user)
        for name in ("survivor", "duplicate"):
            field = self.fields[name]
            field.queryset = people
            field.widget = AdminSnippetChooser(Person)
            limit_chooser_to_queryset(field.widget, people)
        for name in MERGE_FIELDS:
            self.fields[f"keep_{name}"] = forms.ChoiceField(
                choices=[(KEEP_SURVIVOR, KEEP_SURVIVOR), (KEEP_DUPLICATE, KEEP_DUPLICATE)],
                required=False,
                widget=forms.RadioSelect,
            )

    def clean(self):
        cleaned = super().clean()
        survivor, duplicate = cleaned.get("survivor"), cleaned.get("duplicate")
        if survivor and duplicate:
            try:
                check_mergeable(survivor, duplicate)
            except MergeRefused as error:
                raise forms.ValidationError(str(error)) from None
        return cleaned

    @property
    def chooser_fields(self):
        return [self["survivor"], self["duplicate"]]

    def keep_choices(self) -> dict:
        """The fields staff chose a value for (others keep the default)."""
        return {
            name: self.cleaned_data[f"keep_{name}"]
            for name in MERGE_FIELDS
            if self.cleaned_data.get(f"keep_{name}")
        }
