"""Registering for a program day, canceling, and promoting the waitlist.

Every change locks the registration page's row (``select_for_update``) so concurrent sign-ups
never take more places than the capacity, and the region as imports do, so an import and a
sign-up never create the same person twice.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from ..choices import ParticipationStatus
from ..importing.locking import lock_import_scope
from ..models import EventRegistration, Participation, Registration
from ..models.registrations import ACTIVE_STATUSES
from . import emails, tasks
from .people import find_or_create_person

ACTION_REGISTERED = "wagtail_spcp.registration.registered"
ACTION_CANCELLED = "wagtail_spcp.registration.cancelled"
ACTION_PROMOTED = "wagtail_spcp.registration.promoted"


class EventFull(Exception):
    """No place is left and the page keeps no waitlist."""


@dataclass
class SignUp:
    registration: Registration
    status: str
    already: bool  # the person was already on the list


def register(event, values, accessibility_needs="", language="") -> SignUp:
    """Register the person ``values`` describe, or put them on the waitlist when full."""
    with transaction.atomic():
        event = EventRegistration.objects.select_for_update().get(pk=event.pk)
        engagement = event.engagement
        lock_import_scope(engagement)
        person, _created = find_or_create_person(engagement, values)
        participation = Participation.objects.filter(engagement=engagement, person=person).first()
        if participation is not None and participation.status != ParticipationStatus.CANCELLED:
            registration, _new = Registration.objects.get_or_create(
                participation=participation, defaults={"event": event, "language": language}
            )
            transaction.on_commit(lambda: confirm(registration))
            return SignUp(registration, participation.status, already=True)
        if event.registered_count() < event.capacity:
            status = ParticipationStatus.REGISTERED
        elif event.waitlist:
            status = ParticipationStatus.WAITLISTED
        else:
            raise EventFull
        if participation is None:
            participation = Participation.objects.create(
                engagement=engagement,
                person=person,
                status=status,
                registered_on=timezone.localdate(),
            )
        else:
            participation.status = status
            participation.registered_on = timezone.localdate()
            participation.save(update_fields=["status", "registered_on", "updated_at"])
        registration, _new = Registration.objects.update_or_create(
            participation=participation,
            defaults={
                "event": event,
                "accessibility_needs": accessibility_needs,
                "language": language,
                "created_at": timezone.now(),
                "cancelled_at": None,
                "reminder_sent_at": None,
            },
        )
        log(instance=participation, action=ACTION_REGISTERED, data={"status": status})
        transaction.on_commit(lambda: confirm(registration))
    return SignUp(registration, status, already=False)


def cancel(registration) -> Registration | None:
    """Cancel ``registration``; returns the waitlisted registration promoted, if any."""
    with transaction.atomic():
        event = EventRegistration.objects.select_for_update().get(pk=registration.event_id)
        participation = Participation.objects.select_for_update().get(
            pk=registration.participation_id
        )
        if participation.status == ParticipationStatus.CANCELLED:
            return None
        participation.status = ParticipationStatus.CANCELLED
        participation.save(update_fields=["status", "updated_at"])
        Registration.objects.filter(pk=registration.pk).update(cancelled_at=timezone.now())
        log(instance=participation, action=ACTION_CANCELLED)
        promoted = None
        if event.registered_count() < event.capacity:
            first = event.waitlisted().select_related("registration").first()
            if first is not None:
                first.status = ParticipationStatus.REGISTERED
                first.save(update_fields=["status", "updated_at"])
                log(instance=first, action=ACTION_PROMOTED)
                promoted = getattr(first, "registration", None)  # None: added by staff
                if promoted is not None:
                    transaction.on_commit(lambda: announce_promotion(promoted))
    return promoted


def is_active(registration) -> bool:
    return registration.participation.status in ACTIVE_STATUSES


def register_log_actions(actions):
    actions.register_action(ACTION_REGISTERED, _("Register"), _("Registered on the public page"))
    actions.register_action(ACTION_CANCELLED, _("Cancel registration"), _("Registration canceled"))
    actions.register_action(ACTION_PROMOTED, _("Promote"), _("Moved from the waitlist"))


def confirm(registration) -> None:
    """Email the confirmation and, for a place (not the waitlist), schedule the reminder."""
    emails.send_registration_confirmation(registration)
    if registration.participation.status == ParticipationStatus.REGISTERED:
        tasks.schedule_reminder(registration)


def announce_promotion(registration) -> None:
    """Email the first on the waitlist that a place opened, and schedule the reminder."""
    emails.send_promotion(registration)
    tasks.schedule_reminder(registration)
