"""Audit log actions of the staff admin, recorded with Wagtail's ``log()``."""

from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import LogFormatter, log

from ..choices import EngagementStage
from ..models import RegionScopedLogEntry
from ..models.scoping import region_owned_models

STAGE_CHANGE = "wagtail_spcp.engagement.stage"
PERSON_MERGE = "wagtail_spcp.person.merge"


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
        return _(
            "Merged duplicate #%(duplicate)s: %(participations)s participations "
            "and %(memberships)s council seats moved"
        ) % {
            "duplicate": data.get("duplicate_id"),
            "participations": data.get("participations_moved", 0),
            "memberships": data.get("memberships_moved", 0),
        }


def register_log_actions(actions):
    """Hook body for ``register_log_actions``: confidential models log to their own model."""
    for model in region_owned_models():
        actions.register_model(model, RegionScopedLogEntry)
    actions.register_action(STAGE_CHANGE)(StageChangeFormatter)
    actions.register_action(PERSON_MERGE)(PersonMergeFormatter)


def log_stage_change(engagement, old_stage, user):
    """Record who moved ``engagement`` from ``old_stage`` to its current stage, and when."""
    return log(
        instance=engagement,
        action=STAGE_CHANGE,
        user=user,
        data={"from": old_stage, "to": engagement.stage},
    )
