"""Loads the demo's reference and sample data from the repository's ``fixtures/`` folder.

Every step creates only what is missing, so running it again changes nothing
and never overwrites edits made in the admin.
"""

import datetime
import io
import json
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Locale, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

from spcp_demo.home.demo_forms import ensure_public_forms
from spcp_demo.home.demo_images import illustration
from spcp_demo.home.demo_spanish import ensure_region_introductions, ensure_spanish_pages
from spcp_demo.home.models import FeaturedProgram, HomePage
from wagtail_spcp.admin.seating import WHO_ATTENDED, compose_mixed_groups
from wagtail_spcp.choices import BreakoutGroupKind, EngagementStage
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
    Region,
    Survey,
    SurveyAnswer,
    SurveyResponse,
)
from wagtail_spcp.models.base import Page
from wagtail_spcp.normalise import normalise_email
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
    home = publish_child(root.specific, HomePage(**data))
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
    if home.finder_page_id is None and not home.featured_programs.exists():
        home.finder_page = finder
        home.featured_programs = [
            FeaturedProgram(program=program, sort_order=n) for n, program in enumerate(programs)
        ]
        home.save_revision().publish()
    ensure_region_introductions(finder)
    ensure_spanish_pages(home, index, finder, programs)
    return {program.slug: program for program in programs}


def ensure_site_address(site_url: str) -> None:
    """Give the default site the demo's real host and port, unless it has one already.

    Wagtail creates the site as ``localhost`` on port 80; full URLs (the sitemap, the
    ``hreflang`` alternates) are built from them, so they must name the address served.
    """
    parts = urlsplit(site_url)
    if not parts.hostname:
        return
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) != ("localhost", 80):
        return
    site.hostname = parts.hostname
    site.port = parts.port or (443 if parts.scheme == "https" else 80)
    site.save()


def ensure_images() -> list:
    """The demo's illustrations, drawn once: ``(image, spec, created)`` for each."""
    Image = get_image_model()
    images = []
    for spec in read_json("demo_images.json")["images"]:
        image = Image.objects.filter(title=spec["title"]).first()
        created = image is None
        if created:
            content = illustration(spec["motif"], spec["colors"], seed=spec["title"])
            image = Image(title=spec["title"], description=spec["description"])
            image.file = ImageFile(io.BytesIO(content), name=f"{slugify(spec['title'])}.jpg")
            image._set_image_file_metadata()
            image.save()
        images.append((image, spec, created))
    return images


def image_user(used_by: str):
    """The page (in English) or region named ``home``, ``program:<slug>``,
    ``case_study:<slug>`` or ``region:<slug>``."""
    kind, _, slug = used_by.partition(":")
    if kind == "region":
        return Region.objects.filter(slug=slug).first()
    model = {"home": HomePage, "program": ProgramPage, "case_study": CaseStudyPage}[kind]
    pages = model.objects.filter(locale=Locale.get_default())
    return pages.first() if kind == "home" else pages.filter(slug=slug).first()


def attach_images(images) -> None:
    """Show each newly drawn image where the demo uses it, unless an image is already there.

    A page's translations show it too, with the alt text in their language. An image without
    a description is marked decorative (its alt stays empty).
    """
    for image, spec, created in images:
        user = image_user(spec["used_by"])
        if not created or user is None or user.image_id is not None:
            continue
        user.image = image
        user.image_is_decorative = not image.description
        if not isinstance(user, Page):
            user.save()
            continue
        user.save_revision().publish()
        for translation in user.get_translations().specific():
            if translation.image_id is None:
                translation.image = image
                translation.image_alt_text = spec.get(
                    f"description_{translation.locale.language_code}", ""
                )
                translation.image_is_decorative = user.image_is_decorative
                translation.save_revision().publish()


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
    """The demo participants, owned by ``region`` (the demo engagement's), in ``rows``' order:
    those not there yet are created in one query."""
    kept_out = {"role", "status", "breakout_group"}
    existing = Person.objects.filter(region=region, email__in=[row["email"] for row in rows])
    by_email = {person.email: person for person in existing}
    new = []
    for row in rows:
        if row["email"] in by_email:
            continue
        person = Person(region=region, **{k: v for k, v in row.items() if k not in kept_out})
        person.email = normalise_email(person.email)
        person.set_search_keys()  # what save() does, which bulk_create skips
        by_email[row["email"]] = person
        new.append(person)
    Person.objects.bulk_create(new)
    return [by_email[row["email"]] for row in rows]


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
            breakout_group=sector_group(groups.get(row["breakout_group"])),
        )
        for person, row in zip(people, rows, strict=True)
    )
    return engagement


def sector_group(group):
    """The group a demo participant starts program day in: a sector group (mixed groups
    are composed afterwards, by ``ensure_mixed_groups``)."""
    return group if group is not None and group.kind == BreakoutGroupKind.SECTOR else None


def ensure_mixed_groups(engagement) -> None:
    """Seat those who came at the demo engagement's mixed groups, unless anyone is seated."""
    if engagement.participations.filter(solution_group__isnull=False).exists():
        return
    count = engagement.breakout_groups.filter(kind=BreakoutGroupKind.MIXED).count()
    if count:
        compose_mixed_groups(engagement, count, WHO_ATTENDED, user=None)


def ensure_more_engagements(programs) -> None:
    """Smaller engagements in other regions and at other stages, each with a few people."""
    data = read_json("demo_engagements.json")
    stages = list(EngagementStage.values)
    for row in data["engagements"]:
        fields = dict(row)
        slug, participants = fields.pop("slug"), fields.pop("participants")
        if Engagement.objects.filter(slug=slug).exists():
            continue
        office = Office.objects.get(slug=fields.pop("office"))
        requested_on = datetime.date.fromisoformat(fields.pop("requested_on"))
        engagement = Engagement.objects.create(
            slug=slug,
            office=office,
            program=programs.get(fields.pop("program")),
            requested_on=requested_on,
            **fields,
        )
        reached = stages[: stages.index(engagement.stage) + 1]
        EngagementMilestone.objects.bulk_create(
            EngagementMilestone(
                engagement=engagement,
                stage=stage,
                date=requested_on + datetime.timedelta(weeks=data["weeks_apart"] * n),
            )
            for n, stage in enumerate(reached)
        )
        Participation.objects.bulk_create(
            Participation(
                engagement=engagement,
                person=Person.objects.get_or_create(
                    region=office.region,
                    email=f"{slugify(first)}.{slugify(last)}@example.org",
                    defaults={"first_name": first, "last_name": last, "consent_to_contact": True},
                )[0],
                role=role,
                status=status,
            )
            for first, last, role, status in participants
        )


def ensure_survey() -> Survey | None:
    """The demo engagement's before/after survey with its responses (``demo_survey.json``).

    Response ``n`` of a wave answers each question with the ``n``-th of that question's
    scores (rotated per question so that no response is all ones), or skips it.
    """
    data = read_json("demo_survey.json")
    engagement = Engagement.objects.filter(slug=data["engagement"]).first()
    if engagement is None or Survey.objects.filter(engagement=engagement).exists():
        return None
    dates = {
        name: datetime.date.fromisoformat(data[name]) if data[name] else None
        for name in ("before_opens_on", "before_closes_on", "after_opens_on", "after_closes_on")
    }
    survey = Survey.objects.create(
        engagement=engagement, public_title=data["public_title"], **dates
    )
    questions = list(survey.questions.all())
    for wave, counts in data["counts"].items():
        scores = [
            [score for score, n in enumerate(row, start=1) for _ in range(n)] for row in counts
        ]
        comments = data["comments"][wave]
        submitted_on = dates[f"{wave}_opens_on"]
        for n in range(max(len(row) for row in scores)):
            response = SurveyResponse.objects.create(
                survey=survey,
                wave=wave,
                submitted_on=submitted_on,
                language="en",
                comment=comments[n] if n < len(comments) else "",
            )
            SurveyAnswer.objects.bulk_create(
                SurveyAnswer(
                    response=response,
                    question=question,
                    score=row[(n + 5 * j) % len(row)],
                )
                for j, (question, row) in enumerate(zip(questions, scores, strict=True))
                if n < len(row)
            )
    return survey


@contextmanager
def references_indexed_once():
    """Update Wagtail's reference index once per object saved inside the block, at its end.

    Wagtail updates it on every save, and the loader saves a page several times over (draft,
    revision, publication, translation): about half of a load went into those updates.
    """
    saved = set()

    def note(sender, instance, raw=False, **kwargs):
        if not raw and ReferenceIndex.is_indexed(sender):
            saved.add((sender._meta.app_label, sender._meta.model_name, str(instance.pk)))

    post_save.connect(note, weak=False, dispatch_uid="spcp_demo_references")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="spcp_demo_references")
    for app_label, model_name, pk in sorted(saved):
        update_reference_index_task.enqueue(app_label, model_name, pk)


@transaction.atomic
def load_demo(site_url: str = ""):
    """Load offices, pages, images, people and the demo engagements; create only what is missing.

    ``site_url`` (``https://host[:port]``) is where the demo is served. Returns the demo's
    registration page (its address is unlisted, so the command prints it), or None.
    """
    with references_indexed_once():
        return load_everything(site_url)


def load_everything(site_url):
    """The steps of ``load_demo``, in order."""
    load_reference_offices()
    if site_url:
        ensure_site_address(site_url)
    programs = ensure_pages()
    attach_images(ensure_images())
    rows = read_json("demo_people.json")
    office = Office.objects.get(slug=read_json("demo_engagement.json")["engagement"]["office"])
    people = ensure_people(rows, office.region)
    ensure_mixed_groups(ensure_engagement(programs, people, rows))
    ensure_survey()
    ensure_more_engagements(programs)
    return ensure_public_forms(read_json("demo_public_forms.json"), programs)
