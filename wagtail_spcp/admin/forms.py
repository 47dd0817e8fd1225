"""Admin forms whose choices are limited to the user's regions.

Every region-scoped model offered in a select or chooser (an engagement, a person,
a council, a breakout group, a concern) is narrowed by ``access.scope_queryset``, so
a posted id from another region fails validation just as it is absent from the list.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel
from wagtail.admin.panels.base import get_form_for_model

from ..access import is_region_scoped, offices_for_user, scope_queryset
from ..models import Engagement, Office

# Child rows whose choices also belong to the same engagement as the row itself.
SAME_ENGAGEMENT_FIELDS = {"breakout_group", "concern", "council"}


def limit_chooser_to_queryset(widget, queryset):
    """Make a chooser widget show nothing for an id outside ``queryset``.

    A chooser renders the title of whatever id it is given, so an id of another
    region posted back into an invalid form would otherwise be echoed by name.
    """
    find_instance = widget.get_instance

    def get_instance(value):
        instance = find_instance(value)
        if instance is not None and not queryset.filter(pk=instance.pk).exists():
            return None
        return instance

    widget.get_instance = get_instance


def limit_choices_to_user(form, user):
    """Narrow each model choice field of ``form`` to what ``user`` may see."""
    engagement_id = getattr(form.instance, "engagement_id", None)
    for name, field in form.fields.items():
        queryset = getattr(field, "queryset", None)
        if queryset is None:
            continue
        if queryset.model is Office and form._meta.model is Engagement:
            field.queryset = queryset & offices_for_user(user)
        elif is_region_scoped(queryset.model):
            queryset = scope_queryset(user, queryset)
            if name in SAME_ENGAGEMENT_FIELDS and engagement_id:
                queryset = queryset.filter(engagement_id=engagement_id)
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


class MergePeopleForm(forms.Form):
    """Choose the person to keep and the duplicate to merge into them."""

    survivor = forms.ModelChoiceField(queryset=None, label=_("Keep this person"))
    duplicate = forms.ModelChoiceField(
        queryset=None,
        label=_("Merge and remove this duplicate"),
        help_text=_("Their participations and council seats move to the person kept."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from ..models import Person

        people = scope_queryset(user, Person.objects.all())
        self.fields["survivor"].queryset = people
        self.fields["duplicate"].queryset = people

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("survivor") and cleaned.get("survivor") == cleaned.get("duplicate"):
            raise forms.ValidationError(_("Choose two different people."))
        return cleaned
