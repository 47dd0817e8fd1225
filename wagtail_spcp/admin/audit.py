"""Audit log actions of the staff admin, recorded with Wagtail's ``log()``."""

from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import LogFormatter, log

from ..choices import EngagementStage
from ..merging import PERSON_MERGE, PERSON_MERGE_UNDO
from ..models import Person, RegionScopedLogEntry
from ..models.scoping import region_owned_models

STAGE_CHANGE = "wagtail_spcp.engagement.stage"
NOT_DUPLICATE = "wagtail_spcp.person.not_duplicate"


def stage_label(value) -> str:
    try:
        return str(EngagementStage(value).label)
    except ValueError:
        return str(value)


class StageChangeFormatter(LogFormatter):
    label = _("Change stage")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Stage changed from “%(old)s” to “%(new)s”") % {
            "old": stage_label(data.get("from")),
            "new": stage_label(data.get("to")),
        }


class PersonMergeFormatter(LogFormatter):
    label = _("Merge duplicate")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        message = _(
            "Merged duplicate #%(duplicate)s: %(participations)s participations "
            "and %(memberships)s council seats moved"
        ) % {
            "duplicate": data.get("duplicate_id"),
            "participations": data.get("participations_moved", 0),
            "memberships": data.get("memberships_moved", 0),
        }
        set_aside = data.get("set_aside") or {}
        if set_aside:
            values = "; ".join(
                f"{Person._meta.get_field(name).verbose_name}: {value}"
                for name, value in set_aside.items()
            )
            message += " " + _("Values not kept: %(values)s") % {"values": values}
        if data.get("undone"):
            message += " " + _("(undone)")
        return message


class PersonMergeUndoFormatter(LogFormatter):
    label = _("Undo merge")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Merge undone: duplicate #%(duplicate)s restored") % {
            "duplicate": data.get("duplicate_id")
        }


class NotDuplicateFormatter(LogFormatter):
    label = _("Mark as not a duplicate")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Marked as a different person from #%(other)s") % {"other": data.get("other_id")}


def register_log_actions(actions):
    """Hook body for ``register_log_actions``: confidential models log to their own model."""
    for model in region_owned_models():
        actions.register_model(model, RegionScopedLogEntry)
    actions.register_action(STAGE_CHANGE)(StageChangeFormatter)
    actions.register_action(PERSON_MERGE)(PersonMergeFormatter)
    actions.register_action(PERSON_MERGE_UNDO)(PersonMergeUndoFormatter)
    actions.register_action(NOT_DUPLICATE)(NotDuplicateFormatter)


def log_stage_change(engagement, old_stage, user):
    """Record who moved ``engagement`` from ``old_stage`` to its current stage, and when."""
    return log(
        instance=engagement,
        action=STAGE_CHANGE,
        user=user,
        data={"from": old_stage, "to": engagement.stage},
    )
