"""The forms' emails, sent through Django's email framework (any ``EMAIL_BACKEND``).

Staff get a notice naming the community and linking to the admin, nothing else. A visitor
gets back only what they sent, the public details of the day and their own cancel link.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import Site

from .. import conf
from ..access import VIEW_ALL_REGIONS
from ..calendars import event_calendar
from .tokens import cancel_token

TEMPLATES = "wagtail_spcp/public_forms/emails/"


def site_root() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def admin_root() -> str:
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "") or site_root()


def staff_emails(region) -> list[str]:
    """The addresses of active staff who see ``region`` (no region: who see every region)."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    if region is not None:
        users = users.filter(groups__spcp_regions=region)
    else:
        app_label, codename = VIEW_ALL_REGIONS.split(".")
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        users = users.filter(
            Q(is_superuser=True)
            | Q(user_permissions=permission)
            | Q(groups__permissions=permission)
        )
    return sorted(set(users.values_list("email", flat=True)))


def send(subject, template, context, to, attachments=()) -> bool:
    if not to:
        return False
    body = render_to_string(TEMPLATES + template, context)
    message = EmailMessage(subject, body, conf.forms_from_email(), to)
    for attachment in attachments:
        message.attach(*attachment)
    message.send()
    return True


def send_request_notice(program_request) -> bool:
    """Tell the serving region's staff that a community asked; the details stay in the admin."""
    engagement = program_request.engagement
    region = engagement.office.region
    url = admin_root() + reverse("wagtail_spcp_requests:index")
    with translation.override(settings.LANGUAGE_CODE):
        return send(
            _("New program request: %(community)s") % {"community": engagement.community},
            "request_notice.txt",
            {
                "community": engagement.community,
                "admin_url": url,
                "possible_duplicate": program_request.earlier_request_id is not None,
            },
            staff_emails(region),
        )


def send_request_acknowledgement(data, office, program, language) -> bool:
    """Repeat to the requester what they sent, and say what happens next."""
    with translation.override(language or settings.LANGUAGE_CODE):
        return send(
            _("We received your program request"),
            "request_acknowledgement.txt",
            {"data": data, "office": office, "program": program},
            [data["email"]],
        )


def _registration_context(registration) -> dict:
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        path = reverse("spcp_public_forms:cancel", args=(cancel_token(registration),))
    person = registration.participation.person
    return {
        "event": registration.event,
        "person": person,
        "registration": registration,
        "status": registration.participation.status,
        "cancel_url": site_root() + path,
    }


def _calendar(registration):
    host = (site_root().split("//", 1)[-1] or "localhost").split(":")[0]
    return ("program-day.ics", event_calendar(registration.event, host), "text/calendar")


def send_registration_confirmation(registration) -> bool:
    """Registered or waitlisted: the details of the day, a calendar file and a cancel link."""
    person = registration.participation.person
    context = _registration_context(registration)
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        if context["status"] == "waitlisted":
            subject = _("You are on the waitlist: %(title)s")
        else:
            subject = _("You are registered: %(title)s")
        sent = send(
            subject % {"title": registration.event.public_title},
            "registration_confirmation.txt",
            context,
            [person.email] if person.email else [],
            attachments=[_calendar(registration)],
        )
    return sent


def send_promotion(registration) -> bool:
    """A place opened: the first on the waitlist is now registered."""
    person = registration.participation.person
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        sent = send(
            _("A place opened for you: %(title)s") % {"title": registration.event.public_title},
            "registration_promoted.txt",
            _registration_context(registration),
            [person.email] if person.email else [],
            attachments=[_calendar(registration)],
        )
    return sent


def send_reminder(registration) -> bool:
    person = registration.participation.person
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        return send(
            _("Reminder: %(title)s") % {"title": registration.event.public_title},
            "registration_reminder.txt",
            _registration_context(registration),
            [person.email] if person.email else [],
        )
