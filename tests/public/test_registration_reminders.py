"""The reminder before a program day: queued on the database worker, sent once (real
transactions; kept apart from the modules that share data through ``shared_db``).

A backend that cannot run tasks later sends no reminder, and a system check says so.
"""

import datetime

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from django_tasks_db.models import DBTaskResult

from wagtail_spcp.checks import NO_DEFERRED_TASKS, check_reminder_backend
from wagtail_spcp.models import Engagement, EventRegistration, Office
from wagtail_spcp.public_forms import signups
from wagtail_spcp.public_forms.tasks import send_registration_reminder

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_a_backend_that_cannot_defer_tasks_is_reported(settings):
    settings.TASKS = IMMEDIATE
    (warning,) = check_reminder_backend()
    assert warning.id == NO_DEFERRED_TASKS
    assert "no reminder" in warning.msg and "DatabaseBackend" in warning.hint

    settings.TASKS = DATABASE
    assert check_reminder_backend() == []


def test_a_site_without_the_public_forms_gets_no_warning(settings):
    settings.TASKS = IMMEDIATE
    settings.ROOT_URLCONF = "wagtail_spcp.urls"  # the app's own URLs, not the forms'
    assert check_reminder_backend() == []


def reminders():
    """The queued reminders (Wagtail queues tasks of its own on the same backend)."""
    return DBTaskResult.objects.filter(task_path=send_registration_reminder.module_path)


def run_worker():
    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)


def test_the_database_worker_sends_the_reminder_once_when_it_is_due(transactional_db, settings):
    settings.TASKS = DATABASE
    call_command("loaddata", "crs_offices", verbosity=0)
    now = timezone.now()
    event = EventRegistration.objects.create(
        engagement=Engagement.objects.create(
            slug="reminded-2026",
            title="Reminded",
            office=Office.objects.get(slug="southwest"),
            community_city="Riverton",
            community_state="TX",
        ),
        public_title="Riverton program day",
        location="Riverton Civic Center",
        starts_at=now + datetime.timedelta(days=10),
        ends_at=now + datetime.timedelta(days=10, hours=6),
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=9),
        capacity=10,
        reminder_hours=48,
    )
    values = {
        "first_name": "Lee",
        "last_name": "Park",
        "email": "lee.park@example.org",
        "phone": "",
        "organisation": "",
        "consent_to_contact": True,
    }
    registration = signups.register(event, values, language="es").registration
    assert [m.to for m in mail.outbox] == [["lee.park@example.org"]]  # the confirmation
    (queued,) = reminders()
    assert queued.run_after == event.starts_at - datetime.timedelta(hours=48)

    run_worker()  # not due yet: nothing runs
    assert len(mail.outbox) == 1
    assert reminders().get().status == "READY"

    # Eight days later: the day is two days away and the reminder is due.
    event.starts_at = timezone.now() + datetime.timedelta(hours=47)
    event.ends_at = event.starts_at + datetime.timedelta(hours=6)
    event.save(update_fields=["starts_at", "ends_at"])
    reminders().update(run_after=timezone.now() - datetime.timedelta(seconds=1))
    mail.outbox.clear()
    run_worker()
    (reminder,) = mail.outbox
    assert reminder.to == ["lee.park@example.org"]
    assert "Riverton program day" in reminder.subject
    registration.refresh_from_db()
    assert registration.reminder_sent_at is not None
    assert reminders().get().status == "SUCCESSFUL"

    # A second worker run, or the same reminder queued again, sends nothing more.
    run_worker()
    send_registration_reminder.enqueue(registration.pk)
    run_worker()
    assert len(mail.outbox) == 1
    assert reminders().filter(status="SUCCESSFUL").count() == 2
