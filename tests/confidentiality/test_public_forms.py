"""The public forms, their success pages and every email they send show no confidential marker."""

import datetime

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from tests.utils import registration_form_data, request_form_data
from wagtail_spcp.models import EventRegistration, Participation, ProgramPage
from wagtail_spcp.public_forms.tokens import cancel_token


@pytest.fixture(scope="module")
def marked_event(shared_records):
    """The demo site, and a registration page on the marked engagement (full at one)."""
    _, engagement = shared_records
    call_command("load_demo", "--no-admin", verbosity=0)
    now = timezone.now()
    return EventRegistration.objects.create(
        engagement=engagement,
        public_title="Program day",
        location="Community center",
        starts_at=now + datetime.timedelta(days=10),
        ends_at=now + datetime.timedelta(days=10, hours=6),
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=9),
        capacity=2,  # the marked person already takes one place
    )


def test_forms_success_pages_and_emails_show_no_marker(
    client, markers, marked_event, settings, django_capture_on_commit_callbacks, django_user_model
):
    settings.SPCP_FORMS_RATE_LIMIT = 0
    staff = Group.objects.create(name="Southwest staff")
    marked_event.engagement.office.region.staff_groups.add(staff)
    django_user_model.objects.create_user("sw", "sw@example.org", "pw").groups.add(staff)
    program = ProgramPage.objects.live().filter(locale__language_code="en").first()
    bodies = {}
    register_url = f"/register/{marked_event.token}/"
    for path in [f"{program.url}request/", "/request-a-program/", register_url]:
        bodies[path] = client.get(path).content.decode()
        bodies["/es" + path] = client.get("/es" + path).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        bodies["request sent"] = client.post(
            f"{program.url}request/", request_form_data(community="77550")
        ).content.decode()
        bodies["request error"] = client.post(
            "/request-a-program/", request_form_data(community="")
        ).content.decode()
        for n in range(3):
            bodies[f"registered {n}"] = client.post(
                register_url, registration_form_data(email=f"r{n}@example.org")
            ).content.decode()
        bodies["registration error"] = client.post(
            register_url, registration_form_data(email="", phone="")
        ).content.decode()
    first = Participation.objects.get(person__email="r0@example.org").registration
    cancel_url = f"/register/cancel/{cancel_token(first)}/"
    bodies["cancel"] = client.get(cancel_url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        bodies["cancelled"] = client.post(cancel_url).content.decode()

    assert "Request received" in bodies["request sent"]
    assert "You are on the waitlist" in bodies["registered 2"]
    assert ["sw@example.org"] in [message.to for message in mail.outbox]
    assert len(mail.outbox) >= 6  # notice, acknowledgement, three sign-ups, a promotion
    for message in mail.outbox:
        text = message.subject + message.body
        text += "".join(str(content) for _, content, _ in message.attachments)
        bodies[f"email to {message.to}: {message.subject}"] = text
    leaks = {name: markers.found_in(body) for name, body in bodies.items()}
    assert not {name: found for name, found in leaks.items() if found}
