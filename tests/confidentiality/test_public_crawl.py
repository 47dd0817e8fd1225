"""An anonymous visitor crawls every public URL; no confidential marker may appear anywhere."""

import copy
import json
import re
from collections import deque
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.management import call_command
from django.utils.html import escape

import pytest

from wagtail_spcp.models import CaseStudyPage, OfficeFinderPage, ProgramIndexPage, Survey

MAX_PAGES = 400
LINK = re.compile(r"""(?:href|src)=["']([^"'#]+)""")
SITEMAP_LOC = re.compile(r"<loc>([^<]+)</loc>")
NOT_CRAWLED = ("/admin/", "/static/", "/media/", "/documents/")


def internal_path(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https") or parts.netloc not in (
        "",
        "localhost",
        "testserver",
    ):
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if not path.startswith("/") or path.startswith(NOT_CRAWLED):
        return None
    return path


def crawl(client, start_paths):
    """Breadth-first crawl of same-site links; returns {path: (status, body)}."""
    seen, queue, responses = set(start_paths), deque(start_paths), {}
    while queue and len(responses) < MAX_PAGES:
        path = queue.popleft()
        response = client.get(path)
        body = response.content.decode("utf-8", errors="replace")
        responses[path] = (response.status_code, body)
        links = LINK.findall(body) + SITEMAP_LOC.findall(body)
        for link in links:
            target = internal_path(urljoin(path, link))
            if target and target not in seen:
                seen.add(target)
                queue.append(target)
    return responses


@pytest.fixture(scope="module")
def shared_public_site(shared_records):
    """The demo site, loaded once for the module, with its case study on the marked engagement."""
    _, engagement = shared_records
    call_command("load_demo", "--no-admin", verbosity=0)
    # The published case study (in English and Spanish) points at the marked engagement,
    # with the host's consent.
    for case_study in CaseStudyPage.objects.all():
        case_study.host_consented = True
        case_study.engagement = engagement
        case_study.save_revision().publish()
    return OfficeFinderPage.objects.get(locale__language_code="en")


@pytest.fixture
def public_site(shared_public_site):
    return copy.deepcopy(shared_public_site)


def assert_no_markers(markers, responses):
    leaks = {path: markers.found_in(body) for path, (_, body) in responses.items()}
    leaks = {path: found for path, found in leaks.items() if found}
    assert not leaks, f"confidential markers leaked: {leaks}"


def test_crawl_of_every_public_page_and_the_sitemap_shows_no_marker(client, markers, public_site):
    start = ["/", "/sitemap.xml", "/search/", "/search/?q=council", "/es/", "/es/search/?q=consejo"]
    responses = crawl(client, start)

    assert responses["/sitemap.xml"][0] == 200
    assert "/search/" not in responses["/sitemap.xml"][1]
    status, search_page = responses["/search/?q=council"]
    assert status == 200 and 'class="spcp-search-result"' in search_page
    assert len(responses) > 10, sorted(responses)
    council_pages = [path for path in responses if "/councils/" in path]
    assert council_pages, "the public council page should be reachable from its region page"
    assert "Public agenda" in responses[council_pages[0]][1]
    # The council page links its meeting calendar and, opted in, shows progress as counts.
    calendars = [path for path in responses if path.endswith("/calendar/")]
    assert calendars and "BEGIN:VCALENDAR" in responses[calendars[0]][1]
    assert "Public agenda" in responses[calendars[0]][1]
    assert any('data-status="done">1<' in body for _, body in responses.values())
    # The Spanish pages are crawled too, reached from the sitemap and the language switcher.
    spanish = [path for path in responses if path.startswith("/es/")]
    assert "/es/oficinas/" in spanish and "/es/programas/" in spanish
    assert any(path.startswith("/es/oficinas/southwest/councils/") for path in spanish)
    assert all(status < 500 for status, _ in responses.values())
    assert_no_markers(markers, responses)


def test_finder_and_api_queries_for_each_marker_show_no_marker(client, markers, public_site):
    finder = public_site.url
    search = ProgramIndexPage.objects.get(locale__language_code="en").url
    paths = []
    for marker in list(markers.all):
        paths += [
            f"{finder}?q={marker}",
            f"/es/oficinas/?q={marker}",
            f"/api/spcp/offices/lookup?q={marker}",
            f"{search}?q={marker}",
            f"/search/?q={marker}",
            f"/es/search/?q={marker}",
        ]
    paths += ["/api/spcp/offices/", f"{finder}?q=Riverton, TX", "/api/spcp/offices/lookup?q=TX"]
    responses = {path: client.get(path) for path in paths}

    assert all(response.status_code < 500 for response in responses.values())
    assert responses["/api/spcp/offices/"].status_code == 200
    # Positive controls: the finder and the site search do find public things.
    assert "Southwest" in client.get(f"{finder}?q=Galveston, TX").content.decode()
    assert "Cedar Hollow" in client.get(f"{search}?q=Cedar Hollow").content.decode()
    assert "Cedar Hollow" in client.get("/search/?q=Cedar Hollow").content.decode()
    # The query itself is echoed back (escaped) on the finder page; compare everything else.
    for path, response in responses.items():
        body = response.content.decode()
        echoed = path.split("q=", 1)[1] if "q=" in path else ""
        leaked = [m for m in markers.found_in(body) if m != echoed]
        assert not leaked, f"{path} leaked {leaked}"


def test_error_pages_show_no_marker(client, markers, public_site, confidential_records):
    paths = [
        f"/{confidential_records.slug}/",
        f"/programs/{markers.all[0]}/",
        f"/offices/{confidential_records.office.region.slug}/{confidential_records.slug}/",
        f"/es/{confidential_records.slug}/",
        f"/es/oficinas/{confidential_records.office.region.slug}/{confidential_records.slug}/",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 404
        assert not markers.found_in(response.content.decode()), path


def demo_confidential_strings() -> tuple[list[str], list[str], list[str]]:
    """From the demo fixtures: participants' full names, their emails, and engagement details."""
    fixtures = Path(settings.FIXTURE_DIRS[0])
    people = json.loads((fixtures / "demo_people.json").read_text(encoding="utf-8"))
    demo = json.loads((fixtures / "demo_engagement.json").read_text(encoding="utf-8"))
    names = [f"{person['first_name']} {person['last_name']}" for person in people]
    emails = [person["email"] for person in people]
    council = demo["council"]
    details = [
        demo["engagement"]["title"],
        demo["engagement"]["law_enforcement_agency"],
        council["name"],
        council["rules_of_engagement"],
        *(meeting["minutes"] for meeting in council["meetings"] if meeting.get("minutes")),
        *(concern["text"] for concern in demo["concerns"]),
        *(item["title"] for item in demo["action_items"]),
        *(person["organisation"] for person in people if person["organisation"]),
    ]
    return names, emails, details


def test_site_search_for_demo_participants_and_engagement_finds_nothing(client, public_site):
    names, emails, details = demo_confidential_strings()
    confidential = [text.lower() for text in names + emails + details]

    for query in names + emails + details:
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200
        html = response.content.decode()
        if query in names:
            assert "0 results for" in html, query
        # The Spanish page runs the same search over the Spanish pages: a few names suffice.
        if query in names[:5]:
            spanish = client.get("/es/search/", {"q": query}).content.decode()
            assert "0 resultados para" in spanish, query
            assert not [
                text for text in confidential if text in spanish.lower().replace(query.lower(), "")
            ], query
        # The query is shown back to the visitor; nothing else confidential may appear.
        shown = html.lower().replace(escape(query).lower(), "").replace(query.lower(), "")
        leaked = [text for text in confidential if text in shown]
        assert not leaked, f"searching {query!r} showed {leaked}"


def test_survey_pages_and_their_answers_show_no_marker(client, markers, public_site):
    """The survey pages (not linked from anywhere) show the public title and questions only,
    before and after answering, in both languages."""
    survey = Survey.objects.get(public_title="Community pulse survey")
    paths = [
        f"{prefix}/survey/{survey.token}/{wave}/"
        for prefix in ("", "/es")
        for wave in ("before", "after")
    ]
    responses = {}
    for path in paths:
        responses[path] = client.get(path)
        question = survey.questions.first()
        answer = {f"question_{question.pk}": "5", "comment": "A comment"}
        responses[f"POST {path}"] = client.post(path, answer, follow=True)
    for path, response in responses.items():
        assert response.status_code == 200, path
        body = response.content.decode()
        assert "Community pulse survey" in body
        assert not markers.found_in(body), path
    assert "Thank you" in responses[f"POST {paths[0]}"].content.decode()
    crawled = crawl(client, ["/", "/es/", "/sitemap.xml"])
    assert not [path for path in crawled if "/survey/" in path], "survey pages are not linked"
