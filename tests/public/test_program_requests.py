"""Requesting a program: the form on a program page, emails, duplicates, spam and limits."""

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse

from wagtail.log_actions import registry as log_registry

import pytest

from tests.utils import request_form_data
from wagtail_spcp.choices import EngagementStage
from wagtail_spcp.models import Engagement, Person, ProgramRequest, Region
from wagtail_spcp.public_forms.abuse import sign_start

pytestmark = pytest.mark.django_db


@pytest.fixture
def southwest_staff(django_user_model, public_site):
    group = Group.objects.create(name="Southwest staff")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="wagtail_spcp",
            codename__in=["change_engagement", "change_programrequest"],
        ),
        Permission.objects.get(codename="access_admin"),
    )
    Region.objects.get(slug="southwest").staff_groups.add(group)
    user = django_user_model.objects.create_user("sw", "sw-staff@example.org", "pw")
    user.groups.add(group)
    other = django_user_model.objects.create_user("ne", "ne-staff@example.org", "pw")
    other.groups.add(Group.objects.create(name="Northeast staff"))
    Region.objects.get(slug="northeast").staff_groups.add(other.groups.get())
    return user


def send(client, url, capture, **fields):
    with capture(execute=True):
        return client.post(url, request_form_data(**fields))


def test_the_program_page_links_to_and_answers_its_request_form(client, public_site):
    page = client.get(public_site.program.url).content.decode()
    assert f'href="{public_site.program.url}request/"' in page

    response = client.get(f"{public_site.program.url}request/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Request a program" in html and public_site.program.title in html
    assert "Privacy Act statement" in html
    assert 'name="website"' in html and 'name="started"' in html
    assert "csrfmiddlewaretoken" in html


def test_the_finder_results_link_to_the_form_with_the_community(client, public_site):
    html = client.get(f"{public_site.finder.url}?q=77550").content.decode()
    assert "/request-a-program/?community=77550&amp;source=finder" in html
    form = client.get("/request-a-program/?community=77550&source=finder").content.decode()
    assert 'value="77550"' in form


def test_a_request_emails_staff_a_notice_and_the_requester_an_acknowledgement(
    client, public_site, southwest_staff, django_capture_on_commit_callbacks
):
    url = f"{public_site.program.url}request/"
    response = send(
        client,
        url,
        django_capture_on_commit_callbacks,
        message="Our pastor zqxsecret would like this.",
        origin="critical_incident",
        incident_description="A shooting zqxincident downtown.",
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Request received" in html and "zqxsecret" in html  # the sender's own entries
    program_request = ProgramRequest.objects.get()
    assert program_request.source == "program_page"
    assert program_request.engagement.program_id == public_site.program.pk
    assert program_request.engagement.incident_summary == "A shooting zqxincident downtown."
    assert Person.objects.get().consent_to_contact is True

    notice, acknowledgement = mail.outbox
    assert notice.to == ["sw-staff@example.org"]
    assert "Galveston, TX" in notice.subject + notice.body
    assert reverse("wagtail_spcp_requests:index") in notice.body
    for private in ("zqxsecret", "zqxincident", "Ana Morales", "ana.morales", "Interfaith"):
        assert private not in notice.subject + notice.body
    assert acknowledgement.to == ["ana.morales@example.org"]
    assert "zqxsecret" in acknowledgement.body and "What happens next" in acknowledgement.body
    assert "Southwest" in acknowledgement.body

    logs = log_registry.get_logs_for_instance(program_request.engagement)
    assert logs.filter(action="wagtail_spcp.request.received").exists()


def test_the_same_community_asking_again_is_flagged(
    client, public_site, southwest_staff, django_capture_on_commit_callbacks
):
    send(client, "/request-a-program/", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    response = send(
        client,
        "/request-a-program/",
        django_capture_on_commit_callbacks,
        community="Galveston, TX",
        email="other@example.org",
        name="Sam Other",
    )

    assert "Someone from your community asked recently" in response.content.decode()
    later = ProgramRequest.objects.order_by("-pk").first()
    assert later.earlier_request is not None
    assert "duplicate" in mail.outbox[0].body


def test_the_requester_is_matched_to_an_existing_person_by_email(
    client, public_site, django_capture_on_commit_callbacks
):
    existing = Person.objects.create(
        region=Region.objects.get(slug="southwest"),
        first_name="Ana",
        last_name="Morales",
        email="ana.morales@example.org",
    )
    send(client, "/request-a-program/", django_capture_on_commit_callbacks)
    assert ProgramRequest.objects.get().requester == existing
    assert Person.objects.count() == 1


def test_an_unknown_community_is_said_clearly_and_entries_are_kept(client, public_site):
    response = client.post("/request-a-program/", request_form_data(community="Atlantis, ZZ"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "We could not find this community" in html
    assert 'id="error-summary"' in html and 'href="#id_community"' in html
    assert 'aria-describedby="id_community-hint id_community-error"' in html
    assert 'value="Riverton Interfaith Alliance"' in html
    assert not Engagement.objects.filter(stage=EngagementStage.REQUESTED).exists()


def test_an_incident_needs_a_description(client, public_site):
    response = client.post("/request-a-program/", request_form_data(origin="critical_incident"))
    assert "Describe briefly what happened" in response.content.decode()
    assert not ProgramRequest.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [{"website": "http://spam.example"}, {"started": ""}, {"started": "forged"}],
    ids=["honeypot", "no-timestamp", "forged-timestamp"],
)
def test_spam_is_refused(client, public_site, fields):
    response = client.post("/request-a-program/", request_form_data(**fields))
    assert "We could not accept this form" in response.content.decode()
    assert not ProgramRequest.objects.exists()


def test_a_form_sent_too_fast_is_refused(client, public_site, settings):
    settings.SPCP_FORMS_MIN_SECONDS = 3600
    response = client.post("/request-a-program/", request_form_data(started=sign_start()))
    assert "We could not accept this form" in response.content.decode()
    assert not ProgramRequest.objects.exists()


def test_over_the_limit_is_refused_with_a_clear_message(client, public_site, settings):
    settings.SPCP_FORMS_RATE_LIMIT = 2
    for _ in range(2):
        client.post("/request-a-program/", request_form_data(community="Atlantis, ZZ"))
    response = client.post("/request-a-program/", request_form_data())

    assert response.status_code == 429
    assert "Too many submissions" in response.content.decode()
    assert not ProgramRequest.objects.exists()


def test_csrf_is_required(public_site):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/request-a-program/", request_form_data())
    assert response.status_code == 403


def test_the_form_speaks_spanish(client, public_site):
    html = client.get("/es/request-a-program/").content.decode()
    assert 'lang="es"' in html


def test_staff_accept_or_decline_from_the_requests_view(
    client, public_site, southwest_staff, django_capture_on_commit_callbacks
):
    send(client, "/request-a-program/", django_capture_on_commit_callbacks)
    send(
        client,
        "/request-a-program/",
        django_capture_on_commit_callbacks,
        community="Santa Fe, NM",
        email="b@example.org",
    )
    send(
        client,
        "/request-a-program/",
        django_capture_on_commit_callbacks,
        community="10001",
        email="c@example.org",
    )
    client.force_login(southwest_staff)
    listing = client.get(reverse("wagtail_spcp_requests:index")).content.decode()
    assert "Galveston, TX" in listing and "Santa Fe, NM" in listing
    assert "New York" not in listing  # another region's request
    assert "Program page" in listing or "Request form" in listing

    first, second = ProgramRequest.objects.filter(
        engagement__office__region__slug="southwest"
    ).order_by("pk")
    client.post(reverse("wagtail_spcp_requests:accept", args=(first.engagement_id,)))
    response = client.post(
        reverse("wagtail_spcp_requests:decline", args=(second.engagement_id,)),
        {"reason": "Served last year"},
    )
    assert response.status_code == 302
    first.engagement.refresh_from_db()
    second.refresh_from_db()
    assert first.engagement.stage == EngagementStage.PLANNING
    assert second.engagement.stage == EngagementStage.CLOSED
    assert second.decline_reason == "Served last year"
    other = ProgramRequest.objects.get(engagement__office__region__slug="northeast")
    assert (
        client.post(reverse("wagtail_spcp_requests:accept", args=(other.engagement_id,)))
    ).status_code == 404
