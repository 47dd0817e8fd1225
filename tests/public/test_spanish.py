"""Spanish rendering of the interface strings: pages under ``/es/``, the finder, the API.

The Spanish pages here are fresh translation copies that still hold the English content;
``test_translated_pages`` checks the demo's real Spanish copy.
"""

from django.utils import translation

import pytest

from tests.utils import translate_pages
from wagtail_spcp.finder import parse_query

pytestmark = pytest.mark.django_db

SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es"}


@pytest.fixture(scope="module")
def spanish_pages(shared_public_site):
    """The test tree's home, finder, program index and program, copied into Spanish."""
    site = shared_public_site
    translate_pages([site.home, site.finder, site.programs, site.program])


def test_finder_page_in_spanish(client, public_site, spanish_pages):
    html = client.get("/es/offices/", {"q": "77550"}).content.decode()
    assert '<html lang="es">' in html
    assert "Saltar al contenido principal" in html
    assert "Código postal, ciudad o estado" in html  # the default label, translated
    assert "Buscar una oficina" in html
    assert "El código postal 77550 está en Galveston, Texas." in html
    assert "Oficinas locales de su región" in html
    assert "Oficina regional" in html
    assert "Texas: región Southwest" in html


def test_unprefixed_pages_stay_in_english_whatever_the_browser_asks(client, public_site):
    html = client.get("/offices/", {"q": "77550"}, **SPANISH).content.decode()
    assert '<html lang="en">' in html
    assert "Find an office" in html


def test_finder_messages_in_spanish(client, public_site, spanish_pages):
    html = client.get("/es/offices/", {"q": "Galveston"}).content.decode()
    assert "Elija su lugar" in html
    assert "Hay más de un lugar llamado Galveston. Elija el suyo." in html


def test_program_page_in_spanish(client, public_site, spanish_pages):
    html = client.get("/es/programs/spcp/").content.decode()
    assert '<html lang="es">' in html
    assert "En resumen" in html
    assert "Cómo funciona" in html
    assert "Solicite este programa" in html  # the default heading, translated
    assert "En persona" in html


def test_api_message_in_spanish(client, reference_offices):
    response = client.get("/api/spcp/offices/lookup", {"q": "Xyzzyville"}, **SPANISH)
    assert response.status_code == 404
    assert response.json()["message"].startswith("No encontramos")
    assert "Accept-Language" in response["Vary"]


def test_lookup_messages_follow_the_active_language():
    with translation.override("es"):
        assert parse_query("").message == "Escriba un código postal, una ciudad o un estado."
    with translation.override("en"):
        assert parse_query("").message == "Enter a ZIP code, a city or a state."
