"""The agency identity setting: banner, header logo, footer identifier and their empty states."""

import json

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup

from wagtail_spcp.models import AgencyIdentity
from wagtail_spcp.models.identity import validate_link

pytestmark = pytest.mark.django_db

REQUIRED_LINKS = {
    "about_url": "About Community Relations Service",
    "accessibility_url": "Accessibility statement",
    "foia_url": "FOIA requests",
    "no_fear_act_url": "No FEAR Act data",
    "inspector_general_url": "Office of the Inspector General",
    "performance_reports_url": "Performance reports",
    "privacy_policy_url": "Privacy policy",
}


def page_html(client, path="/programs/"):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def identity(**fields) -> AgencyIdentity:
    site = Site.objects.get(is_default_site=True)
    AgencyIdentity.objects.update_or_create(site=site, defaults=fields)
    return AgencyIdentity.objects.get(site=site)


def test_with_nothing_saved_there_is_no_banner_no_links_and_no_row_written(client, public_site):
    html = page_html(client)
    assert html.select(".usa-banner") == []
    assert html.select(".usa-identifier__section--required-links") == []
    assert html.select(".usa-identifier__section--usagov") == []
    assert "An official website" not in html.text
    # Reading the setting on a page view writes nothing.
    assert not AgencyIdentity.objects.exists()


def test_the_site_name_comes_from_the_wagtail_site_never_the_host(client, public_site):
    Site.objects.filter(is_default_site=True).update(site_name="Riverton Partnerships")
    html = page_html(client)
    assert html.select_one(".usa-identifier__identity-domain").text.strip() == (
        "Riverton Partnerships"
    )
    assert html.select_one(".spcp-logo__name").text.strip() == "Riverton Partnerships"
    assert html.title.text.strip().endswith("| Riverton Partnerships")
    footer = html.select_one("footer").text
    assert "testserver" not in footer and "localhost" not in footer


def test_a_site_with_no_name_gets_the_default_name(client, public_site):
    Site.objects.filter(is_default_site=True).update(site_name="")
    html = page_html(client)
    assert html.select_one(".spcp-logo__name").text.strip() == "Community Partnerships"
    assert html.select_one(".usa-identifier__identity-domain").text.strip() == (
        "Community Partnerships"
    )


def test_the_domain_setting_replaces_the_site_name_in_the_identifier(client, public_site):
    identity(domain="crs.example.gov")
    html = page_html(client)
    assert html.select_one(".usa-identifier__identity-domain").text.strip() == "crs.example.gov"


def test_the_banner_shows_only_when_switched_on(client, public_site):
    identity(show_government_banner=True, agency_name="Community Relations Service")
    html = page_html(client)
    banner = html.select_one("section.usa-banner")
    assert banner["aria-label"] == "Official website of the United States government"
    assert "An official website of the United States government" in banner.text
    button = banner.select_one("button.usa-banner__button")
    assert button["aria-expanded"] == "false"
    assert button["aria-controls"] == "gov-banner"
    assert "Here’s how you know" in button.text
    assert banner.select_one("#gov-banner") is not None
    assert "Official websites use .gov" in banner.text
    # The banner comes before the header, after the skip link.
    assert html.body.find(class_="usa-banner").find_previous(class_="usa-skipnav") is not None
    assert html.body.find("header", class_="usa-header").find_previous(class_="usa-banner")
    usagov = html.select_one(".usa-identifier__section--usagov")
    assert usagov.select_one("a")["href"] == "https://www.usa.gov/"

    identity(show_government_banner=False)
    html = page_html(client)
    assert html.select(".usa-banner") == []
    assert html.select(".usa-identifier__section--usagov") == []


def test_a_military_site_says_mil(client, public_site):
    identity(show_government_banner=True, top_level_domain="mil")
    banner = page_html(client).select_one(".usa-banner")
    assert "Official websites use .mil" in banner.text
    assert "Secure .mil websites use HTTPS" in banner.text


def test_the_agency_is_named_official_only_on_a_government_site(client, public_site):
    identity(agency_name="Community Relations Service", agency_url="https://crs.example.gov/")
    disclaimer = page_html(client).select_one(".usa-identifier__identity-disclaimer")
    assert " ".join(disclaimer.text.split()) == "A website of Community Relations Service"
    assert disclaimer.a["href"] == "https://crs.example.gov/"

    identity(show_government_banner=True)
    disclaimer = page_html(client).select_one(".usa-identifier__identity-disclaimer")
    assert " ".join(disclaimer.text.split()) == (
        "An official website of the Community Relations Service"
    )


def test_only_the_links_that_are_set_are_shown_in_order(client, public_site):
    identity(
        agency_name="Community Relations Service",
        privacy_policy_url="/privacy/",
        about_url="https://crs.example.gov/about/",
        foia_url="   ",
    )
    links = page_html(client).select(".usa-identifier__required-link")
    assert [(link.text, link["href"]) for link in links] == [
        ("About Community Relations Service", "https://crs.example.gov/about/"),
        ("Privacy policy", "/privacy/"),
    ]


def test_every_required_link_with_its_label(client, public_site):
    identity(
        agency_name="Community Relations Service",
        **{field: f"/{field.removesuffix('_url')}/" for field in REQUIRED_LINKS},
    )
    html = page_html(client)
    links = html.select(".usa-identifier__required-link")
    assert [link.text for link in links] == list(REQUIRED_LINKS.values())
    assert html.select_one(".usa-identifier__section--required-links")["aria-label"] == (
        "Important links"
    )


def test_no_link_on_a_public_page_has_an_empty_href(client, public_site):
    identity(show_government_banner=True, about_url="/programs/")
    for path in ["/", "/programs/", "/offices/", "/offices/southwest/"]:
        html = page_html(client, path)
        assert [str(a) for a in html.find_all("a") if not (a.get("href") or "").strip()] == []


def test_about_link_without_an_agency_name(client, public_site, settings):
    settings.WAGTAIL_SPCP_AGENCY = {}
    identity(about_url="/about/")
    link = page_html(client).select_one(".usa-identifier__required-link")
    assert link.text == "About us"


@pytest.mark.parametrize("value", ["/about/", "https://example.gov/foia", "http://x.test/"])
def test_links_may_be_paths_or_web_addresses(value):
    validate_link(value)


@pytest.mark.parametrize(
    "value", ["javascript:alert(1)", "//evil.example/", "about", "mailto:a@example.org"]
)
def test_other_links_are_refused(value):
    with pytest.raises(ValidationError):
        validate_link(value)


@pytest.fixture
def logo():
    return get_image_model().objects.create(
        title="crs-seal.png", description="", file=get_test_image_file("crs-seal.png")
    )


def test_no_logo_means_the_site_name_as_text(client, public_site):
    html = page_html(client)
    assert html.select(".usa-logo img") == []
    assert html.select(".usa-identifier__logos") == []
    assert html.select_one(".usa-logo a").text.strip() == html.select_one(".spcp-logo__name").text


def test_the_logo_shows_in_the_header_and_footer_with_its_alt_text(client, public_site, logo):
    identity(
        agency_name="Community Relations Service",
        agency_url="https://crs.example.gov/",
        logo=logo,
        logo_alt_text="Community Relations Service seal",
    )
    html = page_html(client)
    header_logo = html.select_one(".usa-logo a img")
    assert header_logo["alt"] == "Community Relations Service seal"
    assert html.select_one(".usa-logo a .spcp-logo__name")  # the name stays beside the logo
    footer_logo = html.select_one(".usa-identifier__logos a img")
    assert footer_logo["alt"] == "Community Relations Service seal"
    assert html.select_one(".usa-identifier__logos a")["href"] == "https://crs.example.gov/"


def test_logo_alt_text_falls_back_to_the_image_description_then_the_agency(
    client, public_site, logo
):
    identity(agency_name="Community Relations Service", logo=logo)
    assert page_html(client).select_one(".usa-logo img")["alt"] == "Community Relations Service"
    logo.description = "A blue seal with a dove"
    logo.save()
    assert page_html(client).select_one(".usa-logo img")["alt"] == "A blue seal with a dove"


def test_the_setting_names_the_offices_parent_organisation(client, public_site):
    identity(agency_name="Riverton Office of Community Relations", agency_url="https://r.test/")
    html = client.get("/offices/southwest/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    office = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert office["parentOrganization"] == {
        "@type": "GovernmentOrganization",
        "name": "Riverton Office of Community Relations",
        "url": "https://r.test/",
    }


def test_editors_change_the_setting_in_the_admin(client, public_site, admin_user):
    client.force_login(admin_user)
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["wagtail_spcp", "agencyidentity", site.pk])
    assert client.get(url).status_code == 200
    data = {
        "show_government_banner": "on",
        "top_level_domain": "gov",
        "agency_name": "Community Relations Service",
        "agency_url": "",
        "domain": "",
        "logo": "",
        "logo_alt_text": "",
        **dict.fromkeys(REQUIRED_LINKS, ""),
        "privacy_policy_url": "javascript:alert(1)",
    }
    response = client.post(url, data)
    assert response.status_code == 200  # the form again, with the error
    assert AgencyIdentity.objects.get(site=site).privacy_policy_url == ""

    data["privacy_policy_url"] = "/privacy/"
    response = client.post(url, data)
    assert response.status_code == 302
    saved = AgencyIdentity.objects.get(site=site)
    assert saved.show_government_banner and saved.privacy_policy_url == "/privacy/"


def test_load_demo_fills_the_identity_once():
    call_command("load_demo", "--no-admin", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    demo = AgencyIdentity.objects.get(site=site)
    assert demo.show_government_banner
    assert demo.agency_name == "Community Relations Service"
    assert demo.about_url == site.root_page.get_children().get(slug="programs").url
    assert demo.foia_url == ""

    demo.agency_name = "Edited by an editor"
    demo.save()
    call_command("load_demo", "--no-admin", verbosity=0)
    assert AgencyIdentity.objects.get(site=site).agency_name == "Edited by an editor"
