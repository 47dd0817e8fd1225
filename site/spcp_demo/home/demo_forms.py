"""The public forms in the demo: an open registration page with a waitlist, two program requests.

Read from ``fixtures/demo_public_forms.json``. Like the rest of the loader it creates only what is
missing: an engagement that exists already is left as it is, with whatever it holds.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.log_actions import log

from wagtail_spcp.choices import EngagementStage, ParticipationStatus
from wagtail_spcp.models import (
    Engagement,
    EngagementMilestone,
    EventRegistration,
    Office,
    Participation,
    Person,
    ProgramRequest,
    Registration,
)
from wagtail_spcp.public_forms.intake import ACTION_RECEIVED


def demo_email(first: str, last: str) -> str:
    return f"{slugify(first)}.{slugify(last)}@example.org"


def new_engagement(fields, programs, **extra) -> Engagement:
    """The engagement ``fields`` describe, with a milestone for each stage reached."""
    fields = dict(fields)
    engagement = Engagement.objects.create(
        office=Office.objects.get(slug=fields.pop("office")),
        program=programs.get(fields.pop("program")),
        requested_on=datetime.date.fromisoformat(fields.pop("requested_on")),
        **fields,
        **extra,
    )
    stages = list(EngagementStage.values)
    EngagementMilestone.objects.bulk_create(
        EngagementMilestone(
            engagement=engagement,
            stage=stage,
            date=engagement.requested_on + datetime.timedelta(weeks=3 * n),
        )
        for n, stage in enumerate(stages[: stages.index(engagement.stage) + 1])
    )
    return engagement


def ensure_registration_page(data, programs) -> EventRegistration:
    """A program day taking sign-ups: the first ``capacity`` registered, the rest waitlisted."""
    existing = EventRegistration.objects.filter(engagement__slug=data["engagement"]["slug"]).first()
    if existing or Engagement.objects.filter(slug=data["engagement"]["slug"]).exists():
        return existing
    engagement = new_engagement(data["engagement"], programs)
    page = dict(data["page"])
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    starts_at = (now + datetime.timedelta(days=page.pop("starts_in_days"))).replace(hour=14)
    event = EventRegistration.objects.create(
        engagement=engagement,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=page.pop("hours")),
        opens_at=now - datetime.timedelta(days=1),
        closes_at=starts_at - datetime.timedelta(days=1),
        **page,
    )
    region = engagement.office.region
    for n, (first, last, sector, language, needs, organisation) in enumerate(data["registrants"]):
        person, _ = Person.objects.get_or_create(
            region=region,
            email=demo_email(first, last),
            defaults={
                "first_name": first,
                "last_name": last,
                "organisation": organisation,
                "sector": sector,
                "preferred_language": language,
                "consent_to_contact": True,
            },
        )
        registered = n < event.capacity
        participation = Participation.objects.create(
            engagement=engagement,
            person=person,
            status=ParticipationStatus.REGISTERED if registered else ParticipationStatus.WAITLISTED,
            registered_on=timezone.localdate(),
        )
        Registration.objects.create(
            participation=participation,
            event=event,
            accessibility_needs=needs,
            language=language,
            created_at=now - datetime.timedelta(hours=len(data["registrants"]) - n),
        )
    return event


def ensure_program_requests(rows, programs) -> None:
    """Requests sent from the public site, waiting for staff in stage "requested"."""
    for row in rows:
        if Engagement.objects.filter(slug=row["engagement"]["slug"]).exists():
            continue
        engagement = new_engagement(row["engagement"], programs, stage=EngagementStage.REQUESTED)
        first, last, phone = row["requester"]
        requester, _ = Person.objects.get_or_create(
            region=engagement.office.region,
            email=demo_email(first, last),
            defaults={
                "first_name": first,
                "last_name": last,
                "phone": phone,
                "organisation": row["request"]["organisation"],
                "consent_to_contact": True,
            },
        )
        ProgramRequest.objects.create(
            engagement=engagement,
            requester=requester,
            origin=engagement.origin,
            **row["request"],
        )
        log(instance=engagement, action=ACTION_RECEIVED, data={"source": row["request"]["source"]})


@transaction.atomic
def ensure_public_forms(data, programs) -> EventRegistration | None:
    """The demo's registration page (None when an edit removed it) and program requests."""
    event = ensure_registration_page(data["registration"], programs)
    ensure_program_requests(data["requests"], programs)
    return event
