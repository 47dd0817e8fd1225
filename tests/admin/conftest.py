"""Two regions with one of everything each, and a user for every role of the matrix."""

import copy
import datetime
from types import SimpleNamespace

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

import pytest

from wagtail_spcp.choices import (
    ActionItemStatus,
    CouncilStatus,
    EngagementStage,
    ParticipationStatus,
)
from wagtail_spcp.models import (
    ActionItem,
    BreakoutGroup,
    Concern,
    Council,
    CouncilMeeting,
    CouncilMembership,
    EngagementMilestone,
    EventRegistration,
    ImportBatch,
    Participation,
    ProgramRequest,
    Region,
    Registration,
)

STAFF_MODELS = ["engagement", "actionitem", "council", "person", "participation"]
# Granted with the engagement's permissions (migration 0018): the public forms' records.
STAFF_MODELS += ["eventregistration", "registration", "programrequest"]


def staff_permissions():
    codenames = [
        f"{action}_{model}"
        for model in STAFF_MODELS
        for action in ("add", "change", "delete", "view")
    ]
    codenames += ["view_importbatch", "view_region", "view_office"]
    codenames += ["import_participation", "export_participation"]
    return [
        *Permission.objects.filter(content_type__app_label="wagtail_spcp", codename__in=codenames),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    ]


def build_region(label, region_slug, office_slug, make_engagement, make_person, today):
    """An engagement with a council, people and an import batch in one region."""
    region = Region.objects.get(slug=region_slug)
    engagement = make_engagement(
        slug=f"engagement-{label}",
        office=office_slug,
        title=f"Engagement {label.upper()}",
        stage=EngagementStage.ACTION_PLAN,
    )
    EngagementMilestone.objects.create(
        engagement=engagement, stage=EngagementStage.PROGRAM_DAY, date=today
    )
    group = BreakoutGroup.objects.create(engagement=engagement, name=f"Youth {label}")
    concern = Concern.objects.create(
        engagement=engagement, breakout_group=group, text=f"Concern {label}", dot_votes=3
    )
    council = Council.objects.create(
        engagement=engagement, name=f"Council {label.upper()}", status=CouncilStatus.ACTIVE
    )
    person = make_person(first_name=f"Person{label.upper()}", last_name="Sample", region=region)
    participation = Participation.objects.create(
        person=person, engagement=engagement, status=ParticipationStatus.ATTENDED
    )
    membership = CouncilMembership.objects.create(council=council, person=person)
    meeting = CouncilMeeting.objects.create(council=council, date=today)
    action_item = ActionItem.objects.create(
        engagement=engagement,
        title=f"Action {label.upper()}",
        concern=concern,
        council=council,
        status=ActionItemStatus.IN_PROGRESS,
        due_date=today - datetime.timedelta(days=10),
    )
    batch = ImportBatch.objects.create(
        engagement=engagement, file_name=f"signups-{label}.xlsx", file_sha256="0" * 64
    )
    day = timezone.now() + datetime.timedelta(days=30)
    event = EventRegistration.objects.create(
        engagement=engagement,
        public_title=f"Program day {label.upper()}",
        location="Community center",
        starts_at=day,
        ends_at=day + datetime.timedelta(hours=6),
        closes_at=day - datetime.timedelta(days=1),
        capacity=20,
    )
    registration = Registration.objects.create(participation=participation, event=event)
    program_request = ProgramRequest.objects.create(
        engagement=engagement,
        requester=person,
        organisation=f"Requesting organization {label.upper()}",
        community="Riverton, TX",
    )
    return SimpleNamespace(
        region=region,
        engagement=engagement,
        group=group,
        concern=concern,
        council=council,
        person=person,
        participation=participation,
        membership=membership,
        meeting=meeting,
        action_item=action_item,
        import_batch=batch,
        event=event,
        registration=registration,
        program_request=program_request,
    )


@pytest.fixture(scope="module")
def shared_world(make_engagement, make_person, django_user_model):
    """Region A (Southwest, Houston office) and region B (Northwest), and six roles."""
    today = timezone.localdate()
    a = build_region("a", "southwest", "houston", make_engagement, make_person, today)
    b = build_region("b", "northwest", "northwest", make_engagement, make_person, today)

    permissions = staff_permissions()
    staff_a_group = Group.objects.create(name="Southwest staff")
    staff_a_group.permissions.set(permissions)
    a.region.staff_groups.add(staff_a_group)
    staff_b_group = Group.objects.create(name="Northwest staff")
    staff_b_group.permissions.set(permissions)
    b.region.staff_groups.add(staff_b_group)
    national_group = Group.objects.create(name="National staff")
    national_group.permissions.set(
        [*permissions, Permission.objects.get(codename="view_all_regions")]
    )
    editors = Group.objects.create(name="Web editors")
    editors.permissions.set(
        [Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")]
    )

    def user(username, group=None, **fields):
        account = django_user_model.objects.create_user(
            username=username, password="pw", email=f"{username}@example.org", **fields
        )
        if group:
            account.groups.add(group)
        return account

    users = {
        "anonymous": None,
        "editor": user("editor", editors),
        "staff_a": user("staff_a", staff_a_group),
        "staff_b": user("staff_b", staff_b_group),
        "national": user("national", national_group),
        "superuser": user("root", is_superuser=True, is_staff=True),
    }
    return SimpleNamespace(a=a, b=b, users=users, today=today)


@pytest.fixture
def world(shared_world):
    """This test's own copy of the module's world (the rows are shared, rolled back per test)."""
    return copy.deepcopy(shared_world)


@pytest.fixture
def login(client):
    """Log the test client in as one of the world's users (None stays anonymous)."""

    def as_user(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return as_user
