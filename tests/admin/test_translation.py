"""Editors copy a page tree for translation with Wagtail's simple_translation."""

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Locale, Page, Site

import pytest

from spcp_demo.home.models import HomePage
from wagtail_spcp.models import OfficeFinderPage, ProgramIndexPage, Region, RegionIntroduction

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_tree():
    call_command("loaddata", "crs_offices", verbosity=0)
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Home", slug="spcp-home"))
    Site.objects.update(root_page=home, is_default_site=True)
    finder = home.add_child(instance=OfficeFinderPage(title="Find your office", slug="offices"))
    finder.region_introductions = [
        RegionIntroduction(region=Region.objects.get(slug="central"), intro="<p>Plains.</p>")
    ]
    finder.save_revision().publish()
    home.add_child(instance=ProgramIndexPage(title="Programs", slug="programs"))
    return home


def test_editor_copies_the_whole_tree_for_translation(admin_client, english_tree):
    spanish = Locale.objects.create(language_code="es")
    url = reverse("simple_translation:submit_page_translation", args=[english_tree.pk])
    assert admin_client.get(url).status_code == 200

    response = admin_client.post(url, {"locales": [spanish.pk], "include_subtree": "on"})

    assert response.status_code == 302
    copies = Page.objects.filter(locale=spanish)
    assert copies.count() == 3
    finder = OfficeFinderPage.objects.get(locale=spanish)
    assert not finder.live  # a draft for the translator to fill in and publish
    assert [intro.intro for intro in finder.region_introductions.all()] == ["<p>Plains.</p>"]
    assert finder.get_parent().specific.get_translation(Locale.get_default()) == english_tree
