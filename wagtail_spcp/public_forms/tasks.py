"""The reminder before a program day, as a task scheduled for later (django-tasks)."""

import datetime

from django.utils import timezone

from django_tasks import task

from ..choices import ParticipationStatus
from ..models import Registration
from . import emails


@task()
def send_registration_reminder(registration_id: int) -> bool:
    """Remind a registered person of the day; whether a reminder went out."""
    registration = (
        Registration.objects.select_related("event", "participation__person")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None or registration.reminder_sent_at is not None:
        return False
    if registration.participation.status != ParticipationStatus.REGISTERED:
        return False
    if registration.event.starts_at <= timezone.now():
        return False
    if not emails.send_reminder(registration):
        return False
    Registration.objects.filter(pk=registration.pk).update(reminder_sent_at=timezone.now())
    return True


def schedule_reminder(registration) -> bool:
    """Enqueue the reminder for ``reminder_hours`` before the day; whether it was.

    Only with a task backend that runs tasks later (``supports_defer``), such as
    ``django_tasks_db``'s; an immediate backend would send it at once, so none is sent.
    """
    event = registration.event
    if not event.reminder_hours:
        return False
    when = event.starts_at - datetime.timedelta(hours=event.reminder_hours)
    if when <= timezone.now() or not send_registration_reminder.get_backend().supports_defer:
        return False
    send_registration_reminder.using(run_after=when).enqueue(registration.pk)
    return True
