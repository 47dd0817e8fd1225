"""Program requests in the admin: the "Requests" listing, accept and decline.

Lists engagements in stage "requested" of the user's regions, oldest first, with their age
and where the request came from. Accepting moves the engagement to planning; declining
closes it with a reason. Both are recorded in the audit log (``public_forms.intake``).
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..choices import EngagementStage
from ..models import Engagement, ProgramRequest
from ..public_forms.intake import accept_request, decline_request
from .permissions import permission_policy_for

app_name = "wagtail_spcp_requests"


def may_decide(user) -> bool:
    """Deciding changes the request and moves its engagement: both "change" permissions."""
    return permission_policy_for(ProgramRequest).user_has_permission(
        user, "change"
    ) and permission_policy_for(Engagement).user_has_permission(user, "change")


def requested_engagements(user):
    """Engagements in stage "requested" of ``user``'s regions, oldest request first."""
    return (
        Engagement.objects.for_user(user)
        .filter(stage=EngagementStage.REQUESTED)
        .select_related("office__region", "program_request__earlier_request", "program")
        .order_by("requested_on", "created_at")
    )


class RequestsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtail_spcp/admin/requests.html"
    page_title = _("Requests")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not may_decide(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        rows = []
        for engagement in requested_engagements(self.request.user):
            program_request = getattr(engagement, "program_request", None)
            age = (today - engagement.requested_on).days if engagement.requested_on else None
            rows.append((engagement, program_request, age))
        context["rows"] = rows
        return context


def _program_request(user, pk):
    program_request = get_object_or_404(
        ProgramRequest.objects.for_user(user).select_related("engagement"),
        engagement_id=pk,
        engagement__stage=EngagementStage.REQUESTED,
    )
    return program_request


class AcceptView(WagtailAdminTemplateMixin, TemplateView):
    http_method_names = ["post"]

    def post(self, request, pk):
        if not may_decide(request.user):
            raise PermissionDenied
        program_request = _program_request(request.user, pk)
        accept_request(program_request, request.user)
        messages.success(
            request,
            _("Request accepted: %(title)s is now in planning.")
            % {"title": program_request.engagement},
        )
        return redirect("wagtail_spcp_requests:index")


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kept with the request and in the history; not sent to the requester."),
    )


class DeclineView(WagtailAdminTemplateMixin, FormView):
    template_name = "wagtail_spcp/admin/request_decline.html"
    form_class = DeclineForm
    page_title = _("Decline request")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not may_decide(request.user):
            raise PermissionDenied
        self.program_request = _program_request(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["program_request"] = self.program_request
        return context

    def form_valid(self, form):
        decline_request(self.program_request, self.request.user, form.cleaned_data["reason"])
        messages.success(
            self.request,
            _("Request declined: %(title)s") % {"title": self.program_request.engagement},
        )
        return redirect("wagtail_spcp_requests:index")


urlpatterns = [
    path("", RequestsView.as_view(), name="index"),
    path("<int:pk>/accept/", AcceptView.as_view(), name="accept"),
    path("<int:pk>/decline/", DeclineView.as_view(), name="decline"),
]


def register_admin_urls():
    return [path("spcp/requests/", include((urlpatterns, app_name)))]


class RequestsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_decide(request.user)


def register_menu_item():
    return RequestsMenuItem(
        _("Requests"), reverse("wagtail_spcp_requests:index"), icon_name="mail", order=240
    )
