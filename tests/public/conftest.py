"""A small public page tree: home, office finder, program index, a program and a case study."""

import copy
import datetime

from wagtail.models import Page, Site

import pytest

from spcp_demo.home.models import HomePage
from tests.utils import CONFIDENTIAL_MARKER
from wagtail_spcp.models import (
    CaseStudyPage,
    OfficeFinderPage,
    ProgramIndexPage,
    ProgramPage,
    ProgramStep,
)


class PublicSite:
    """The pages of the test tree, by role."""

    def __init__(self, home, finder, programs, program, case_study):
        self.home = home
        self.finder = finder
        self.programs = programs
        self.program = program
        self.case_study = case_study


@pytest.fixture(scope="module")
def shared_public_site(reference_offices, make_engagement):
    """The page tree, built once for the test module."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Home", slug="spcp-home"))
    Site.objects.update(root_page=home, is_default_site=True)

    finder = home.add_child(
        instance=OfficeFinderPage(title="Find your office", slug="offices", show_in_menus=True)
    )
    programs = home.add_child(
        instance=ProgramIndexPage(title="Programs", slug="programs", show_in_menus=True)
    )
    program = ProgramPage(
        title="Strengthening Police and Community Partnerships",
        slug="spcp",
        summary="A one-day program that brings police and community leaders together.",
        length="One day",
        audience="Law enforcement and community leaders",
        outcomes="<p>An action plan and a council.</p>",
        benefits=[("benefit", {"heading": "Local solutions", "text": "Made by the community."})],
        body=[
            ("paragraph", "<p>Trust grows from working together.</p>"),
            ("callout", {"heading": "Free of cost", "text": "<p>In confidence.</p>"}),
            ("quote", {"quote": "We listened to each other.", "attribution": "A facilitator"}),
        ],
        request_text="Ask your regional office.",
        finder_page=finder,
    )
    program.steps = [
        ProgramStep(title="Convene a planning group", description="Local leaders."),
        ProgramStep(title="Train facilitators"),
        ProgramStep(title="Hold the program day"),
        ProgramStep(title="Draft an action plan"),
        ProgramStep(title="Form a council"),
    ]
    programs.add_child(instance=program)
    engagement = make_engagement(
        slug="riverton-2026",
        title=f"Riverton {CONFIDENTIAL_MARKER}",
        incident_summary=CONFIDENTIAL_MARKER,
    )
    case_study = program.add_child(
        instance=CaseStudyPage(
            title="Riverton builds a council",
            slug="riverton",
            community="Riverton",
            state="TX",
            date=datetime.date(2025, 6, 1),
            narrative="<p>Eighty people met in seven sector groups.</p>",
            outcomes="<p>A two-member council.</p>",
            host_consented=True,
            engagement=engagement,
        )
    )
    return PublicSite(home, finder, programs, program, case_study)


@pytest.fixture
def public_site(shared_public_site):
    """This test's own copy of the module's page tree (rolled back after each test)."""
    return copy.deepcopy(shared_public_site)
