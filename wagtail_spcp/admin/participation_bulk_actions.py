"""Bulk actions of the participation listing: set the status, set the role, assign a
breakout group. Region-scoped like the bulk delete (``bulk_actions``), and each change
recorded in the audit log on the participation it changed.
"""

from django import forms
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.log_actions import LogFormatter, log

from ..choices import ParticipationRole, ParticipationStatus
from ..models import BreakoutGroup, Participation
from .bulk_actions import RegionScopedBulkActionMixin

ACTION_BULK_EDIT = "wagtail_spcp.participation.bulk_edit"


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ParticipationStatus.choices)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=ParticipationRole.choices)


class BreakoutGroupForm(forms.Form):
    """A group of the one engagement every selected participation belongs to."""

    breakout_group = forms.ModelChoiceField(
        label=_("Breakout group"),
        queryset=BreakoutGroup.objects.none(),
        required=False,
        empty_label=_("No group"),
    )

    def __init__(self, *args, engagement_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.engagement_ids = set(engagement_ids)
        field = self.fields["breakout_group"]
        if len(self.engagement_ids) == 1:
            field.queryset = BreakoutGroup.objects.filter(engagement_id__in=self.engagement_ids)
        else:
            field.help_text = _(
                "The selected people take part in more than one engagement: select "
                "participations of one engagement to assign them a group."
            )

    def clean(self):
        cleaned = super().clean()
        if len(self.engagement_ids) > 1:
            raise forms.ValidationError(
                _("Select participations of one engagement to assign a breakout group.")
            )
        return cleaned


class ParticipationBulkAction(RegionScopedBulkActionMixin):
    """Changes one field of the selected participations of the user's regions."""

    models = [Participation]
    field_name = ""
    template_name = "wagtail_spcp/admin/participation_bulk_action.html"
    action_priority = 20

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )

    def get_value(self):
        return self.cleaned_form.cleaned_data[self.field_name]

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "user": self.request.user,
            "value": self.get_value(),
        }

    @classmethod
    def execute_action(cls, objects, user=None, value=None, **kwargs):
        field = cls.field_name
        attname = Participation._meta.get_field(field).attname
        stored = value.pk if isinstance(value, BreakoutGroup) else value
        now = timezone.now()
        changed = []
        for participation in objects:
            before = getattr(participation, attname)
            if before == stored:
                continue
            setattr(participation, attname, stored)
            participation.updated_at = now
            changed.append(participation)
            log(
                instance=participation,
                action=ACTION_BULK_EDIT,
                user=user,
                data={"field": field, "from": before, "to": stored},
            )
        Participation.objects.bulk_update(changed, [attname, "updated_at"])
        return len(changed), 0

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_label": self.display_name}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d participation changed.",
            "%(count)d participations changed.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class SetStatusBulkAction(ParticipationBulkAction):
    display_name = _("Set status")
    action_type = "set_status"
    aria_label = _("Set the status of the selected participations")
    form_class = StatusForm
    field_name = "status"


class SetRoleBulkAction(ParticipationBulkAction):
    display_name = _("Set role")
    action_type = "set_role"
    aria_label = _("Set the role of the selected participations")
    form_class = RoleForm
    field_name = "role"


class AssignBreakoutGroupBulkAction(ParticipationBulkAction):
    display_name = _("Assign breakout group")
    action_type = "assign_breakout_group"
    aria_label = _("Assign the selected participations to a breakout group")
    form_class = BreakoutGroupForm
    field_name = "breakout_group"

    @cached_property
    def selected_engagement_ids(self):
        objects, _extra = self.get_actionable_objects()
        return {participation.engagement_id for participation in objects}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "engagement_ids": self.selected_engagement_ids}


class BulkEditFormatter(LogFormatter):
    label = _("Bulk edit")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("%(field)s changed in bulk from “%(from)s” to “%(to)s”") % {
            "field": field_label(data.get("field", "status")),
            "from": data.get("from") or "–",
            "to": data.get("to") or "–",
        }


def field_label(name) -> str:
    return capfirst(Participation._meta.get_field(name).verbose_name)


def register_log_actions(actions):
    """Hook body for ``register_log_actions``."""
    actions.register_action(ACTION_BULK_EDIT)(BulkEditFormatter)
