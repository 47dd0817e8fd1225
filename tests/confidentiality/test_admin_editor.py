"""A logged-in editor without the partnership permissions sees no marker anywhere in the admin:
not in search, choosers, listings, reports, or any of the app's admin URLs guessed by id."""

import re

from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver

import pytest

PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def app_admin_routes():
    """(namespace, route) of every admin URL the app registers."""

    def walk(patterns, prefix="", namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                if route.startswith("admin/") and "spcp" in f"{namespace} {route}":
                    yield namespace, route

    return sorted(set(walk(get_resolver().url_patterns)))


def model_for(namespace: str, route: str, parameter: str):
    if parameter == "engagement_id":
        return apps.get_model("wagtail_spcp", "Engagement")
    if "importing" in namespace:
        return apps.get_model("wagtail_spcp", "ImportBatch")
    for model in apps.get_app_config("wagtail_spcp").get_models():
        name = model._meta.model_name
        if namespace.endswith(f"_{name}") or f"/{name}/" in route:
            return model
    return None


def fill(namespace, route):
    """The route with each parameter replaced by a marked object's key; None if unknown."""

    def value(match):
        name = match.group("name")
        if name == "file_format":
            return "xlsx"
        model = model_for(namespace, route, name)
        instance = model.objects.order_by("pk").first() if model else None
        return str(instance.pk) if instance else "1"

    return "/" + PARAMETER.sub(value, route)


@pytest.fixture
def editor(client, django_user_model, confidential_records):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def test_editor_without_partnership_permissions_sees_no_marker(client, editor, markers):
    paths = [fill(namespace, route) for namespace, route in app_admin_routes()]
    assert len(paths) > 50, paths
    paths += ["/admin/", "/admin/snippets/", "/admin/reports/site-history/"]
    for marker in markers.all[:8]:
        paths += [f"/admin/search/?q={marker}", f"/admin/pages/search/?q={marker}"]

    leaks = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code < 500, path
        echoed = path.split("q=", 1)[1] if "q=" in path else ""
        found = [m for m in markers.found_in(response.content.decode()) if m != echoed]
        if found:
            leaks[path] = found
    assert not leaks, leaks


def test_the_same_urls_do_show_markers_to_a_superuser(
    client, django_user_model, markers, confidential_records
):
    """A positive control: the URLs checked above really do render the marked records."""
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(admin)
    shown = set()
    for namespace, route in app_admin_routes():
        if any(part in route for part in ("/edit/", "/inspect/")):
            shown.update(markers.found_in(client.get(fill(namespace, route)).content.decode()))
    assert len(shown) > 10, shown
