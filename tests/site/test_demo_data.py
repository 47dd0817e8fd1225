"""The demo loader: loading twice, its output and addresses, and what it leaves alone."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, Revision, Site

import pytest

from spcp_demo.home.models import FeaturedProgram
from wagtail_spcp.choices import EngagementStage
from wagtail_spcp.models import (
    EventRegistration,
    Person,
    ProgramRequest,
    Region,
)

pytestmark = pytest.mark.django_db


def table_counts():
    models = [
        *apps.get_app_config("wagtail_spcp").get_models(),
        Page,
        Revision,
        Site,
        FeaturedProgram,
        get_image_model(),
    ]
    return {model._meta.label: model._default_manager.count() for model in models}


def test_loading_twice_leaves_identical_counts():
    call_command("load_demo", "--no-admin", verbosity=0)
    first = table_counts()
    updated_first = {p.pk: p.updated_at for p in Person.objects.all()}

    call_command("load_demo", "--no-admin", verbosity=0)

    assert table_counts() == first
    assert {p.pk: p.updated_at for p in Person.objects.all()} == updated_first


def references():
    """The reference index's rows, and those whose source is a page."""
    rows = ReferenceIndex.objects.values_list(
        "content_type", "object_id", "to_content_type", "to_object_id", "content_path"
    )
    pages = rows.filter(base_content_type=ContentType.objects.get_for_model(Page))
    return set(rows), set(pages)


def test_the_loader_leaves_the_pages_references_a_full_rebuild_gives():
    """The loader indexes what it saved once, at its end: every page's references are there
    (an image's usage lists the pages that show it), and nothing a rebuild would not record.
    (Rows it bulk-creates, such as participations, are left to a rebuild, as Wagtail does.)"""
    call_command("load_demo", "--no-admin", verbosity=0)
    loaded, loaded_pages = references()
    call_command("rebuild_references_index", verbosity=0)
    rebuilt, rebuilt_pages = references()
    assert loaded_pages and loaded_pages == rebuilt_pages
    assert loaded <= rebuilt


def test_demo_site_is_served_at_the_admin_address(capsys):
    call_command("load_demo", "--no-admin", "--admin-url", "https://crs.example.gov/admin/")
    assert Site.objects.get(is_default_site=True).root_url == "https://crs.example.gov"

    call_command("load_demo", "--no-admin", "--admin-url", "http://127.0.0.1:8000/admin/")
    assert Site.objects.get(is_default_site=True).root_url == "https://crs.example.gov"


def test_demo_command_prints_the_admin_login(django_user_model, capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "Admin login: http://127.0.0.1:8000/admin/" in out
    assert django_user_model.objects.get(username="admin").is_superuser


def test_demo_images_are_not_put_back_after_an_editor_removes_one():
    call_command("load_demo", "--no-admin", verbosity=0)
    region = Region.objects.get(slug="southwest")
    region.image = None
    region.save()

    call_command("load_demo", "--no-admin", verbosity=0)

    region.refresh_from_db()
    assert region.image is None


def test_demo_shows_an_open_registration_page_and_program_requests(client, capsys):
    call_command("load_demo", "--no-admin")

    event = EventRegistration.objects.get(engagement__slug="cedar-ridge-forum-2026")
    assert event.accepting() and event.capacity == 3
    assert event.registered_count() == 3
    assert [p.person.last_name for p in event.waitlisted()] == ["Haddad"]
    assert event.registrations.count() == 4
    address = f"/register/{event.token}/"
    assert (
        f"Registration page (unlisted): http://127.0.0.1:8000{address}" in capsys.readouterr().out
    )
    assert "Cedar Ridge forum" in client.get(address).content.decode()

    requests = ProgramRequest.objects.filter(engagement__slug__startswith="request-")
    assert {r.engagement.stage for r in requests} == {EngagementStage.REQUESTED}
    assert {r.engagement.origin for r in requests} == {"proactive", "critical_incident"}
    assert len({r.engagement.office.region_id for r in requests}) == 2
    assert all(r.requester.region_id == r.engagement.office.region_id for r in requests)

    # Loading again keeps the same page, address and people.
    call_command("load_demo", "--no-admin", verbosity=0)
    assert EventRegistration.objects.get().token == event.token
    assert ProgramRequest.objects.count() == 2
