"""Queries per public page type: a fixed budget, the same with 1 or 20 programs and 60 more offices.

Each page is counted twice: cold (an empty cache, as after a publish) and warm (its shared
fragments cached). ``bench/page_queries.py`` prints the same counts with server CPU time.
"""

import datetime

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.utils import add_field_offices
from wagtail_spcp.models import CaseStudyPage, Council, CouncilMeeting, ProgramPage

pytestmark = pytest.mark.django_db

# Page type: (path, most queries cold, most queries warm), as measured. Cold counts include
# what a worker caches once per content version: the list of sites, Wagtail's site root paths,
# the agency identity, the header, footer and page fragments. Warm counts include Wagtail's
# routing by locale and its check of view restrictions; the page's translations (the language
# switcher, the hreflang alternates, the main menu) come from fragments too. The site search
# also records a hit for its query.
BUDGETS = {
    "home": ("{home}", 13, 5),
    "program_index": ("{programs}", 16, 6),
    "program": ("{program}", 20, 5),
    "case_study": ("{case_study}", 14, 5),
    "finder_empty": ("{finder}", 15, 5),
    "finder_zip": ("{finder}?q=77550", 17, 7),
    "finder_city": ("{finder}?q=Galveston%2C+TX", 17, 7),
    "finder_ambiguous": ("{finder}?q=Springfield", 15, 5),
    "finder_state": ("{finder}?q=TX", 17, 7),
    "finder_error": ("{finder}?q=Xyz", 15, 5),
    "region": ("{finder}southwest/", 19, 11),
    "council": ("{finder}southwest/councils/{council}/", 17, 9),
    "search": ("/search/?q=council", 16, 10),
    "sitemap": ("/sitemap.xml", 18, 14),
    "api_lookup": ("/api/spcp/offices/lookup?q=77550", 4, 2),
}


@pytest.fixture
def council(public_site, make_engagement):
    engagement = make_engagement(slug="harbor-town", title="Harbor Town")
    council = Council.objects.create(
        engagement=engagement, name="Harbor Town Council", is_public=True
    )
    CouncilMeeting.objects.create(
        council=council, date=datetime.date(2026, 7, 1), agenda="Youth nights", is_public=True
    )
    return council


def page_urls(public_site, council):
    names = {
        "home": public_site.home.url,
        "programs": public_site.programs.url,
        "program": public_site.program.url,
        "case_study": public_site.case_study.url,
        "finder": public_site.finder.url,
        "council": council.pk,
    }
    return {name: path.format(**names) for name, (path, _, _) in BUDGETS.items()}


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def cold_and_warm(client, url) -> tuple[int, int]:
    client.get(url)  # Wagtail's own caches (site root paths, content types) warm up
    cache.clear()
    return count_queries(client, url), count_queries(client, url)


def add_programs_and_offices(public_site, council, count=20):
    """``count`` more programs, each with a case study, and 60 more field offices."""
    for n in range(count):
        program = public_site.programs.add_child(
            instance=ProgramPage(
                title=f"Program {n}",
                slug=f"program-{n}",
                summary="More.",
                length="One day",
                audience="Community leaders",
            )
        )
        program.add_child(
            instance=CaseStudyPage(
                title=f"Case study {n}",
                slug=f"case-study-{n}",
                community="Riverton",
                state="TX",
                date=datetime.date(2025, 1, 1),
                narrative="<p>More.</p>",
            )
        )
        public_site.program.add_child(
            instance=CaseStudyPage(
                title=f"Another case study {n}",
                slug=f"another-{n}",
                community="Riverton",
                state="TX",
                date=datetime.date(2025, 1, 1),
                narrative="<p>More.</p>",
            )
        )
    add_field_offices(60)
    Council.objects.create(engagement=council.engagement, name="Second council", is_public=True)


@pytest.mark.parametrize("page_type", sorted(BUDGETS))
def test_each_public_page_type_keeps_its_query_budget(client, public_site, council, page_type):
    url = page_urls(public_site, council)[page_type]
    _, cold_budget, warm_budget = BUDGETS[page_type]
    cold, warm = cold_and_warm(client, url)
    assert cold <= cold_budget, f"{page_type}: {cold} queries"
    assert warm <= warm_budget, f"{page_type}: {warm} queries"


def test_queries_do_not_grow_with_programs_case_studies_and_offices(client, public_site, council):
    urls = page_urls(public_site, council)
    before = {name: cold_and_warm(client, url) for name, url in urls.items()}
    add_programs_and_offices(public_site, council)
    after = {name: cold_and_warm(client, url) for name, url in urls.items()}
    assert after == before
