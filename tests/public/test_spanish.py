"""Spanish rendering of the public pages, the finder and the API messages."""

from django.utils import translation

import pytest

from wagtail_spcp.finder import parse_query

pytestmark = pytest.mark.django_db

SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es"}


def test_finder_page_in_spanish(client, public_site):
    html = client.get("/offices/", {"q": "77550"}, **SPANISH).content.decode()
    assert '<html lang="es">' in html
    assert "Saltar al contenido principal" in html
    assert "Código postal, ciudad o estado" in html  # the default label, translated
    assert "Buscar una oficina" in html
    assert "El código postal 77550 está en Galveston, Texas." in html
    assert "Oficinas locales de su región" in html
    assert "Oficina regional" in html
    assert "Texas: región Southwest" in html


def test_finder_messages_in_spanish(client, public_site):
    html = client.get("/offices/", {"q": "Galveston"}, **SPANISH).content.decode()
    assert "Elija su lugar" in html
    assert "Hay más de un lugar llamado Galveston. Elija el suyo." in html


def test_program_page_in_spanish(client, public_site):
    html = client.get("/programs/spcp/", **SPANISH).content.decode()
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
