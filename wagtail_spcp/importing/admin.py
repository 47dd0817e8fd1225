"""What the importer adds to the Wagtail admin; registered from ``wagtail_spcp.wagtail_hooks``."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem

from .batches import ACTION_EXPORT, ACTION_IMPORT, ACTION_UNDO


def register_log_actions(actions):
    actions.register_action(ACTION_IMPORT, _("Import participants"), _("Imported participants"))
    actions.register_action(ACTION_UNDO, _("Undo import"), _("Undid an import of participants"))
    actions.register_action(ACTION_EXPORT, _("Export participants"), _("Exported participants"))


def register_admin_urls():
    from . import urls

    return [path("spcp/imports/", include(urls, namespace="wagtail_spcp_importing"))]


class ImportsMenuItem(MenuItem):
    def is_shown(self, request):
        from ..access import engagements_for_user

        return engagements_for_user(request.user).exists()


def register_menu_item():
    return ImportsMenuItem(
        _("Imports"),
        reverse("wagtail_spcp_importing:batches"),
        name="spcp-imports",
        icon_name="upload",
        order=650,
    )
