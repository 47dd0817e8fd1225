"""Registering for a program day: capacity, waitlist, emails with a calendar file, cancel."""

import datetime

from django.core import mail
from django.test import override_settings
from django.utils import timezone

import pytest
from icalendar import Calendar

from tests.utils import registration_form_data
from wagtail_spcp.choices import ParticipationStatus
from wagtail_spcp.models import EventRegistration, Participation, Person
from wagtail_spcp.public_forms.tokens import cancel_token

pytestmark = pytest.mark.django_db

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def event(public_site, make_engagement):
    now = timezone.now()
    return EventRegistration.objects.create(
        engagement=make_engagement(slug="galveston-day"),
        public_title="Galveston program day",
        location="Galveston Community Center, 4700 Broadway",
        starts_at=now + datetime.timedelta(days=10),
        ends_at=now + datetime.timedelta(days=10, hours=7),
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=9),
        capacity=2,
    )


def sign_up(client, event, capture, **fields):
    with capture(execute=True):
        return client.post(f"/register/{event.token}/", registration_form_data(**fields))


def test_the_page_is_unlisted_and_shows_only_public_details(client, event):
    response = client.get(f"/register/{event.token}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "same-origin"
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "Galveston program day" in html
    assert event.engagement.title not in html
    assert client.get("/register/not-the-token/").status_code == 404
    assert f"/register/{event.token}/" not in client.get("/sitemap.xml").content.decode()


@override_settings(TASKS=DUMMY_TASKS)
def test_a_full_day_keeps_its_capacity_and_promotes_the_waitlist_on_cancel(
    client, event, django_capture_on_commit_callbacks
):
    from django_tasks import default_task_backend

    default_task_backend.clear()
    for n in range(4):
        response = sign_up(
            client,
            event,
            django_capture_on_commit_callbacks,
            name=f"Person Number{n}",
            email=f"p{n}@example.org",
        )
        assert response.status_code == 200
    statuses = list(
        Participation.objects.filter(engagement=event.engagement)
        .order_by("registration__created_at", "pk")
        .values_list("status", flat=True)
    )
    assert statuses == ["registered", "registered", "waitlisted", "waitlisted"]
    assert "You are on the waitlist" in response.content.decode()
    assert len(mail.outbox) == 4
    first = mail.outbox[0]
    assert first.to == ["p0@example.org"] and "registered" in first.subject
    name, content, mimetype = first.attachments[0]
    assert name == "program-day.ics" and mimetype == "text/calendar"
    calendar = Calendar.from_ical(content)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["summary"]) == "Galveston program day"
    assert "/register/cancel/" in first.body
    # Reminders are scheduled for the two registered people, before the day.
    reminders = [
        result
        for result in default_task_backend.results
        if result.task.name == "send_registration_reminder"
    ]
    assert len(reminders) == 2
    assert all(result.task.run_after < event.starts_at for result in reminders)

    registered = Participation.objects.get(person__email="p0@example.org")
    cancel_url = f"/register/cancel/{cancel_token(registered.registration)}/"
    assert "Cancel my registration" in client.get(cancel_url).content.decode()
    registered.refresh_from_db()
    assert registered.status == "registered"  # a GET changes nothing
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel_url)
    assert "Registration canceled" in response.content.decode()
    registered.refresh_from_db()
    assert registered.status == ParticipationStatus.CANCELLED
    promoted = Participation.objects.get(person__email="p2@example.org")
    assert promoted.status == ParticipationStatus.REGISTERED
    assert Participation.objects.get(person__email="p3@example.org").status == "waitlisted"
    assert [message.to for message in mail.outbox] == [["p2@example.org"]]
    assert event.registered_count() == 2
    assert client.get("/register/cancel/forged/").status_code == 404


def test_a_registrant_is_matched_to_an_existing_person(
    client, event, django_capture_on_commit_callbacks
):
    existing = Person.objects.create(
        region=event.engagement.office.region,
        first_name="Lee",
        last_name="Park",
        email="LEE.PARK@example.org",
    )
    sign_up(client, event, django_capture_on_commit_callbacks, sector="youth")
    existing.refresh_from_db()
    assert Participation.objects.get(engagement=event.engagement).person == existing
    assert existing.sector == "youth"  # a blank filled
    response = sign_up(client, event, django_capture_on_commit_callbacks)
    assert Participation.objects.filter(engagement=event.engagement).count() == 1
    assert response.status_code == 200


def test_email_or_phone_is_needed(client, event):
    response = client.post(f"/register/{event.token}/", registration_form_data(email=""))
    assert "Enter an email address or a phone number" in response.content.decode()
    assert not Participation.objects.filter(engagement=event.engagement).exists()


def test_spam_and_over_limit_are_refused(client, event, settings):
    response = client.post(f"/register/{event.token}/", registration_form_data(website="x"))
    assert "We could not accept this form" in response.content.decode()
    settings.SPCP_FORMS_RATE_LIMIT = 1
    response = client.post(f"/register/{event.token}/", registration_form_data())
    assert response.status_code == 429
    assert not Participation.objects.filter(engagement=event.engagement).exists()


def test_a_closed_page_says_so(client, event):
    event.is_open = False
    event.save()
    html = client.get(f"/register/{event.token}/").content.decode()
    assert "Registration is closed" in html
    assert 'name="name"' not in html


def test_a_full_day_without_waitlist_refuses(client, event, django_capture_on_commit_callbacks):
    event.capacity, event.waitlist = 0, False
    event.save()
    response = sign_up(client, event, django_capture_on_commit_callbacks)
    assert "Registration is closed" in response.content.decode()


def test_the_reminder_task_sends_once_to_registered_people(
    client, event, django_capture_on_commit_callbacks
):
    from wagtail_spcp.public_forms.tasks import send_registration_reminder

    sign_up(client, event, django_capture_on_commit_callbacks)
    registration = Participation.objects.get(engagement=event.engagement).registration
    mail.outbox.clear()
    assert send_registration_reminder.call(registration.pk) is True
    assert send_registration_reminder.call(registration.pk) is False
    assert len(mail.outbox) == 1 and "Reminder" in mail.outbox[0].subject
