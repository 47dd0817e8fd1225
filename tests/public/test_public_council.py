"""A council marked public has a public page with its public fields and public meetings only."""

import datetime

import pytest

from tests.utils import translate_pages
from wagtail_spcp.models import Council, CouncilMeeting

SECRET = "zqxSECRETqz"


@pytest.fixture
def councils(public_site, make_engagement):
    engagement = make_engagement(slug="harbor-town", title=f"Harbor Town {SECRET}")
    public = Council.objects.create(
        engagement=engagement,
        name="Harbor Town Partnership Council",
        status="active",
        formed_on=datetime.date(2026, 6, 20),
        rules_of_engagement=f"Rules {SECRET}",
        is_public=True,
        public_summary="We meet monthly with the police chief.",
        public_contact_name="Council secretary",
        public_contact_email="council@example.org",
    )
    CouncilMeeting.objects.create(
        council=public,
        date=datetime.date(2026, 7, 1),
        agenda="Youth nights",
        minutes="Agreed a schedule.",
        is_public=True,
    )
    CouncilMeeting.objects.create(
        council=public,
        date=datetime.date(2026, 8, 1),
        agenda=f"Private agenda {SECRET}",
        minutes=f"Private minutes {SECRET}",
        is_public=False,
    )
    private = Council.objects.create(engagement=engagement, name=f"Private {SECRET}")
    return public, private


def council_url(public_site, council, region_slug="southwest"):
    return f"{public_site.finder.url}{region_slug}/councils/{council.pk}/"


def test_public_council_page_shows_only_public_fields(client, public_site, councils):
    public, _ = councils
    response = client.get(council_url(public_site, public))
    body = response.content.decode()

    assert response.status_code == 200
    assert "Harbor Town Partnership Council" in body
    assert "We meet monthly with the police chief." in body
    assert "council@example.org" in body
    assert "Youth nights" in body and "Agreed a schedule." in body
    assert SECRET not in body


def test_private_council_and_wrong_region_are_not_found(client, public_site, councils):
    public, private = councils
    assert client.get(council_url(public_site, private)).status_code == 404
    assert client.get(council_url(public_site, public, "new-england")).status_code == 404
    assert client.get(council_url(public_site, public, "no-such-region")).status_code == 404


def test_region_page_and_sitemap_list_only_public_councils(client, public_site, councils):
    public, private = councils
    region_page = client.get(f"{public_site.finder.url}southwest/").content.decode()
    assert "Harbor Town Partnership Council" in region_page
    assert council_url(public_site, public) in region_page
    assert SECRET not in region_page

    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"/southwest/councils/{public.pk}/" in sitemap
    assert f"/councils/{private.pk}/" not in sitemap


def test_public_council_page_in_spanish(client, public_site, councils):
    public, _ = councils
    translate_pages([public_site.home, public_site.finder])
    response = client.get("/es" + council_url(public_site, public))
    body = response.content.decode()
    assert "Reuniones públicas" in body
    assert "Orden del día" in body
