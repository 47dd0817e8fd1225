"""Fewer queries, same answers: path routing and the cached site lookup agree with Wagtail's."""

from django.http import Http404
from django.test import RequestFactory

from wagtail.models import AbstractPage, Page, Site
from wagtail.models.sites import get_site_for_hostname

import pytest

from wagtail_spcp.sites import find_site, load_sites, match_site

pytestmark = pytest.mark.django_db


def route(router, page, path):
    request = RequestFactory().get("/" + path)
    components = [component for component in path.split("/") if component]
    try:
        result = router(page, request, components)
    except Http404:
        return None
    # A routable page's view comes as a bound method: compare its name.
    args = tuple(getattr(arg, "__name__", arg) for arg in result.args)
    return result.page.pk, type(result.page), args, dict(result.kwargs)


@pytest.mark.parametrize(
    "path",
    [
        "",
        "programs/",
        "programs/spcp/",
        "programs/spcp/riverton/",
        "offices/",
        "offices/southwest/",
        "offices/southwest/councils/1/",
        "offices/no-such-region/",
        "nope/",
        "programs/nope/",
        "programs/spcp/riverton/deeper/",
    ],
)
def test_path_routing_finds_what_wagtail_finds(public_site, path):
    home = public_site.home
    assert route(type(home).route, home, path) == route(AbstractPage.route, home, path)


def test_path_routing_reads_the_whole_path_at_once(public_site, django_assert_num_queries):
    home = Page.objects.get(pk=public_site.home.pk).specific
    with django_assert_num_queries(2):  # the pages along the path, then the case study
        route(type(home).route, home, "programs/spcp/riverton/")


def test_an_unpublished_page_on_the_path_is_not_served(public_site):
    public_site.program.unpublish()
    home = public_site.home
    assert route(type(home).route, home, "programs/spcp/") is None
    # Wagtail serves a live page below an unpublished one; so does the mixin.
    path = "programs/spcp/riverton/"
    assert route(type(home).route, home, path) == route(AbstractPage.route, home, path)


def wagtail_choice(hostname, port):
    try:
        return get_site_for_hostname(hostname, port).pk
    except Site.DoesNotExist:
        return None


@pytest.mark.parametrize("with_default", [True, False])
def test_the_cached_site_lookup_chooses_as_wagtail_does(public_site, with_default):
    root = public_site.home
    Site.objects.create(hostname="other.example", port=80, root_page=root)
    Site.objects.create(hostname="other.example", port=8080, root_page=root)
    Site.objects.create(hostname="third.example", port=443, root_page=root)
    if not with_default:
        Site.objects.update(is_default_site=False)
    sites = load_sites()
    hosts = [
        ("localhost", 80),
        ("other.example", 80),
        ("other.example", 8080),
        ("other.example", 9000),
        ("third.example", 443),
        ("third.example", 80),
        ("unknown.example", 80),
    ]
    for hostname, port in hosts:
        chosen = match_site(sites, hostname, port)
        assert (chosen.pk if chosen else None) == wagtail_choice(hostname, port), hostname


def test_the_middleware_sets_the_site_wagtail_would_find(client, public_site):
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    assert find_site(request) == Site.find_for_request(RequestFactory().get("/"))
    response = client.get(public_site.program.url)
    assert response.status_code == 200
    assert response.wsgi_request._wagtail_site == Site.objects.get(is_default_site=True)
