"""Each public page type renders, with its content and without confidential data."""

import pytest

from spcp_demo.home.models import FeaturedProgram
from tests.utils import CONFIDENTIAL_MARKER

pytestmark = pytest.mark.django_db


def test_home_page_renders_with_skip_link_and_landmarks(client, public_site):
    public_site.home.finder_page = public_site.finder
    public_site.home.featured_programs = [FeaturedProgram(program=public_site.program)]
    public_site.home.save()
    html = client.get("/").content.decode()
    assert 'class="usa-skipnav" href="#main-content"' in html
    assert '<main id="main-content"' in html
    assert "<header" in html and "<footer" in html
    assert 'action="/offices/"' in html
    assert "Strengthening Police and Community Partnerships" in html


def test_program_index_lists_programs_with_format_and_audience(client, public_site):
    response = client.get("/programs/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/programs/spcp/"' in html
    assert "One day, in person" in html
    assert "Law enforcement and community leaders" in html


def test_program_page_renders_every_section(client, public_site):
    response = client.get("/programs/spcp/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert 'class="usa-summary-box' in html
    assert "Local solutions" in html  # benefit card
    assert "An action plan and a council." in html  # outcomes
    assert html.count('class="usa-process-list__item"') == 5
    assert html.index("Convene a planning group") < html.index("Form a council")
    assert "Free of cost" in html and "We listened to each other." in html
    assert 'href="/programs/spcp/riverton/"' in html  # case study card
    assert "Request this program" in html
    assert 'action="/offices/"' in html and 'name="q"' in html


def test_case_study_page_never_shows_the_engagement(client, public_site):
    response = client.get("/programs/spcp/riverton/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Riverton, Texas" in html
    assert "Eighty people met in seven sector groups." in html
    assert "A two-member council." in html
    assert CONFIDENTIAL_MARKER not in html
    assert "riverton-2026" not in html


def test_finder_page_without_query_shows_form_and_map(client, public_site):
    html = client.get("/offices/").content.decode()
    assert '<label class="usa-label" for="finder-q">' in html
    assert "<svg" in html and html.count("<rect") >= 56
    assert 'id="results"' not in html


def test_region_page_lists_states_and_offices(client, public_site):
    response = client.get("/offices/southwest/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Southwest region</h1>" in html
    for name in ["Arkansas", "Louisiana", "New Mexico", "Oklahoma", "Texas"]:
        assert name in html
    assert "Southwest Regional Office" in html and "Houston Field Office" in html
    assert html.index("Southwest Regional Office") < html.index("Houston Field Office")


def test_unknown_region_is_404(client, public_site):
    assert client.get("/offices/atlantis/").status_code == 404
