"""Registrations with Wagtail's admin. Logic lives in the modules imported here."""

from django.urls import include, path

from wagtail import hooks

# --- Staff admin (wagtail_spcp.admin): menu, dashboard panel, audit log actions ---
from .admin import (
    audit,
    checkin,
    groups,
    participation_bulk_actions,
    reports,
    seating,
    surveys,
    walk_in,
)
from .admin.bulk_actions import RegionScopedDeleteBulkAction
from .admin.dashboard import PartnershipsDashboardPanel
from .admin.viewsets import PartnershipsViewSetGroup

# --- Participant import and export (wagtail_spcp.importing): wizard URLs, log actions ---
from .importing import admin as importing_admin


@hooks.register("register_admin_viewset")
def register_partnerships_viewsets():
    return PartnershipsViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_partnerships_dashboard_panel(request, panels):
    panels.append(PartnershipsDashboardPanel(request))


@hooks.register("register_log_actions")
def register_partnerships_log_actions(actions):
    audit.register_log_actions(actions)


# Registered after wagtail.snippets' own delete action so that it replaces it for these models.
hooks.register("register_bulk_action", RegionScopedDeleteBulkAction, order=100)

# --- Program day: check-in at the door, bulk changes of participations ---
hooks.register("register_log_actions", walk_in.register_log_actions)
hooks.register("register_log_actions", participation_bulk_actions.register_log_actions)
hooks.register("register_bulk_action", participation_bulk_actions.SetStatusBulkAction)
hooks.register("register_bulk_action", participation_bulk_actions.SetRoleBulkAction)
hooks.register("register_bulk_action", participation_bulk_actions.AssignBreakoutGroupBulkAction)


@hooks.register("register_admin_urls")
def register_checkin_urls():
    return [path("spcp/checkin/", include((checkin.urlpatterns, checkin.app_name)))]


# --- Program day: sector and mixed groups; after it, the program report ---
hooks.register("register_log_actions", seating.register_log_actions)
hooks.register("register_log_actions", reports.register_log_actions)


@hooks.register("register_admin_urls")
def register_groups_and_report_urls():
    return [
        path("spcp/groups/", include((groups.urlpatterns, groups.app_name))),
        path("spcp/report/", include((reports.urlpatterns, reports.app_name))),
    ]


@hooks.register("register_admin_urls")
def register_survey_urls():
    return [path("spcp/surveys/", include((surveys.urlpatterns, surveys.app_name)))]


# --- End of staff admin ---


# --- Participant import and export ---
hooks.register("register_log_actions", importing_admin.register_log_actions)
hooks.register("register_admin_urls", importing_admin.register_admin_urls)
# --- End of participant import and export ---


# --- Public forms: program requests and program-day registration ---
from .admin import registration_viewset, requests  # noqa: E402
from .public_forms import intake, signups  # noqa: E402

hooks.register("register_log_actions", intake.register_log_actions)
hooks.register("register_log_actions", signups.register_log_actions)
hooks.register("register_admin_urls", requests.register_admin_urls)
hooks.register("register_admin_menu_item", requests.register_menu_item)


@hooks.register("register_admin_viewset")
def register_registration_pages():
    return registration_viewset.EventRegistrationViewSet()


# --- End of public forms ---
