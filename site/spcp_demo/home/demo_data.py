"""Loads the demo's reference and sample data from the repository's ``fixtures/`` folder.

Every step creates only what is missing, so running it again changes nothing
and never overwrites edits made in the admin.
"""

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale, Site

from spcp_demo.home.models import HomePage
from wagtail_spcp.models import (
    ActionItem,
    AgencyIdentity,
    BreakoutGroup,
    CaseStudyPage,
    Concern,
    Council,
    CouncilMeeting,
    CouncilMembership,
    Engagement,
    EngagementMilestone,
    Office,
    OfficeFinderPage,
    Participation,
    Person,
    ProgramIndexPage,
    ProgramPage,
    ProgramStep,
)
from wagtail_spcp.models.base import Page
from wagtail_spcp.reference import load_reference_offices

FIXTURES_DIR = Path(settings.FIXTURE_DIRS[0])


def read_json(name: str):
    return json.loads((FIXTURES_DIR / name).read_text(encoding="utf-8"))


def publish_child(parent, page):
    """Add ``page`` below ``parent`` in the default locale and publish it."""
    page.locale = Locale.get_default()
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def existing_child(parent, model, slug):
    return model.objects.child_of(parent).filter(slug=slug).first()


def ensure_home_page(data) -> HomePage:
    """Make the demo HomePage the default site's root, replacing Wagtail's empty welcome page."""
    site = Site.objects.get(is_default_site=True)
    current = site.root_page.specific
    if isinstance(current, HomePage):
        return current
    root = Page.get_first_root_node()
    if current.content_type.model_class() is Page and not current.get_children().exists():
        current.delete()
    home = publish_child(
        root.specific, HomePage(title=data["title"], slug=data["slug"], intro=data["intro"])
    )
    site.root_page = home
    site.site_name = data["title"]
    site.save()
    return home


def ensure_program(index, data, finder) -> ProgramPage:
    program = existing_child(index, ProgramPage, data["slug"])
    if program:
        return program
    program = ProgramPage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        length=data["length"],
        delivery=data["delivery"],
        audience=data["audience"],
        benefits=[{"type": "benefit", "value": benefit} for benefit in data["benefits"]],
        outcomes=data["outcomes"],
        body=data["body"],
        request_heading=data["request_heading"],
        request_text=data["request_text"],
        finder_page=finder,
    )
    program.steps = [ProgramStep(sort_order=i, **step) for i, step in enumerate(data["steps"])]
    publish_child(index, program)
    for case in data["case_studies"]:
        publish_child(program, CaseStudyPage(**case))
    return program


def ensure_pages() -> dict:
    data = read_json("demo_pages.json")
    home = ensure_home_page(data["home"])
    # The program index and the finder are the demo's main navigation.
    index = existing_child(home, ProgramIndexPage, data["program_index"]["slug"]) or publish_child(
        home, ProgramIndexPage(show_in_menus=True, **data["program_index"])
    )
    finder = existing_child(home, OfficeFinderPage, data["finder"]["slug"]) or publish_child(
        home, OfficeFinderPage(show_in_menus=True, **data["finder"])
    )
    programs = [ensure_program(index, program, finder) for program in data["programs"]]
    ensure_identity(home)
    if home.finder_page_id is None and home.featured_program_id is None:
        home.finder_page = finder
        home.featured_program = programs[0]
        home.save_revision().publish()
    return {program.slug: program for program in programs}


def ensure_identity(home) -> AgencyIdentity:
    """The default site's agency identity, unless an editor has saved one already.

    ``about_page`` names the slug of a demo page under home that the "About" link points at;
    the demo has no pages for the other required links, so they stay blank (and hidden).
    """
    site = Site.objects.get(is_default_site=True)
    existing = AgencyIdentity.objects.filter(site=site).first()
    if existing:
        return existing
    data = read_json("demo_identity.json")
    about = home.get_children().filter(slug=data.pop("about_page")).first()
    return AgencyIdentity.objects.create(
        site=site, about_url=about.get_url(current_site=site) if about else "", **data
    )


def ensure_people(rows, region) -> list[Person]:
    """The demo participants, owned by ``region`` (the demo engagement's)."""
    people = []
    for row in rows:
        fields = {
            key: value
            for key, value in row.items()
            if key not in {"role", "status", "breakout_group"}
        }
        person, _ = Person.objects.get_or_create(
            region=region, email=fields.pop("email"), defaults=fields
        )
        people.append(person)
    return people


def ensure_engagement(programs, people, rows) -> Engagement:
    data = read_json("demo_engagement.json")
    fields = dict(data["engagement"])
    slug = fields.pop("slug")
    existing = Engagement.objects.filter(slug=slug).first()
    if existing:
        return existing
    fields["office"] = Office.objects.get(slug=fields["office"])
    fields["program"] = programs.get(fields["program"])
    fields["requested_on"] = datetime.date.fromisoformat(fields["requested_on"])
    engagement = Engagement.objects.create(slug=slug, **fields)

    EngagementMilestone.objects.bulk_create(
        EngagementMilestone(engagement=engagement, **milestone) for milestone in data["milestones"]
    )
    groups = {}
    for group in data["breakout_groups"]:
        facilitator = people[group.pop("facilitator")]
        groups[group["name"]] = BreakoutGroup.objects.create(
            engagement=engagement, facilitator=facilitator, **group
        )
    concerns = {}
    for concern in data["concerns"]:
        group = groups[concern.pop("group")]
        concerns[concern["text"]] = Concern.objects.create(
            engagement=engagement, breakout_group=group, **concern
        )
    engagement.rank_concerns()

    council_data = dict(data["council"])
    members = council_data.pop("members")
    meetings = council_data.pop("meetings")
    council = Council.objects.create(engagement=engagement, **council_data)
    for member in members:
        CouncilMembership.objects.create(
            council=council, person=people[member.pop("person")], **member
        )
    for meeting in meetings:
        CouncilMeeting.objects.create(council=council, **meeting)
    for item in data["action_items"]:
        concern = concerns[item.pop("concern")]
        ActionItem.objects.create(engagement=engagement, concern=concern, council=council, **item)

    Participation.objects.bulk_create(
        Participation(
            engagement=engagement,
            person=person,
            role=row["role"],
            status=row["status"],
            breakout_group=groups.get(row["breakout_group"]),
        )
        for person, row in zip(people, rows, strict=True)
    )
    return engagement


@transaction.atomic
def load_demo() -> None:
    """Load offices, pages, people and the demo engagement; create only what is missing."""
    load_reference_offices()
    programs = ensure_pages()
    rows = read_json("demo_people.json")
    office = Office.objects.get(slug=read_json("demo_engagement.json")["engagement"]["office"])
    people = ensure_people(rows, office.region)
    ensure_engagement(programs, people, rows)
