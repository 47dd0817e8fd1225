"""What the demo holds, read from one load of it shared by the module's tests."""

import re

from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Locale, Site

import pytest

from spcp_demo.home.models import HomePage
from wagtail_spcp.choices import EngagementStage
from wagtail_spcp.models import (
    CaseStudyPage,
    Council,
    Engagement,
    Office,
    OfficeFinderPage,
    Participation,
    Person,
    ProgramPage,
    ProgramRequest,
    Region,
    RegionState,
    Survey,
)
from wagtail_spcp.surveys.results import survey_results

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(shared_db):
    call_command("load_demo", "--no-admin", verbosity=0)


def test_demo_holds_the_reference_offices_and_sample_engagement(demo):
    assert Office.objects.filter(kind="headquarters").count() == 1
    assert Office.objects.filter(kind="regional").count() == 10
    assert Office.objects.filter(kind="field").count() == 4
    assert RegionState.objects.get(code="PR").region.name == "Northeast"
    assert RegionState.objects.get(code="GU").region.name == "Western"

    engagement = Engagement.objects.get(slug="port-alder-2026")
    assert engagement.office.region.slug == "southwest"
    assert engagement.program.slug == "strengthening-police-and-community-partnerships"
    assert engagement.milestones.count() == 6
    assert engagement.breakout_groups.filter(kind="sector").count() == 7
    assert engagement.councils.get().memberships.count() == 5
    assert engagement.action_items.count() == 6
    top_issue = engagement.concerns.get(kind="issue", rank=1)
    assert top_issue.dot_votes == max(engagement.concerns.values_list("dot_votes", flat=True))

    assert Participation.objects.filter(engagement=engagement).count() == 200
    domains = {email.rsplit("@", 1)[1] for email in Person.objects.values_list("email", flat=True)}
    assert domains <= {"example.org", "example.net", "example.com"}


def test_demo_pages_are_published_in_the_default_locale(demo):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.finder_page.live
    featured = [item.program for item in home.featured_programs.all()]
    assert len(featured) == 2 and all(program.live for program in featured)
    for page in home.get_descendants(inclusive=True):
        assert page.live
        assert page.locale.language_code == "en"
        assert page.revisions.exists()


def test_demo_pages_are_translated_into_spanish(client, demo):
    site = Site.objects.get(is_default_site=True)
    english = site.root_page.get_descendants(inclusive=True)
    for page in english.specific():
        spanish = page.get_translation(Locale.objects.get(language_code="es"))
        assert spanish.live and spanish.revisions.exists()
        assert spanish.title != page.title
        assert client.get(spanish.url).status_code == 200
    finder = OfficeFinderPage.objects.get(locale__language_code="es")
    assert finder.region_introductions.count() == Region.objects.count() == 10


def test_home_page_and_admin_login_respond(client, demo):
    home = client.get("/")
    assert home.status_code == 200
    assert b"Strengthening Police and Community Partnerships" in home.content
    navigation = home.content.decode().split('aria-label="Main"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/programs/"' in navigation
    assert 'href="/offices/"' in navigation
    assert client.get("/admin/login/").status_code == 200


def test_demo_engagements_span_regions_and_stages_with_a_few_people_each(demo):
    engagements = Engagement.objects.select_related("office__region")
    assert 8 <= engagements.count() <= 15
    assert len({engagement.office.region_id for engagement in engagements}) >= 4
    assert len({engagement.stage for engagement in engagements}) >= 6
    stages = list(EngagementStage.values)
    for engagement in engagements.exclude(slug="port-alder-2026"):
        people = engagement.participations.count()
        # A program request from the public site holds only its requester, with no participation.
        assert 1 <= people <= 5 or hasattr(engagement, "program_request"), engagement.slug
        reached = list(engagement.milestones.order_by("date").values_list("stage", flat=True))
        assert reached == stages[: stages.index(engagement.stage) + 1], engagement.slug
        for person in Person.objects.filter(participations__engagement=engagement):
            assert person.email.endswith("@example.org")
            assert person.region_id == engagement.office.region_id
    assert (
        Person.objects.count()
        == 200
        + Participation.objects.exclude(engagement__slug="port-alder-2026")
        .values("person")
        .distinct()
        .count()
        + ProgramRequest.objects.count()
    )


def test_demo_pages_and_regions_have_images_with_alt_text_or_marked_decorative(client, demo):
    home = HomePage.objects.get(locale__language_code="en")
    assert home.image and home.image_alt == home.image.description != ""
    for program in ProgramPage.objects.filter(locale__language_code="en"):
        assert program.image and program.image_alt, program.slug
    assert CaseStudyPage.objects.get(locale__language_code="en").image_alt
    regions = Region.objects.exclude(image=None)
    assert regions.count() >= 4
    assert all(region.image_is_decorative and region.image_alt == "" for region in regions)
    for image in get_image_model().objects.all():
        assert image.file.size < 100_000, image.title
        assert image.width == 1600 and image.height == 900

    html = client.get("/").content.decode()
    assert re.search(r'<img [^>]*srcset="[^"]*1280w', html)
    assert f'alt="{home.image.description}"' in html


def test_demo_council_is_public_with_a_summary(client, demo):
    council = Council.objects.get(is_public=True)
    assert council.public_summary
    region = council.engagement.office.region
    url = OfficeFinderPage.objects.get(locale__language_code="en").council_url(region, council.pk)
    response = client.get(url)
    assert response.status_code == 200
    assert council.public_summary in response.content.decode()
    assert council.rules_of_engagement not in response.content.decode()
    # Public meetings, a calendar feed, and the action plan's progress as counts.
    body = response.content.decode()
    assert "Community listening session" in body and "Action plan progress" in body
    assert "Monthly youth and officer basketball nights" not in body
    assert client.get(f"{url}calendar/").content.count(b"BEGIN:VEVENT") == 2


def test_demo_survey_has_before_and_after_responses_and_one_withheld_figure(demo):
    survey = Survey.objects.get(engagement__slug="port-alder-2026")
    results = survey_results(survey)
    before, after = results.waves
    assert (before.responses, after.responses) == (24, 20)
    assert not before.withheld and not after.withheld
    withheld = [
        (number, wave)
        for number, result in enumerate(results.questions, start=1)
        for wave, figure in result.figures()
        if figure.withheld
    ]
    assert withheld == [(5, "before")]
    trust = results.questions[0]
    assert (trust.before.agree_percent, trust.after.agree_percent) == (20.8, 55.0)
    assert len(after.comments) == 3
