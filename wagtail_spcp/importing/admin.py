"""What the importer adds to the Wagtail admin; registered from ``wagtail_spcp.wagtail_hooks``."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from ..models import ImportMapping, RegionScopedLogEntry
from .batches import ACTION_EXPORT, ACTION_IMPORT, ACTION_UNDO


def register_log_actions(actions):
    # Saved mappings log with the region that owns them.
    actions.register_model(ImportMapping, RegionScopedLogEntry)
    actions.register_action(ACTION_IMPORT, _("Import participants"), _("Imported participants"))
    actions.register_action(ACTION_UNDO, _("Undo import"), _("Undid an import of participants"))
    actions.register_action(ACTION_EXPORT, _("Export participants"), _("Exported participants"))


def register_admin_urls():
    return [
        path(
            "spcp/imports/",
            include("wagtail_spcp.importing.urls", namespace="wagtail_spcp_importing"),
        )
    ]
