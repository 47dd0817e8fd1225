"""Public pages make a fixed, small number of queries whatever the number of offices, cards
and images."""

import datetime

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from spcp_demo.home.models import FeaturedProgram
from tests.utils import add_field_offices, make_image
from wagtail_spcp.finder import lookup
from wagtail_spcp.models import CaseStudyPage, ProgramPage

pytestmark = pytest.mark.django_db


def count_queries(fetch):
    with CaptureQueriesContext(connection) as queries:
        fetch()
    return len(queries)


@pytest.mark.parametrize(
    "query,budget", [("77550", 2), ("Galveston, TX", 2), ("AE", 1), ("Xyz", 0)]
)
def test_lookup_query_budget(reference_offices, django_assert_max_num_queries, query, budget):
    with django_assert_max_num_queries(budget):
        lookup(query)


def test_api_queries_do_not_grow_with_offices(client, reference_offices):
    client.get("/api/spcp/offices/")  # warm the cached list of sites (one query per process)
    before = {
        "lookup": count_queries(lambda: client.get("/api/spcp/offices/lookup", {"q": "77550"})),
        "list": count_queries(lambda: client.get("/api/spcp/offices/")),
    }
    add_field_offices(60)
    after = {
        "lookup": count_queries(lambda: client.get("/api/spcp/offices/lookup", {"q": "77550"})),
        "list": count_queries(lambda: client.get("/api/spcp/offices/")),
    }
    assert before == after == {"lookup": 2, "list": 2}


def test_finder_page_queries_do_not_grow_with_offices(client, public_site):
    def fetch():
        response = client.get("/offices/", {"q": "77550"})
        assert response.status_code == 200

    def fetch_region():
        assert client.get("/offices/southwest/").status_code == 200

    fetch(), fetch_region()  # warm Wagtail's site and locale caches
    before = count_queries(fetch), count_queries(fetch_region)
    add_field_offices(60)
    after = count_queries(fetch), count_queries(fetch_region)
    assert before == after
    # Including one query for the site's agency identity (header, banner and footer), three
    # for the page's languages (Wagtail's routing reads the active locale; the header and the
    # hreflang alternates share one query for the translations of the page and of the home
    # page, and one for view restrictions), and on the region page one for its introduction.
    assert before[0] <= 16
    assert before[1] <= 17


def add_programs_with_images(public_site, count, start=0):
    programs = []
    for n in range(start, start + count):
        program = ProgramPage(
            title=f"Program {n}",
            slug=f"program-{n}",
            summary="A program.",
            length="One day",
            audience="Everyone",
            image=make_image(f"Program image {n}", description=f"Picture {n}"),
        )
        public_site.programs.add_child(instance=program)
        programs.append(program)
    return programs


def count_cold_queries(client, path):
    """Queries of one request after a warm-up, with the cache emptied so nothing hides a query."""
    assert client.get(path).status_code == 200  # creates the renditions
    cache.clear()
    return count_queries(lambda: client.get(path))


def test_program_listing_queries_do_not_grow_with_cards_and_their_images(client, public_site):
    public_site.program.image = make_image("SPCP", description="Steps")
    public_site.program.save_revision().publish()
    before = count_cold_queries(client, "/programs/")
    add_programs_with_images(public_site, 4)
    after = count_cold_queries(client, "/programs/")
    assert before == after
    assert client.get("/programs/").content.decode().count('class="usa-card__img"') == 5


def test_program_page_case_study_cards_queries_do_not_grow_with_images(client, public_site):
    public_site.case_study.image = make_image("Riverton", description="A town")
    public_site.case_study.save_revision().publish()
    before = count_cold_queries(client, "/programs/spcp/")
    for n in range(3):
        public_site.program.add_child(
            instance=CaseStudyPage(
                title=f"Case {n}",
                slug=f"case-{n}",
                community="Town",
                state="TX",
                date=datetime.date(2025, 1, n + 1),
                narrative="<p>Story.</p>",
                image=make_image(f"Case image {n}"),
            )
        )
    after = count_cold_queries(client, "/programs/spcp/")
    assert before == after


def test_home_page_queries_do_not_grow_with_featured_programs(client, public_site):
    public_site.program.image = make_image("SPCP", description="Steps")
    public_site.program.save_revision().publish()
    home = public_site.home
    home.image = make_image("Hero", description="A table")
    home.featured_programs = [FeaturedProgram(program=public_site.program)]
    home.save_revision().publish()
    before = count_cold_queries(client, "/")
    programs = add_programs_with_images(public_site, 3)
    home.featured_programs = [
        FeaturedProgram(program=program, sort_order=n)
        for n, program in enumerate([public_site.program, *programs])
    ]
    home.save_revision().publish()
    after = count_cold_queries(client, "/")
    assert before == after
    assert client.get("/").content.decode().count('class="usa-card__img"') == 4
