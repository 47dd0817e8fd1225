"""The finder page works without JavaScript: a GET form, results, choices and messages."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_form_is_a_plain_get_form_with_a_label(client, public_site):
    html = client.get("/offices/").content.decode()
    assert re.search(r'<form[^>]*action="/offices/"[^>]*method="get"', html)
    assert '<label class="usa-label" for="finder-q">ZIP code, city or state</label>' in html
    assert 'id="finder-q" type="search" name="q"' in html


def test_zip_shows_regional_office_and_field_offices(client, public_site):
    html = client.get("/offices/", {"q": "77550"}).content.decode()
    assert "Offices serving Galveston, TX" in html
    assert "Southwest Regional Office" in html
    assert "1999 Bryan Street" in html and "(214) 655-8175" in html
    assert "Arkansas, Louisiana, New Mexico, Oklahoma, Texas" in html
    assert "Houston Field Office" in html and "miles away" in html
    assert 'href="/offices/southwest/"' in html


def test_ambiguous_city_then_choice_completes_the_flow(client, public_site):
    html = client.get("/offices/", {"q": "Galveston"}).content.decode()
    assert "Choose your place" in html
    links = re.findall(r'href="(\?q=Galveston[^"]*)"', html)
    assert links == ["?q=Galveston%2C%20IN#results", "?q=Galveston%2C%20TX#results"]
    html = client.get("/offices/" + links[1].split("#")[0]).content.decode()
    assert "Southwest Regional Office" in html


def test_military_goes_to_headquarters(client, public_site):
    html = client.get("/offices/", {"q": "AE"}).content.decode()
    assert "served by headquarters" in html
    assert "145 N Street NE" in html


@pytest.mark.parametrize("query", ["Xyzzyville", "00000", "", "9" * 500])
def test_bad_input_gets_a_message_never_an_error_page(client, public_site, query):
    response = client.get("/offices/", {"q": query})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="usa-alert usa-alert--warning' in html


def test_markup_in_query_is_escaped(client, public_site):
    payload = '<script>alert("x")</script>'
    html = client.get("/offices/", {"q": payload}).content.decode()
    assert payload not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_tile_map_has_a_named_link_per_state_and_a_text_alternative(client, public_site):
    html = client.get("/offices/").content.decode()
    svg = html[html.index('<svg class="spcp-tile-map text-primary"') : html.index("</svg>")]
    tiles = re.findall(r'<a href="([^"]+)"\s+aria-label="([^"]+)"', svg)
    assert len(tiles) == 56
    assert ("/offices/?q=TX", "Texas: Southwest region") in tiles
    assert ("/offices/?q=GU", "Guam: Western region") in tiles
    assert '<title id="map-title">' in svg
    alternative = html[html.index("Regions and the states they serve") :]
    assert 'href="/offices/southwest/"' in alternative
    assert 'href="/offices/?q=PR">Puerto Rico</a>' in alternative
