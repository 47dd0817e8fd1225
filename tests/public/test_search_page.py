"""The public search page: live, public pages only, editors' picks first, paginated."""

import re

from django.test import override_settings

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction, Site

import pytest

from tests.utils import CONFIDENTIAL_MARKER
from wagtail_spcp.models import ProgramPage
from wagtail_spcp.search import pages as search_pages

pytestmark = pytest.mark.django_db

RESULT_LINK = re.compile(r'<h3 class="margin-y-05"><a class="usa-link" href="([^"]+)">')
HARBOR_PROGRAMS = 23


@pytest.fixture(scope="module")
def harbor_programs(shared_public_site):
    """Enough programs sharing one word to fill three pages of results."""
    for number in range(1, HARBOR_PROGRAMS + 1):
        shared_public_site.programs.add_child(
            instance=ProgramPage(
                title=f"Harbor dialogue {number:02d}",
                slug=f"harbor-{number:02d}",
                summary=f"Harbor town dialogue number {number}.",
                length="Three hours",
                audience="Harbor neighbors",
            )
        )


def result_links(html: str) -> list[str]:
    return RESULT_LINK.findall(html)


def promote(query: str, page=None, **fields) -> SearchPromotion:
    return SearchPromotion.objects.create(query=Query.get(query), page=page, **fields)


def test_search_page_without_a_query_shows_the_labelled_form_only(client, public_site):
    response = client.get("/search/")
    html = response.content.decode()

    assert response.status_code == 200
    assert html.count("<h1") == 1 and "<h1>Search</h1>" in html
    assert 'role="search" aria-label="Search this site"' in html
    assert '<label class="usa-label" for="site-search-q">Search terms</label>' in html
    assert 'action="/search/"' in html and 'name="q"' in html
    assert 'role="status"' not in html and "No pages match" not in html
    assert not Query.objects.exists()
    assert client.get("/search/", {"q": "   "}).content.decode().count("<h1>Search</h1>") == 1
    assert not Query.objects.exists()


def test_public_pages_are_found_with_their_type_and_summary(client, public_site):
    html = client.get("/search/", {"q": "police"}).content.decode()

    assert result_links(html) == ["/programs/spcp/"]
    assert 'id="site-search-count" role="status"' in html
    assert "1 result for “police”" in html
    assert '<p class="spcp-search-result__type text-base-dark margin-0">Program</p>' in html
    assert "A one-day program that brings police and community leaders together." in html

    html = client.get("/search/", {"q": "Riverton"}).content.decode()
    assert result_links(html) == ["/programs/spcp/riverton/"]
    assert ">Case study</p>" in html
    assert "Eighty people met in seven sector groups." in html  # the narrative's text, no tags


def test_search_description_is_the_summary_and_verbose_name_the_type(client, public_site):
    public_site.finder.search_description = "Find the office that serves your town."
    public_site.finder.save_revision().publish()

    html = client.get("/search/", {"q": "Find your office"}).content.decode()

    assert "/offices/" in result_links(html)
    assert ">Office finder page</p>" in html
    assert "Find the office that serves your town." in html


def test_unpublished_private_and_draft_content_is_never_found(client, public_site):
    public_site.case_study.unpublish()
    assert "/programs/spcp/riverton/" not in result_links(
        client.get("/search/", {"q": "Riverton"}).content.decode()
    )

    public_site.program.title = "Secret draft wording"
    public_site.program.save_revision()  # a draft of a live page: not what visitors see
    assert result_links(client.get("/search/", {"q": "Secret draft"}).content.decode()) == []

    PageViewRestriction.objects.create(
        page=public_site.programs, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    html = client.get("/search/", {"q": "police"}).content.decode()
    assert result_links(html) == []
    assert "0 results for “police”" in html
    assert "Strengthening Police" not in html


def test_pages_of_another_site_are_not_found(client, public_site):
    root = Page.get_first_root_node()
    other_home = root.add_child(instance=Page(title="Other agency", slug="other-agency"))
    other_home.add_child(instance=Page(title="Lighthouse program", slug="lighthouse"))
    Site.objects.create(hostname="other.example", root_page=other_home)

    assert result_links(client.get("/search/", {"q": "Lighthouse"}).content.decode()) == []
    with override_settings(ALLOWED_HOSTS=["localhost", "testserver", "other.example"]):
        other = client.get("/search/", {"q": "Lighthouse"}, HTTP_HOST="other.example")
    assert result_links(other.content.decode()) == ["/lighthouse/"]


def test_promoted_results_come_first_once_and_only_when_visitors_may_see_them(client, public_site):
    promote("Council", page=public_site.program, description="Our flagship program.")
    promote(
        "council",
        external_link_url="https://www.justice.gov/crs",
        external_link_text="Community Relations Service",
    )
    promote("council", page=public_site.finder)
    public_site.finder.unpublish()

    html = client.get("/search/", {"q": "COUNCIL"}).content.decode()

    promoted = html.index('id="site-search-promoted"')
    assert promoted < html.index('id="site-search-results"')
    assert html.index('href="/programs/spcp/"') < html.index('href="https://www.justice.gov/crs"')
    assert "Our flagship program." in html and ">Community Relations Service</a>" in html
    assert 'href="/offices/"' not in html[promoted:]  # unpublished: never promoted
    assert html.count('href="/programs/spcp/"') == 1  # not repeated among the results
    assert result_links(html)[-1] == "/programs/spcp/riverton/"
    assert "3 results for “COUNCIL”" in html


def test_a_promoted_private_page_is_left_out(client, public_site):
    promote("police", page=public_site.program)
    PageViewRestriction.objects.create(
        page=public_site.program, restriction_type=PageViewRestriction.LOGIN
    )
    html = client.get("/search/", {"q": "police"}).content.decode()
    assert 'href="/programs/spcp/"' not in html
    assert "No pages match your search" in html


def test_each_search_counts_one_hit_for_its_query(client, public_site, harbor_programs):
    client.get("/search/", {"q": "Harbor  town"})
    client.get("/search/", {"q": "harbor town"})
    client.get("/search/", {"q": "harbor town", "page": "2"})  # paging is not a new search

    assert Query.get("harbor town").hits == 2
    assert list(Query.objects.values_list("query_string", flat=True)) == ["harbor town"]


def test_results_are_paginated_with_uswds_pagination(client, public_site, harbor_programs):
    first = client.get("/search/", {"q": "harbor"}).content.decode()
    assert len(result_links(first)) == 10
    assert f"{HARBOR_PROGRAMS} results for “harbor”" in first
    assert "(page 1 of 3)" in first
    assert '<nav class="usa-pagination" aria-label="Pagination">' in first
    assert 'href="?q=harbor&amp;page=2" aria-label="Page 2"' in first
    assert 'aria-label="Page 1" aria-current="page"' in first
    assert 'usa-pagination__next-page" href="?q=harbor&amp;page=2"' in first
    assert "usa-pagination__previous-page" not in first

    last = client.get("/search/", {"q": "harbor", "page": "3"}).content.decode()
    assert len(result_links(last)) == HARBOR_PROGRAMS - 20
    assert '<ol class="usa-list usa-list--unstyled spcp-search-results" start="21">' in last
    assert "<title>Search results for “harbor” – page 3 |" in last
    assert "usa-pagination__next-page" not in last
    assert 'usa-pagination__previous-page" href="?q=harbor&amp;page=2"' in last

    def links_on(page_number):
        html = client.get("/search/", {"q": "harbor", "page": page_number}).content.decode()
        return result_links(html)

    every_page = [links_on(number) for number in (1, 2, 3)]
    found = [link for links in every_page for link in links]
    assert len(found) == len(set(found)) == HARBOR_PROGRAMS
    assert links_on("99") == every_page[2]  # past the end: the last page
    assert links_on("x") == every_page[0]


def test_no_results_suggests_other_words_and_pages(client, public_site):
    html = client.get("/search/", {"q": "zebra"}).content.decode()

    assert "0 results for “zebra”" in html
    assert "No pages match your search" in html
    assert "Check the spelling of your words." in html
    assert 'Browse <a class="usa-link" href="/offices/">Find your office</a>.' in html
    assert 'Browse <a class="usa-link" href="/programs/">Programs</a>.' in html
    assert '<nav class="usa-pagination"' not in html


def test_results_pages_are_kept_out_of_search_engines_and_the_sitemap(client, public_site):
    response = client.get("/search/", {"q": "police"})
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert response.headers["X-Robots-Tag"] == "noindex"
    assert "/search/" not in client.get("/sitemap.xml").content.decode()


def test_confidential_records_are_never_found(client, public_site, make_person):
    make_person(first_name="Quillon", last_name="Marrowby", email="quillon.marrowby@example.org")
    for query in [
        CONFIDENTIAL_MARKER,
        "Quillon Marrowby",
        "quillon.marrowby@example.org",
        "riverton-2026",
    ]:
        html = client.get("/search/", {"q": query}).content.decode()
        assert result_links(html) == [], query
        assert "0 results" in html
        assert "riverton-2026" not in html.replace(query, "")


@pytest.mark.parametrize(
    "query", ['"police', "police\x00", "AND OR NOT ( * ^", "'; DROP", "x" * 500]
)
def test_search_survives_any_input(client, public_site, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    if "police" in query:
        assert result_links(response.content.decode()) == ["/programs/spcp/"]


def test_query_echo_is_escaped(client, public_site):
    html = client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_search_works_without_search_promotions(client, public_site, monkeypatch):
    monkeypatch.setattr(search_pages, "promotions_installed", lambda: False)
    promote("police", external_link_url="https://example.org/", external_link_text="Elsewhere")
    Query.objects.all().delete()

    html = client.get("/search/", {"q": "police"}).content.decode()

    assert result_links(html) == ["/programs/spcp/"]
    assert "Elsewhere" not in html
    assert not Query.objects.exists()


def test_a_page_of_results_makes_a_bounded_number_of_queries(
    client, public_site, harbor_programs, django_assert_max_num_queries
):
    promote("harbor", page=public_site.program)
    client.get("/search/", {"q": "harbor"})  # warm caches (site, content types)
    # 16: one of them reads the site's agency identity, one the home page in each language
    # (the header's navigation and the language switcher).
    with django_assert_max_num_queries(16):
        response = client.get("/search/", {"q": "harbor"})
    assert len(result_links(response.content.decode())) == 1 + 10  # the pick, a page of results
