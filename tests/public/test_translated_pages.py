"""The demo's pages in Spanish under ``/es/``: content, language switcher, hreflang, sitemap."""

import re

from django.core.management import call_command

from wagtail.models import Page, Site

import pytest
from defusedxml import ElementTree as ET

from wagtail_spcp.models import Council, OfficeFinderPage, ProgramIndexPage, ProgramPage

HOST = "https://partnerships.example.gov"
PROGRAM_EN = "/programs/strengthening-police-and-community-partnerships/"
PROGRAM_ES = "/es/programas/fortalecimiento-de-alianzas-entre-la-policia-y-la-comunidad/"
CASE_EN = PROGRAM_EN + "cedar-hollow-builds-a-standing-council/"
CASE_ES = PROGRAM_ES + "cedar-hollow-forma-un-consejo-permanente/"
# Each English page and its Spanish translation.
PAIRS = [
    ("/", "/es/"),
    ("/programs/", "/es/programas/"),
    (PROGRAM_EN, PROGRAM_ES),
    (CASE_EN, CASE_ES),
    ("/offices/", "/es/oficinas/"),
]
SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


@pytest.fixture(scope="module")
def demo(shared_db):
    """The demo site, served at ``HOST`` (from ``load_demo --admin-url``)."""
    call_command("load_demo", "--no-admin", "--admin-url", f"{HOST}/admin/", verbosity=0)


@pytest.fixture
def site(demo):
    return Site.objects.get(is_default_site=True)


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def switcher(html):
    """The language switcher's links: (href, lang, hreflang, label).

    The header holds the switcher twice (one in the phone bar, one for wide screens).
    """
    return sorted(
        set(
            re.findall(
                r'<a class="usa-button usa-language__link spcp-language__link" href="([^"]*)" '
                r'lang="([^"]*)" hreflang="([^"]*)">([^<]*)</a>',
                html,
            )
        )
    )


def alternates(html):
    return re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)


@pytest.mark.parametrize(
    "path, spanish, english",
    [
        ("/es/", ["Alianzas Comunitarias", "servicios son gratuitos"], ["Featured program"]),
        ("/es/programas/", ["Programas con facilitadores", "Un día", "Formato"], ["One day"]),
        (
            PROGRAM_ES,
            ["Duración", "Un día", "En persona", "Reunir un grupo de planificación", "Gratuito"],
            ["One day", "Convene a planning group", "Free and confidential", "Local capacity"],
        ),
        (CASE_ES, ["Cedar Hollow forma un consejo permanente", "reglas de participación"], []),
        (
            "/es/oficinas/",
            ["Encuentre su oficina regional", "Código postal, ciudad o estado"],
            ["Enter a ZIP code"],
        ),
        ("/es/oficinas/?q=77550", ["Oficinas locales de su región"], []),
    ],
)
def test_spanish_pages_are_spanish_throughout(client, demo, path, spanish, english):
    html = get(client, path)
    assert '<html lang="es">' in html
    for text in spanish:
        assert text in html, text
    for text in english:
        assert text not in html, text


def test_english_pages_stay_english(client, demo):
    html = get(client, PROGRAM_EN)
    assert '<html lang="en">' in html
    assert "One day" in html and "Un día" not in html


@pytest.mark.parametrize("english, spanish", PAIRS)
def test_switcher_links_each_page_to_its_translation(client, demo, english, spanish):
    assert switcher(get(client, english)) == [(spanish, "es", "es", "Español")]
    assert switcher(get(client, spanish)) == [(english, "en", "en", "English")]


def test_switcher_falls_back_to_the_other_languages_home_page(client, demo):
    index = ProgramIndexPage.objects.get(locale__language_code="en")
    program = ProgramPage(
        title="Campus dialogues", slug="campus-dialogues", summary="Talks.", length="Three hours"
    )
    program.audience = "Students"
    index.add_child(instance=program)
    program.save_revision().publish()

    assert switcher(get(client, "/programs/campus-dialogues/")) == [("/es/", "es", "es", "Español")]
    assert alternates(get(client, "/programs/campus-dialogues/")) == []


@pytest.mark.parametrize(
    "english, spanish",
    [
        ("/offices/?q=77550", "/es/oficinas/?q=77550"),
        ("/offices/southwest/", "/es/oficinas/southwest/"),
        ("/search/?q=council", "/es/search/?q=council"),
        ("/search/", "/es/search/"),
    ],
)
def test_routable_pages_and_the_search_page_switch_to_the_same_route(
    client, demo, english, spanish
):
    assert switcher(get(client, english)) == [(spanish, "es", "es", "Español")]
    assert switcher(get(client, spanish)) == [(english, "en", "en", "English")]


def test_switcher_link_carries_the_query_encoded(client, demo):
    spanish = "/es/oficinas/?q=%3Cb%3ENowhere%3C%2Fb%3E"
    assert switcher(get(client, "/offices/?q=<b>Nowhere</b>")) == [(spanish, "es", "es", "Español")]
    search = "/search/?q=%3Cb%3Ezebra%3C%2Fb%3E&amp;page=2"  # HTML-escaped
    assert switcher(get(client, "/es/search/?q=<b>zebra</b>&page=2")) == [
        (search, "en", "en", "English")
    ]


def test_public_council_page_switches(client, demo):
    Council.objects.update(is_public=True)
    sitemap = client.get("/sitemap.xml").content.decode()
    council = re.search(rf"<loc>{HOST}(/offices/[\w-]+/councils/\d+/)</loc>", sitemap)[1]
    spanish = "/es/oficinas/" + council.removeprefix("/offices/")
    assert switcher(get(client, council)) == [(spanish, "es", "es", "Español")]
    assert switcher(get(client, spanish)) == [(council, "en", "en", "English")]


@pytest.mark.parametrize(
    "english, spanish", [*PAIRS, ("/offices/southwest/", "/es/oficinas/southwest/")]
)
def test_head_lists_each_language_and_x_default_on_the_real_host(client, demo, english, spanish):
    expected = [("en", HOST + english), ("es", HOST + spanish), ("x-default", HOST + english)]
    assert alternates(get(client, english)) == expected
    assert alternates(get(client, spanish)) == expected


def test_sitemap_lists_both_languages_with_alternates_on_the_real_host(client, demo):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    entries = {
        url.find("s:loc", SITEMAP_NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP_NS)
        }
        for url in root.findall("s:url", SITEMAP_NS)
    }
    assert all(location.startswith(HOST + "/") for location in entries)
    for english, spanish in [*PAIRS, ("/offices/southwest/", "/es/oficinas/southwest/")]:
        expected = {"en": HOST + english, "es": HOST + spanish, "x-default": HOST + english}
        assert entries[HOST + english] == expected
        assert entries[HOST + spanish] == expected


def test_region_introduction_in_each_language(client, demo):
    english = get(client, "/offices/southwest/")
    spanish = get(client, "/es/oficinas/southwest/")
    assert "Our Dallas office and our Houston field office serve Texas" in english
    assert "Nuestra oficina de Dallas" not in english
    assert "Nuestra oficina de Dallas y nuestra oficina local de Houston" in spanish
    assert "Our Dallas office" not in spanish


def test_region_introduction_is_edited_on_each_finder_page(client, demo):
    spanish_finder = OfficeFinderPage.objects.get(locale__language_code="es")
    introduction = spanish_finder.region_introductions.get(region__slug="central")
    introduction.intro = "<p>Oficina de Kansas City: atendemos en inglés y en español.</p>"
    spanish_finder.region_introductions = [
        introduction,
        *spanish_finder.region_introductions.exclude(region__slug="central"),
    ]
    spanish_finder.save_revision().publish()

    assert "atendemos en inglés y en español" in get(client, "/es/oficinas/central/")
    assert "atendemos" not in get(client, "/offices/central/")


def test_header_navigation_and_logo_lead_to_pages_in_the_language_shown(client, demo):
    html = get(client, "/es/programas/")
    logo = html[html.index('<div class="usa-logo') :]
    assert re.match(r'<div class="usa-logo[^>]*>\s*<em[^>]*>\s*<a href="/es/"', logo)
    nav = html[html.index('<nav class="usa-nav"') :]
    nav = nav[: nav.index("</nav>")]
    assert re.findall(r'href="([^"]+)"', nav) == ["/es/programas/", "/es/oficinas/"]


def test_request_call_to_action_leads_to_the_spanish_finder(client, demo):
    html = get(client, PROGRAM_ES)
    assert 'action="/es/oficinas/"' in html


def test_spanish_site_search_finds_spanish_pages_only(client, demo):
    html = get(client, "/es/search/?q=Cedar Hollow")
    assert CASE_ES in html
    assert CASE_EN not in html


def test_demo_keeps_its_host_and_spanish_pages_when_loaded_again(site, demo):
    pages = Page.objects.count()
    call_command("load_demo", "--no-admin", "--admin-url", "http://other.example/admin/")
    site.refresh_from_db()
    assert site.root_url == HOST
    assert Page.objects.count() == pages


def required_links(html) -> list[str]:
    footer = html[html.index("usa-identifier__required-links-list") :]
    return re.findall(r'<a href="([^"]+)" class="usa-identifier__required-link', footer)


def test_footer_about_link_leads_to_the_page_in_the_language_shown(client, demo):
    assert required_links(get(client, "/es/oficinas/")) == ["/es/programas/"]
    assert required_links(get(client, "/offices/")) == ["/programs/"]


def test_spanish_pages_show_the_images_with_spanish_alt_text(client, demo):
    program = ProgramPage.objects.get(locale__language_code="es", slug=PROGRAM_ES.split("/")[-2])
    english = ProgramPage.objects.get(
        locale__language_code="en", translation_key=program.translation_key
    )
    assert program.image_id == english.image_id is not None
    assert program.image_alt.startswith("Dibujo de cinco escalones")
    assert f'alt="{program.image_alt}"' in get(client, PROGRAM_ES)
    assert re.search(r'<img [^>]*alt="Dibujo de una docena de personas', get(client, "/es/"))
