"""Helpers shared by the test modules (never import one test module from another)."""

import csv
import datetime
import io
import os
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest
from PIL import Image as PillowImage

from wagtail_spcp.models import (
    ImportBatch,
    Office,
    Region,
    Survey,
    SurveyAnswer,
    SurveyResponse,
)

FILES = Path(__file__).resolve().parent / "files"

# The roles of the admin permission matrix, each a user of the ``world`` fixture.
ROLES = ["anonymous", "editor", "staff_a", "staff_b", "national", "superuser"]

# Written into a confidential field of the public test tree's engagement; never shown publicly.
CONFIDENTIAL_MARKER = "Confidential-incident-7731"


def translate_pages(pages, language_code: str = "es") -> list:
    """Copy ``pages`` (parents first) for translation, as an editor's “Translate” does, and
    publish each copy; the copies keep the original's content."""
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    copies = []
    for page in pages:
        copy = page.copy_for_translation(locale)
        copy.save_revision().publish()
        copies.append(copy)
    return copies


def add_field_offices(count):
    """``count`` more field offices, spread over the regions (for query-count tests)."""
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


def running_in_ci() -> bool:
    """Whether the suite runs under CI (``CI=true``), where every test must really run."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require(available: bool, reason: str) -> None:
    """Skip the calling test when a tool it needs is missing, except under CI: fail there.

    A green CI run must mean that browser, HTML-checker and database tests ran, not that
    they were skipped because something was not installed.
    """
    if available:
        return
    if running_in_ci():
        pytest.fail(f"{reason} (CI=true: a missing tool fails the run)", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def make_image(title="A photo", description="", size=(1600, 900), color="#005ea2"):
    """A saved Wagtail image of one color, stored in the test storage."""
    output = io.BytesIO()
    PillowImage.new("RGB", size, color).save(output, format="JPEG")
    image = get_image_model()(title=title, description=description)
    image.file = ImageFile(io.BytesIO(output.getvalue()), name="photo.jpg")
    image._set_image_file_metadata()
    image.save()
    return image


def sample(name) -> bytes:
    """The bytes of a sample upload in ``tests/files/``."""
    return (FILES / name).read_bytes()


def staff_user(django_user_model, username, region_slug):
    """A user who may import into, and export the participants of, one region."""
    group = Group.objects.create(name=f"{username} staff")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="import_participation"),
        Permission.objects.get(codename="export_participation"),
        Permission.objects.get(codename="view_importbatch"),
    )
    Region.objects.get(slug=region_slug).staff_groups.add(group)
    user = django_user_model.objects.create_user(username=username, password="pw")
    user.groups.add(group)
    return user


def engagement_form_data(engagement, **changes):
    """POST data for the engagement edit form, keeping its current children."""
    concerns = list(engagement.concerns.all())
    data = {
        "title": engagement.title,
        "slug": engagement.slug,
        "program": "",
        "office": engagement.office_id,
        "community_city": engagement.community_city,
        "community_state": engagement.community_state,
        "law_enforcement_agency": engagement.law_enforcement_agency,
        "origin": engagement.origin,
        "incident_summary": "",
        "requested_on": engagement.requested_on.isoformat(),
        "stage": engagement.stage,
        "milestones": inline_formset(
            [
                {"id": m.pk, "stage": m.stage, "date": m.date.isoformat(), "note": m.note}
                for m in engagement.milestones.all()
            ],
            initial=engagement.milestones.count(),
        ),
        "breakout_groups": inline_formset(
            [
                {"id": g.pk, "name": g.name, "kind": g.kind, "sector": g.sector}
                for g in engagement.breakout_groups.all()
            ],
            initial=engagement.breakout_groups.count(),
        ),
        "concerns": inline_formset(
            [
                {
                    "id": c.pk,
                    "kind": c.kind,
                    "breakout_group": c.breakout_group_id or "",
                    "dot_votes": c.dot_votes,
                    "text": c.text,
                }
                for c in concerns
            ]
            + changes.pop("new_concerns", []),
            initial=len(concerns),
        ),
        "action_items": inline_formset(
            [
                {
                    "id": a.pk,
                    "title": a.title,
                    "description": a.description,
                    "owner": a.owner,
                    "status": a.status,
                    "due_date": a.due_date.isoformat() if a.due_date else "",
                    "concern": a.concern_id or "",
                    "council": a.council_id or "",
                }
                for a in engagement.action_items.all()
            ],
            initial=engagement.action_items.count(),
        ),
    }
    data.update(changes)
    return nested_form_data(data)


def people_csv(rows):
    """A CSV of ``rows`` people with first name, last name and email."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["First name", "Last name", "Email"])
    for n in range(rows):
        writer.writerow([f"Person{n}", "Large", f"large{n}@example.org"])
    return buffer.getvalue().encode()


def start_import_wizard(client, engagement, data):
    """Upload ``data``, map its three columns and confirm the dry run; returns the response."""
    map_url = client.post(
        reverse("wagtail_spcp_importing:upload"),
        {
            "engagement": engagement.pk,
            "file": SimpleUploadedFile("large.csv", data),
            "duplicate_policy": "update",
        },
    ).url
    client.post(map_url, {"column_0": "first_name", "column_1": "last_name", "column_2": "email"})
    dry_run = ImportBatch.objects.get(dry_run=True)
    return client.post(reverse("wagtail_spcp_importing:confirm", args=[dry_run.pk]))


def request_form_data(**overrides) -> dict:
    """A valid program request, sent as the form's fields; its fill time already passed."""
    from wagtail_spcp.public_forms.abuse import sign_start

    data = {
        "organisation": "Riverton Interfaith Alliance",
        "role": "Pastor",
        "name": "Ana Morales",
        "email": "ana.morales@example.org",
        "phone": "409-555-0190",
        "community": "77550",
        "origin": "proactive",
        "incident_description": "",
        "preferred_timing": "This fall",
        "message": "",
        "consent": "on",
        "website": "",
        "started": sign_start(0),
    }
    data.update(overrides)
    return data


def registration_form_data(**overrides) -> dict:
    """A valid program-day registration, sent as the form's fields."""
    from wagtail_spcp.public_forms.abuse import sign_start

    data = {
        "name": "Lee Park",
        "email": "lee.park@example.org",
        "phone": "",
        "organisation": "Galveston Youth League",
        "sector": "youth",
        "preferred_language": "en",
        "accessibility_needs": "",
        "consent": "on",
        "website": "",
        "started": sign_start(0),
    }
    data.update(overrides)
    return data


def open_survey(engagement, **fields):
    """A survey of ``engagement`` whose two waves are open today (five default questions)."""
    today = timezone.localdate()
    fields.setdefault("public_title", "Community and police survey")
    fields.setdefault("before_opens_on", today - datetime.timedelta(days=1))
    fields.setdefault("after_opens_on", today)
    return Survey.objects.create(engagement=engagement, **fields)


def add_survey_responses(survey, wave, scores, comment=""):
    """``len(scores)`` responses to ``wave``; each gives ``score`` to every question."""
    questions = list(survey.questions.all())
    for score in scores:
        response = SurveyResponse.objects.create(survey=survey, wave=wave, comment=comment)
        SurveyAnswer.objects.bulk_create(
            SurveyAnswer(response=response, question=question, score=score)
            for question in questions
        )
