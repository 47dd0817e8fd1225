"""Cached fragments of the public pages: edits show at once, per language, never for staff."""

from django.core.cache import cache
from django.test import RequestFactory, override_settings
from django.utils import translation

from wagtail.models import Site

import pytest

from wagtail_spcp.cache import cached_fragment, content_version, fragment_key
from wagtail_spcp.models import AgencyIdentity, Region

pytestmark = pytest.mark.django_db


def anonymous_request():
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    return request


def publish_title(page, title):
    page.title = title
    page.save_revision().publish()


def body(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


class Builder:
    """Counts how often a fragment is rendered."""

    def __init__(self, html="<p>fragment</p>"):
        self.html = html
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.html


def test_a_published_change_shows_on_the_next_render(client, public_site):
    program_url = public_site.program.url
    assert "Strengthening Police" in body(client, program_url)
    assert "Strengthening Police" in body(client, program_url)  # now from the cache

    publish_title(public_site.program, "Partnerships renamed")
    assert "Partnerships renamed" in body(client, program_url)
    # The program index's cached list and the program's own content change with it.
    assert "Partnerships renamed" in body(client, public_site.programs.url)


def test_the_header_menu_follows_publish_and_unpublish(client, public_site):
    assert ">Programs</span>" in body(client, public_site.home.url)

    publish_title(public_site.programs, "Our programs")
    assert ">Our programs</span>" in body(client, public_site.home.url)

    public_site.programs.unpublish()
    assert "Our programs" not in body(client, public_site.home.url)


def test_a_snippet_or_setting_save_shows_on_the_next_render(client, public_site):
    finder_url = public_site.finder.url
    site = Site.objects.get(is_default_site=True)
    assert "Ministry of Partnerships" not in body(client, finder_url)

    AgencyIdentity.objects.create(site=site, agency_name="Ministry of Partnerships")
    assert "Ministry of Partnerships" in body(client, finder_url)

    region = Region.objects.get(slug="southwest")
    region.name = "Gulf and Plains"
    region.save()
    assert "Gulf and Plains" in body(client, finder_url)  # the cached tile map


def test_each_language_has_its_own_fragments(client, public_site):
    finder_url = public_site.finder.url
    english = body(client, finder_url)
    spanish = client.get(f"/es{finder_url}").content.decode()  # the English page, Spanish labels
    again = body(client, finder_url)

    assert "Offices by state and territory" in english
    assert "Oficinas por estado y territorio" in spanish
    assert "Offices by state and territory" not in spanish
    assert again == english

    request = anonymous_request()
    with translation.override("es"):
        spanish_key = fragment_key(request, "menu")
    with translation.override("en"):
        assert fragment_key(request, "menu") != spanish_key


def test_a_fragment_is_built_once_per_content_version(public_site):
    build = Builder()
    cached_fragment(anonymous_request(), "sample", build)
    cached_fragment(anonymous_request(), "sample", build)
    assert build.calls == 1

    cached_fragment(anonymous_request(), "sample", build, "other vary-on value")
    assert build.calls == 2

    before = content_version()
    Region.objects.first().save()
    assert content_version() != before
    cached_fragment(anonymous_request(), "sample", build)
    assert build.calls == 3


@override_settings(SPCP_FRAGMENT_CACHE=False)
def test_the_setting_turns_the_cache_off(client, public_site):
    build = Builder()
    request = anonymous_request()
    cached_fragment(request, "sample", build)
    cached_fragment(request, "sample", build)
    assert build.calls == 2
    assert cache.get(fragment_key(request, "sample")) is None

    body(client, public_site.program.url)
    assert cache.get(fragment_key(request, "page-content", public_site.program.pk)) is None


def test_signed_in_users_and_previews_never_fill_or_read_the_cache(
    client, public_site, django_user_model
):
    staff = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(staff)
    body(client, public_site.program.url)
    anonymous = anonymous_request()
    for name, vary_on in [("page-content", [public_site.program.pk]), ("main-menu", [])]:
        assert cache.get(fragment_key(anonymous, name, *vary_on)) is None
    client.logout()
    body(client, public_site.program.url)
    assert cache.get(fragment_key(anonymous, "page-content", public_site.program.pk)) is not None

    request = anonymous_request()
    request.is_preview = True
    build = Builder()
    cached_fragment(request, "sample", build)
    cached_fragment(request, "sample", build)
    assert build.calls == 2
    assert cache.get(fragment_key(request, "sample")) is None

    # What an anonymous visitor's render stored is not what a signed-in user gets either.
    cached_fragment(anonymous_request(), "sample", Builder("<p>public</p>"))
    staff_request = anonymous_request()
    staff_request.user = staff
    assert cached_fragment(staff_request, "sample", Builder("<p>fresh</p>")) == "<p>fresh</p>"
