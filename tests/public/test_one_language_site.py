"""A site that does not enable Wagtail's i18n: the app's pages work as before, in one language."""

from django.test import override_settings

import pytest

from wagtail_spcp.models import Region, RegionIntroduction

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("tests.public.one_language_urls"),
]

ONE_LANGUAGE = override_settings(WAGTAIL_I18N_ENABLED=False)


@ONE_LANGUAGE
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/programs/",
        "/programs/spcp/",
        "/programs/spcp/riverton/",
        "/offices/",
        "/offices/?q=77550",
        "/offices/southwest/",
        "/search/?q=council",
    ],
)
def test_pages_render_without_switcher_or_alternates(client, public_site, path):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "usa-language" not in html
    assert 'rel="alternate"' not in html


@ONE_LANGUAGE
def test_sitemap_lists_the_pages_without_alternates(client, public_site):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/programs/spcp/" in sitemap and "/offices/southwest/" in sitemap
    assert "xhtml:link" not in sitemap


@ONE_LANGUAGE
def test_region_page_shows_its_introduction(client, public_site, reference_offices):
    finder = public_site.finder
    finder.region_introductions = [
        RegionIntroduction(region=Region.objects.get(slug="central"), intro="<p>Plains.</p>")
    ]
    finder.save_revision().publish()
    assert "<p>Plains.</p>" in client.get("/offices/central/").content.decode()


@ONE_LANGUAGE
def test_api_messages_follow_accept_language(client, reference_offices):
    response = client.get(
        "/api/spcp/offices/lookup", {"q": "Xyzzyville"}, HTTP_ACCEPT_LANGUAGE="es"
    )
    assert response.json()["message"].startswith("No encontramos")
