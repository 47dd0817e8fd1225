"""The demo sends security headers and a strict Content Security Policy on public pages."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_public_pages_send_a_strict_content_security_policy(client):
    call_command("load_demo", "--no-admin", verbosity=0)
    for path in ["/", "/offices/?q=77550", "/api/spcp/offices/", "/sitemap.xml"]:
        response = client.get(path)
        policy = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy, path
        assert "object-src 'none'" in policy, path
        assert "unsafe-inline" not in policy, path
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_admin_is_left_out_of_the_policy_but_keeps_the_other_headers(client):
    response = client.get("/admin/login/")
    assert "Content-Security-Policy" not in response.headers
    assert response.headers["X-Frame-Options"] == "DENY"


def test_production_settings_pass_the_deployment_checks():
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="spcp_demo.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="partnerships.example.org",
    )
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    completed = subprocess.run(  # noqa: S603 - fixed local command
        [
            sys.executable,
            str(REPO / "site" / "manage.py"),
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "System check identified no issues" in completed.stdout


@pytest.mark.django_db
def test_admin_responses_are_never_cached(client, django_user_model):
    """Production caches public pages; confidential admin pages must always say no-cache."""
    from django.urls import reverse

    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.org", "pw"))
    paths = [
        "/admin/",
        reverse("wagtailsnippets_wagtail_spcp_engagement:list"),
        reverse("wagtailsnippets_wagtail_spcp_person:list"),
        reverse("spcp_import_batches:index"),
        reverse("wagtail_spcp_importing:upload"),
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "no-cache" in response.headers.get("Cache-Control", ""), path
        assert "private" in response.headers["Cache-Control"], path
