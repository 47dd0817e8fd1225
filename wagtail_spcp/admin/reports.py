"""The program report of an engagement in the admin: a print-ready page and a .docx.

Staff who may view or change engagements build it for an engagement of their regions
(another region's is a 404). People are named only when staff tick "Include participant
names" and may see participants. Every build is recorded in the audit log.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import LogFormatter, log
from wagtail.permissions import policy_registry

from ..access import engagements_for_user
from ..models import Engagement, Participation
from ..reports.build import build_report
from ..reports.word import CONTENT_TYPE, render_docx

ACTION_REPORT = "wagtail_spcp.engagement.report"

app_name = "wagtail_spcp_report"


def may_build_report(user) -> bool:
    policy = policy_registry.get_by_type(Engagement)
    return policy.user_has_any_permission(user, {"view", "change"})


def may_name_participants(user) -> bool:
    policy = policy_registry.get_by_type(Participation)
    return policy.user_has_any_permission(user, {"view", "change"})


def require_report(view):
    """Staff who may see engagements, on an engagement of their regions."""

    @wraps(view)
    def wrapper(request, engagement_id):
        if not may_build_report(request.user):
            raise PermissionDenied
        engagement = get_object_or_404(
            engagements_for_user(request.user).select_related("office__region", "program"),
            pk=engagement_id,
        )
        include_names = request.GET.get("names") == "1" and may_name_participants(request.user)
        return view(request, engagement, include_names)

    return wrapper


def _build(request, engagement, include_names, file_format):
    report = build_report(engagement, include_names=include_names)
    log(
        instance=engagement,
        action=ACTION_REPORT,
        user=request.user,
        data={"format": file_format, "names": include_names},
    )
    return report


@require_report
def report_page(request, engagement, include_names):
    """The report as a page to read and print."""
    report = _build(request, engagement, include_names, "html")
    query = f"?{urlencode({'names': '1'})}" if include_names else ""
    context = {
        "engagement": engagement,
        "report": report,
        "may_name": may_name_participants(request.user),
        "docx_url": reverse("wagtail_spcp_report:docx", args=(engagement.pk,)) + query,
        "engagement_url": reverse(
            "wagtailsnippets_wagtail_spcp_engagement:inspect", args=(engagement.pk,)
        ),
    }
    return TemplateResponse(request, "wagtail_spcp/admin/report.html", context)


@require_report
def report_docx(request, engagement, include_names):
    """The report as a Word document."""
    report = _build(request, engagement, include_names, "docx")
    response = HttpResponse(render_docx(report), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{engagement.slug}-report.docx"'
    return response


class ReportFormatter(LogFormatter):
    label = _("Build program report")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        if data.get("names"):
            return _("Program report built (%(format)s), with participant names") % {
                "format": data.get("format", "")
            }
        return _("Program report built (%(format)s)") % {"format": data.get("format", "")}


def register_log_actions(actions):
    """Hook body for ``register_log_actions``."""
    actions.register_action(ACTION_REPORT)(ReportFormatter)


urlpatterns = [
    path("<int:engagement_id>/", report_page, name="report"),
    path("<int:engagement_id>/report.docx", report_docx, name="docx"),
]
