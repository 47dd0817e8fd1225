"""The public forms' views: request a program, register for a program day, cancel.

Success pages are rendered in answer to the POST, from what the visitor sent; nothing is
read back from the database, so they show nothing but the sender's own entries.
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from ..models import EventRegistration, PublicFormSettings, RequestSource
from . import signups, tokens
from .abuse import OVER_LIMIT, over_limit
from .forms import ProgramRequestForm, RegistrationForm
from .intake import submit_request

TEMPLATES = "wagtail_spcp/public_forms/"
LIMIT_STATUS = 429


def privacy_statement(request) -> str:
    return PublicFormSettings.for_request(request).privacy_statement


def _render(request, template, context, status=200, unlisted=False):
    context.setdefault("privacy_statement", privacy_statement(request))
    response = TemplateResponse(request, TEMPLATES + template, context, status=status)
    if unlisted:
        response["X-Robots-Tag"] = "noindex, nofollow"
        # No referrer (the secret address) to other sites; "no-referrer" would also make the
        # browser send "Origin: null" with the form, which fails Django's CSRF check.
        response["Referrer-Policy"] = "same-origin"
    return response


@never_cache
@csrf_protect
def request_program(request, program=None):
    """The request form, on a program page (``program``) or on its own."""
    if program is not None:
        source = RequestSource.PROGRAM_PAGE
    elif request.GET.get("source") == RequestSource.FINDER:
        source = RequestSource.FINDER
    else:
        source = RequestSource.DIRECT
    context = {"program": program, "page": program}
    if request.method == "POST":
        form = ProgramRequestForm(request.POST)
        if over_limit(request, "request"):
            context.update(form=form.decorate(), limit_message=OVER_LIMIT)
            return _render(request, "request_form.html", context, status=LIMIT_STATUS)
        if form.is_valid():
            outcome = submit_request(form, program, source, get_language())
            context.update(
                data=form.cleaned_data,
                office=form.finder_result.serving_office.office,
                possible_duplicate=outcome.possible_duplicate,
            )
            return _render(request, "request_received.html", context)
    else:
        form = ProgramRequestForm(initial={"community": request.GET.get("community", "")[:100]})
    context["form"] = form.decorate()
    return _render(request, "request_form.html", context)


def _event(token):
    event = EventRegistration.objects.filter(token=token).first()
    if event is None:
        raise Http404
    return event


@never_cache
@csrf_protect
def register(request, token):
    """The unlisted registration page of one program day."""
    event = _event(token)
    context = {"event": event}
    if not event.accepting():
        return _render(request, "registration_closed.html", context, unlisted=True)
    if request.method == "POST":
        form = RegistrationForm(request.POST)
        if over_limit(request, "register"):
            context.update(form=form.decorate(), limit_message=OVER_LIMIT)
            return _render(request, "register.html", context, LIMIT_STATUS, unlisted=True)
        if form.is_valid():
            try:
                signup = signups.register(
                    event,
                    form.person_values(),
                    form.cleaned_data["accessibility_needs"],
                    get_language(),
                )
            except signups.EventFull:
                return _render(request, "registration_closed.html", context, unlisted=True)
            context.update(
                data=form.cleaned_data,
                status=signup.status,
                already=signup.already,
                language_label=dict(form.fields["preferred_language"].choices).get(
                    form.cleaned_data["preferred_language"]
                ),
                sector_label=dict(form.fields["sector"].choices).get(form.cleaned_data["sector"])
                if form.cleaned_data["sector"]
                else "",
            )
            return _render(request, "registered.html", context, unlisted=True)
    else:
        form = RegistrationForm()
    context["form"] = form.decorate()
    return _render(request, "register.html", context, unlisted=True)


@never_cache
@csrf_protect
def cancel(request, token):
    """Confirm, then cancel, the registration a signed link names (a GET changes nothing)."""
    registration = tokens.registration_for_token(token)
    if registration is None:
        raise Http404
    context = {"event": registration.event, "token": token}
    if request.method == "POST":
        signups.cancel(registration)
        return _render(request, "cancelled.html", context, unlisted=True)
    context["active"] = registration.participation.status != "cancelled"
    return _render(request, "cancel.html", context, unlisted=True)
