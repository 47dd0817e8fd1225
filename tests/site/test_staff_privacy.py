"""Staff privacy in the demo: no third-party avatars or update check, no admin search terms in
access logs (docs/privacy.md)."""

import logging

from django.urls import reverse

import pytest

from wagtail_spcp.log_filters import StripQueryStrings


def server_record(request_line, status="200"):
    """A record as Django's development server logs a request."""
    return logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        0,
        '"%s" %s %s',
        (request_line, status, "512"),
        None,
    )


def test_admin_query_strings_are_stripped():
    record = server_record(
        "GET /admin/snippets/wagtail_spcp/person/?q=maria%40example.org HTTP/1.1"
    )
    assert StripQueryStrings().filter(record)
    assert record.getMessage() == '"GET /admin/snippets/wagtail_spcp/person/ HTTP/1.1" 200 512'


def test_other_paths_and_lines_are_left_alone():
    public = server_record("GET /offices/?q=77550 HTTP/1.1")
    StripQueryStrings().filter(public)
    assert "q=77550" in public.getMessage()
    plain = logging.LogRecord("x", logging.INFO, __file__, 0, "no request line ?q=1", None, None)
    StripQueryStrings().filter(plain)
    assert plain.getMessage() == "no request line ?q=1"


def test_configured_paths():
    record = server_record("POST /staff/search?q=someone HTTP/1.0")
    StripQueryStrings(paths=["/staff/"]).filter(record)
    assert record.getMessage().startswith('"POST /staff/search HTTP/1.0"')


def test_the_demo_strips_admin_queries_from_the_development_server_log():
    server = logging.getLogger("django.server")
    record = server_record("GET /admin/snippets/wagtail_spcp/person/?q=Garcia HTTP/1.1")
    assert all(f.filter(record) for f in server.filters)
    assert "Garcia" not in record.getMessage()
    assert any(isinstance(f, StripQueryStrings) for f in server.filters)


def test_the_demo_strips_site_search_queries_from_the_development_server_log():
    server = logging.getLogger("django.server")
    record = server_record("GET /search/?q=Maria+Garcia&page=2 HTTP/1.1")
    assert all(f.filter(record) for f in server.filters)
    assert record.getMessage().startswith('"GET /search/ HTTP/1.1"')


@pytest.mark.django_db
def test_admin_pages_load_no_gravatar(client, django_user_model):
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(admin)
    for url in [reverse("wagtailadmin_home"), reverse("wagtailadmin_account")]:
        content = client.get(url).content.decode().lower()
        assert "gravatar" not in content, url


@pytest.mark.django_db
def test_the_dashboard_does_not_ask_wagtail_for_its_latest_version(client, django_user_model):
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(admin)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-controller="w-upgrade' not in content


@pytest.mark.django_db
def test_the_update_check_is_what_the_dashboard_test_detects(client, django_user_model, settings):
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = True
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(admin)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-controller="w-upgrade' in content
