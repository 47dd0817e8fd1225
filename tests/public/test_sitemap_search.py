"""Sitemap entries and Wagtail search cover public pages only, never confidential data."""

from wagtail.models import PageViewRestriction
from wagtail.search.models import IndexEntry

import pytest

from tests.utils import CONFIDENTIAL_MARKER

pytestmark = pytest.mark.django_db


def test_sitemap_lists_public_pages_and_region_pages(client, public_site):
    public_site.case_study.title = "Draft title"
    public_site.case_study.save_revision()  # an unpublished draft of a live page
    xml = client.get("/sitemap.xml").content.decode()
    for path in ["/offices/", "/programs/", "/programs/spcp/", "/programs/spcp/riverton/"]:
        assert f"<loc>http://localhost{path}</loc>" in xml
    assert "<loc>http://localhost/offices/southwest/</loc>" in xml
    assert "<loc>http://localhost/offices/western/</loc>" in xml
    assert CONFIDENTIAL_MARKER not in xml


def test_sitemap_leaves_out_unpublished_and_private_pages(client, public_site):
    public_site.case_study.unpublish()
    PageViewRestriction.objects.create(
        page=public_site.programs, restriction_type=PageViewRestriction.LOGIN
    )
    xml = client.get("/sitemap.xml").content.decode()
    assert "/programs/" not in xml
    assert "<loc>http://localhost/offices/</loc>" in xml


def test_program_search_finds_programs_and_case_studies(client, public_site):
    html = client.get("/programs/", {"q": "council"}).content.decode()
    assert "Results for “council”" in html
    assert 'href="/programs/spcp/riverton/">Riverton builds a council</a>' in html
    assert "(Case study)" in html and "Riverton, Texas" in html
    html = client.get("/programs/", {"q": "police"}).content.decode()
    assert 'href="/programs/spcp/">Strengthening Police' in html
    assert "(Program)" in html
    html = client.get("/programs/", {"q": "zebra"}).content.decode()
    assert "No programs or case studies match your search." in html


def test_search_skips_unpublished_pages(client, public_site):
    public_site.case_study.unpublish()
    html = client.get("/programs/", {"q": "Riverton"}).content.decode()
    assert 'href="/programs/spcp/riverton/"' not in html


def test_confidential_engagement_never_reaches_the_search_index(client, public_site):
    entries = IndexEntry.objects.all()
    assert entries.exists()
    for entry in entries:
        indexed = " ".join(
            str(getattr(entry, name, "")) for name in ("title", "autocomplete", "body")
        )
        assert CONFIDENTIAL_MARKER not in indexed
    html = client.get("/programs/", {"q": CONFIDENTIAL_MARKER}).content.decode()
    assert 'href="/programs/spcp/riverton/"' not in html


def test_rebuilt_index_holds_only_public_models(public_site, make_person):
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command

    from wagtail_spcp.models import Council, Engagement, Office, Person, Region

    engagement = Engagement.objects.get(slug="riverton-2026")
    make_person(first_name=CONFIDENTIAL_MARKER)
    Council.objects.create(engagement=engagement, name=CONFIDENTIAL_MARKER)
    call_command("update_index", verbosity=0)

    confidential = ContentType.objects.get_for_models(Engagement, Person, Council).values()
    assert not IndexEntry.objects.filter(content_type__in=confidential).exists()
    indexed_models = {entry.content_type.model_class() for entry in IndexEntry.objects.all()}
    assert {Office, Region} <= indexed_models
    for entry in IndexEntry.objects.all():
        assert CONFIDENTIAL_MARKER not in f"{entry.title} {entry.autocomplete} {entry.body}"


@pytest.mark.parametrize("query", ['"council', "council\x00", "AND OR NOT ( * ^", "'; DROP"])
def test_search_survives_any_input(client, public_site, query):
    response = client.get("/programs/", {"q": query})
    assert response.status_code == 200
    if "council" in query:
        assert 'href="/programs/spcp/riverton/"' in response.content.decode()


@pytest.mark.parametrize("query", ["a\x00b", '"Galveston', "'; DROP"])
def test_finder_and_api_survive_any_input(client, public_site, query):
    assert client.get("/offices/", {"q": query}).status_code == 200
    response = client.get("/api/spcp/offices/lookup", {"q": query})
    assert response.status_code in (200, 404)
    assert response.json()["status"] in ("ambiguous", "not_found")
