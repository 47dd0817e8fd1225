"""The demo loader: reference offices, pages, a demo engagement and fictional participants."""

import re

from django.apps import apps
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site

import pytest

from spcp_demo.home.models import FeaturedProgram, HomePage
from wagtail_spcp.choices import EngagementStage
from wagtail_spcp.models import (
    CaseStudyPage,
    Council,
    Engagement,
    EventRegistration,
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


def table_counts():
    models = [
        *apps.get_app_config("wagtail_spcp").get_models(),
        Page,
        Revision,
        Site,
        FeaturedProgram,
        get_image_model(),
    ]
    return {model._meta.label: model._default_manager.count() for model in models}


def test_loading_twice_leaves_identical_counts():
    call_command("load_demo", "--no-admin", verbosity=0)
    first = table_counts()
    updated_first = {p.pk: p.updated_at for p in Person.objects.all()}

    call_command("load_demo", "--no-admin", verbosity=0)

    assert table_counts() == first
    assert {p.pk: p.updated_at for p in Person.objects.all()} == updated_first


def test_demo_holds_the_reference_offices_and_sample_engagement():
    call_command("load_demo", "--no-admin", verbosity=0)

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


def test_demo_pages_are_published_in_the_default_locale():
    call_command("load_demo", "--no-admin", verbosity=0)

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


def test_demo_pages_are_translated_into_spanish(client):
    call_command("load_demo", "--no-admin", verbosity=0)

    site = Site.objects.get(is_default_site=True)
    english = site.root_page.get_descendants(inclusive=True)
    for page in english.specific():
        spanish = page.get_translation(Locale.objects.get(language_code="es"))
        assert spanish.live and spanish.revisions.exists()
        assert spanish.title != page.title
        assert client.get(spanish.url).status_code == 200
    finder = OfficeFinderPage.objects.get(locale__language_code="es")
    assert finder.region_introductions.count() == Region.objects.count() == 10


def test_demo_site_is_served_at_the_admin_address(capsys):
    call_command("load_demo", "--no-admin", "--admin-url", "https://crs.example.gov/admin/")
    assert Site.objects.get(is_default_site=True).root_url == "https://crs.example.gov"

    call_command("load_demo", "--no-admin", "--admin-url", "http://127.0.0.1:8000/admin/")
    assert Site.objects.get(is_default_site=True).root_url == "https://crs.example.gov"


def test_demo_command_prints_the_admin_login(django_user_model, capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "Admin login: http://127.0.0.1:8000/admin/" in out
    assert django_user_model.objects.get(username="admin").is_superuser


def test_home_page_and_admin_login_respond(client):
    call_command("load_demo", "--no-admin", verbosity=0)

    home = client.get("/")
    assert home.status_code == 200
    assert b"Strengthening Police and Community Partnerships" in home.content
    navigation = home.content.decode().split('aria-label="Main"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/programs/"' in navigation
    assert 'href="/offices/"' in navigation
    assert client.get("/admin/login/").status_code == 200


def test_demo_engagements_span_regions_and_stages_with_a_few_people_each():
    call_command("load_demo", "--no-admin", verbosity=0)

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


def test_demo_pages_and_regions_have_images_with_alt_text_or_marked_decorative(client):
    call_command("load_demo", "--no-admin", verbosity=0)

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


def test_demo_images_are_not_put_back_after_an_editor_removes_one():
    call_command("load_demo", "--no-admin", verbosity=0)
    region = Region.objects.get(slug="southwest")
    region.image = None
    region.save()

    call_command("load_demo", "--no-admin", verbosity=0)

    region.refresh_from_db()
    assert region.image is None


def test_demo_council_is_public_with_a_summary(client):
    call_command("load_demo", "--no-admin", verbosity=0)

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


def test_demo_survey_has_before_and_after_responses_and_one_withheld_figure():
    call_command("load_demo", "--no-admin", verbosity=0)

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


def test_demo_shows_an_open_registration_page_and_program_requests(client, capsys):
    call_command("load_demo", "--no-admin")

    event = EventRegistration.objects.get(engagement__slug="cedar-ridge-forum-2026")
    assert event.accepting() and event.capacity == 3
    assert event.registered_count() == 3
    assert [p.person.last_name for p in event.waitlisted()] == ["Haddad"]
    assert event.registrations.count() == 4
    address = f"/register/{event.token}/"
    assert (
        f"Registration page (unlisted): http://127.0.0.1:8000{address}" in capsys.readouterr().out
    )
    assert "Cedar Ridge forum" in client.get(address).content.decode()

    requests = ProgramRequest.objects.filter(engagement__slug__startswith="request-")
    assert {r.engagement.stage for r in requests} == {EngagementStage.REQUESTED}
    assert {r.engagement.origin for r in requests} == {"proactive", "critical_incident"}
    assert len({r.engagement.office.region_id for r in requests}) == 2
    assert all(r.requester.region_id == r.engagement.office.region_id for r in requests)

    # Loading again keeps the same page, address and people.
    call_command("load_demo", "--no-admin", verbosity=0)
    assert EventRegistration.objects.get().token == event.token
    assert ProgramRequest.objects.count() == 2
