"""schema.org GovernmentOffice JSON-LD on finder results and region pages."""

import json
import re

import pytest

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(html):
    return [json.loads(block) for block in JSON_LD.findall(html)]


def test_region_page_json_ld_parses_with_required_keys(client, public_site):
    blocks = json_ld(client.get("/offices/southwest/").content.decode())
    assert [block["name"] for block in blocks] == [
        "Southwest Regional Office",
        "Houston Field Office",
    ]
    office = blocks[0]
    assert office["@context"] == "https://schema.org"
    assert office["@type"] == "GovernmentOffice"
    assert office["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "1999 Bryan Street, Suite 2050",
        "addressLocality": "Dallas",
        "addressRegion": "TX",
        "postalCode": "75201",
        "addressCountry": "US",
    }
    assert office["telephone"] == "(214) 655-8175"
    assert {"@type": "State", "name": "Texas"} in office["areaServed"]
    assert len(office["areaServed"]) == 5
    assert office["parentOrganization"]["@type"] == "GovernmentOrganization"
    assert office["parentOrganization"]["name"]
    assert office["geo"]["latitude"] == pytest.approx(32.7904)


def test_headquarters_serves_the_country(client, public_site):
    blocks = json_ld(client.get("/offices/", {"q": "AE"}).content.decode())
    assert blocks[0]["name"] == "Headquarters"
    assert blocks[0]["areaServed"] == {"@type": "Country", "name": "United States"}


def test_json_ld_escapes_markup(settings, client, public_site):
    from wagtail_spcp.models import Office

    Office.objects.filter(slug="southwest").update(name="</script><b>Southwest</b>")
    html = client.get("/offices/southwest/").content.decode()
    assert "</script><b>" not in html
    assert json_ld(html)[0]["name"] == "</script><b>Southwest</b>"


def test_agency_setting_names_the_parent_organisation(settings, client, public_site):
    settings.WAGTAIL_SPCP_AGENCY = {"name": "Community Relations Service", "url": "https://x.test"}
    office = json_ld(client.get("/offices/southwest/").content.decode())[0]
    assert office["parentOrganization"] == {
        "@type": "GovernmentOrganization",
        "name": "Community Relations Service",
        "url": "https://x.test",
    }
