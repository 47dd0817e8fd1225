"""The finder makes a fixed, small number of queries whatever the number of offices."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from wagtail_spcp.finder import lookup
from wagtail_spcp.models import Office, Region

pytestmark = pytest.mark.django_db


def add_field_offices(count):
    regions = list(Region.objects.all())
    Office.objects.bulk_create(
        Office(
            name=f"Field office {n}",
            slug=f"field-{n}",
            kind="field",
            region=regions[n % len(regions)],
            address_line1="1 Main Street",
            city="Somewhere",
            state="TX",
            zip_code="75201",
            latitude="32.0",
            longitude="-97.0",
        )
        for n in range(count)
    )


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
