"""Permission matrix: every admin URL of the staff models, for every role.

Objects belong to region A (Southwest). Staff of region B must not reach them by id,
find them in listings or choosers, or act on them in bulk.
"""

from io import StringIO

from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import ReferenceIndex

import pytest

from tests.utils import ROLES
from wagtail_spcp.choices import EngagementStage, ImportStatus
from wagtail_spcp.importing.storage import store_file
from wagtail_spcp.merging import PERSON_MERGE, merge_people
from wagtail_spcp.models import (
    CouncilMembership,
    Engagement,
    EventRegistration,
    ImportBatch,
    ImportFile,
    NotDuplicate,
    Participation,
    Person,
    RegionScopedLogEntry,
)

SNIPPETS = {
    "engagement": "engagement",
    "actionitem": "action_item",
    "council": "council",
    "person": "person",
    "participation": "participation",
    "eventregistration": "event",  # registration pages
}
OBJECT_VIEWS = ["edit", "delete", "history", "history_results", "usage", "inspect"]

# (url name, attribute of the region holding the object)
OBJECT_URLS = [
    (f"wagtailsnippets_wagtail_spcp_{model}:{view}", attr)
    for model, attr in SNIPPETS.items()
    for view in OBJECT_VIEWS
]
OBJECT_URLS += [
    (f"wagtailsnippetchoosers_wagtail_spcp_{model}:chosen", attr)
    for model, attr in SNIPPETS.items()
]
OBJECT_URLS += [
    ("spcp_import_batches:inspect", "import_batch"),
    ("spcp_import_batches:history", "import_batch"),
]

LISTING_URLS = [
    (f"wagtailsnippets_wagtail_spcp_{model}:{view}", attr)
    for model, attr in SNIPPETS.items()
    for view in ("list", "list_results")
]
LISTING_URLS += [
    (f"wagtailsnippetchoosers_wagtail_spcp_{model}:{view}", attr)
    for model, attr in SNIPPETS.items()
    for view in ("choose", "choose_results")
]
LISTING_URLS += [
    ("spcp_import_batches:index", "import_batch"),
    ("spcp_import_batches:index_results", "import_batch"),
]

# Region A's object, seen by each role: 404 hides its existence from everyone outside.
EXPECTED_OBJECT_STATUS = {
    "anonymous": 302,
    "editor": 404,
    "staff_a": 200,
    "staff_b": 404,
    "national": 200,
    "superuser": 200,
}
EXPECTED_LISTING_STATUS = {
    "anonymous": 302,
    "editor": 302,
    "staff_a": 200,
    "staff_b": 200,
    "national": 200,
    "superuser": 200,
}
SEES_REGION_A = {"staff_a", "national", "superuser"}
SEES_REGION_B = {"staff_b", "national", "superuser"}


def label(obj):
    """Text that identifies ``obj`` in a listing (ASCII, so JSON responses match too)."""
    if isinstance(obj, Participation):
        return str(obj.person)
    return obj.file_name if hasattr(obj, "file_name") else str(obj)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("url_name", "attr"), OBJECT_URLS)
def test_object_urls(world, login, role, url_name, attr):
    client = login(world.users[role])
    obj = getattr(world.a, attr)
    response = client.get(reverse(url_name, args=[obj.pk]))
    expected = EXPECTED_OBJECT_STATUS[role]
    if role == "editor" and ":chosen" in url_name:
        # Choosers check the model permission before looking the object up.
        expected = 302
    assert response.status_code == expected
    if role == "anonymous":
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("url_name", "attr"), LISTING_URLS)
def test_listings_show_only_the_users_regions(world, login, role, url_name, attr):
    client = login(world.users[role])
    response = client.get(reverse(url_name))
    assert response.status_code == EXPECTED_LISTING_STATUS[role]
    if response.status_code != 200:
        return
    content = response.content.decode()
    assert (label(getattr(world.a, attr)) in content) == (role in SEES_REGION_A)
    assert (label(getattr(world.b, attr)) in content) == (role in SEES_REGION_B)


@pytest.mark.parametrize(("url_name", "attr"), LISTING_URLS[: 2 * len(SNIPPETS)])
def test_listing_counts_only_the_users_region(world, login, url_name, attr):
    response = login(world.users["staff_b"]).get(reverse(url_name))
    assert response.context["paginator"].count == 1
    assert [item.pk for item in response.context["object_list"]] == [getattr(world.b, attr).pk]


def test_search_finds_only_the_users_region(world, login):
    client = login(world.users["staff_b"])
    url = reverse("wagtailsnippets_wagtail_spcp_person:list")
    response = client.get(url, {"q": "Sample"})
    assert [p.pk for p in response.context["object_list"]] == [world.b.person.pk]
    response = client.get(url, {"q": "PersonA"})
    assert list(response.context["object_list"]) == []


def test_filter_by_another_region_lists_nothing(world, login):
    client = login(world.users["staff_b"])
    response = client.get(
        reverse("wagtailsnippets_wagtail_spcp_engagement:list"), {"region": world.a.region.pk}
    )
    assert response.status_code == 200
    assert list(response.context["object_list"]) == []


def test_national_staff_filter_by_region(world, login):
    client = login(world.users["national"])
    response = client.get(
        reverse("wagtailsnippets_wagtail_spcp_engagement:list"), {"region": world.a.region.pk}
    )
    assert [e.pk for e in response.context["object_list"]] == [world.a.engagement.pk]


def test_staff_cannot_edit_another_regions_engagement_by_post(world, login):
    client = login(world.users["staff_b"])
    engagement = world.a.engagement
    response = client.post(
        reverse("wagtailsnippets_wagtail_spcp_engagement:edit", args=[engagement.pk]),
        {"title": "Hijacked"},
    )
    assert response.status_code == 404
    engagement.refresh_from_db()
    assert engagement.title == "Engagement A"


def test_staff_cannot_delete_another_regions_engagement(world, login):
    client = login(world.users["staff_b"])
    url = reverse("wagtailsnippets_wagtail_spcp_engagement:delete", args=[world.a.engagement.pk])
    assert client.post(url).status_code == 404
    assert Engagement.objects.filter(pk=world.a.engagement.pk).exists()


def test_bulk_delete_cannot_reach_another_region(world, login):
    client = login(world.users["staff_b"])
    url = reverse("wagtail_bulk_action", args=["wagtail_spcp", "engagement", "delete"])
    response = client.get(url, {"id": [world.a.engagement.pk]})
    assert "Engagement A" not in response.content.decode()
    client.post(f"{url}?id={world.a.engagement.pk}&id=all")
    assert Engagement.objects.filter(pk=world.a.engagement.pk).exists()
    assert not Engagement.objects.filter(pk=world.b.engagement.pk).exists()


def test_participation_form_refuses_another_regions_engagement(world, login):
    client = login(world.users["staff_b"])
    response = client.post(
        reverse("wagtailsnippets_wagtail_spcp_participation:add"),
        {
            "person": world.b.person.pk,
            "engagement": world.a.engagement.pk,
            "role": "participant",
            "status": "registered",
        },
    )
    assert response.status_code == 200
    assert "engagement" in response.context["form"].errors
    # The refused id is not echoed back by name in the re-rendered chooser.
    assert "Engagement A" not in response.content.decode()
    assert not Participation.objects.filter(
        person=world.b.person, engagement=world.a.engagement
    ).exists()


def test_engagement_form_offers_only_offices_of_the_users_regions(world, login):
    client = login(world.users["staff_b"])
    response = client.get(reverse("wagtailsnippets_wagtail_spcp_engagement:add"))
    offices = response.context["form"].fields["office"].queryset
    assert {office.region.slug for office in offices} == {"northwest"}


def test_chooser_lists_only_the_users_region(world, login):
    client = login(world.users["staff_b"])
    response = client.get(reverse("wagtailsnippetchoosers_wagtail_spcp_person:choose"))
    content = response.json()["html"]
    assert str(world.b.person) in content
    assert str(world.a.person) not in content


def test_editor_without_permissions_has_no_dashboard_panel(world, login):
    response = login(world.users["editor"]).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "spcp-dashboard-heading" not in response.content.decode()


def test_chooser_search_uses_the_database_within_the_users_region(world, login):
    client = login(world.users["staff_b"])
    url = reverse("wagtailsnippetchoosers_wagtail_spcp_person:choose_results")
    content = client.get(url, {"q": "sample"}).content.decode()
    assert str(world.b.person) in content
    assert str(world.a.person) not in content
    content = client.get(url, {"q": "PersonA"}).content.decode()
    assert str(world.a.person) not in content


def test_chooser_search_filters_by_the_query(world, login):
    client = login(world.users["national"])
    url = reverse("wagtailsnippetchoosers_wagtail_spcp_person:choose_results")
    content = client.get(url, {"q": "personb"}).content.decode()
    assert str(world.b.person) in content
    assert str(world.a.person) not in content


@pytest.mark.parametrize("model", ["engagement", "council", "person", "participation"])
def test_exports_contain_only_the_users_region(world, login, model):
    client = login(world.users["staff_b"])
    response = client.get(reverse(f"wagtailsnippets_wagtail_spcp_{model}:list"), {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    content = body.decode("utf-8-sig")
    tokens = {"engagement": "Engagement {}", "council": "Council {}"}
    token = tokens.get(model, "Person{}")
    assert token.format("B") in content
    assert token.format("A") not in content


def test_usage_leaves_out_uses_in_another_region(world, login):
    # Region B's person also sits on region A's council; staff of B see only B's council.
    CouncilMembership.objects.create(council=world.a.council, person=world.b.person)
    ReferenceIndex.create_or_update_for_object(world.a.council)
    ReferenceIndex.create_or_update_for_object(world.b.council)
    url = reverse("wagtailsnippets_wagtail_spcp_person:usage", args=[world.b.person.pk])
    response = login(world.users["staff_b"]).get(url)
    assert response.status_code == 200
    sources = [source for source, _ in response.context["object_list"]]
    assert world.b.council in sources
    assert world.a.council not in sources
    response = login(world.users["national"]).get(url)
    sources = [source for source, _ in response.context["object_list"]]
    assert world.a.council in sources


# --- Import and export: "import participants" and "export participants" at every door ---

IMPORT_VIEWS = ["batch", "progress", "preview", "errors", "undo"]
EXPORT_URLS = [
    ("wagtail_spcp_importing:export", ["csv"]),
    ("wagtail_spcp_importing:export", ["xlsx"]),
    ("wagtail_spcp_importing:sign_in_sheet", []),
]


def refused(response):
    """Wagtail's admin answers a missing permission with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


@pytest.fixture
def previewed(world):
    """Region A's batch as a previewed dry run of staff A, with its file and error workbook."""
    batch = world.a.import_batch
    upload = store_file(b"First name,Last name,Email\nAna,Ruiz,ana@example.org\n", "a.csv")
    errors = store_file(b"x", "a-errors.xlsx", kind=ImportFile.Kind.ERROR_REPORT)
    ImportBatch.objects.filter(pk=batch.pk).update(
        dry_run=True,
        source_file=upload,
        error_file=errors,
        created_by=world.users["staff_a"],
        status=ImportStatus.COMPLETED,
    )
    return batch


def import_urls(world, batch):
    """Every import door, with the method it is used with."""
    urls = [
        ("get", reverse(f"wagtail_spcp_importing:{view}", args=[batch.pk])) for view in IMPORT_VIEWS
    ]
    urls.append(("post", reverse("wagtail_spcp_importing:confirm", args=[batch.pk])))
    urls.append(("get", reverse("wagtail_spcp_importing:upload")))
    urls.append(("get", reverse("wagtail_spcp_importing:start", args=[world.a.engagement.pk])))
    return urls


def export_urls(world):
    urls = [
        ("get", reverse(name, args=[world.a.engagement.pk, *args])) for name, args in EXPORT_URLS
    ]
    for model in ("person", "participation"):
        for file_format in ("csv", "xlsx"):
            listing = reverse(f"wagtailsnippets_wagtail_spcp_{model}:list")
            urls.append(("get", f"{listing}?export={file_format}"))
    return urls


@pytest.mark.parametrize("role", ["editor", "staff_a", "national", "superuser"])
def test_import_doors_need_the_import_permission(world, login, previewed, role):
    client = login(world.users[role])
    for method, url in import_urls(world, previewed):
        response = getattr(client, method)(url)
        # Only the person who previewed an import confirms it.
        owner_only = url.endswith("/confirm/") and role != "staff_a"
        assert refused(response) == (role == "editor" or owner_only), url


@pytest.mark.parametrize("role", ["editor", "staff_a", "national", "superuser"])
def test_export_doors_need_the_export_permission(world, login, role):
    client = login(world.users[role])
    for method, url in export_urls(world):
        response = getattr(client, method)(url)
        if role == "editor":
            assert refused(response), url
        else:
            assert response.status_code == 200, url


def test_every_door_refuses_staff_without_the_permissions(world, login, previewed):
    """Staff of region A who may view imports and participants, but not import or export."""
    group = world.users["staff_a"].groups.get()
    group.permissions.remove(
        *Permission.objects.filter(codename__in=["import_participation", "export_participation"])
    )
    client = login(world.users["staff_a"])
    for method, url in import_urls(world, previewed) + export_urls(world):
        assert refused(getattr(client, method)(url)), url
    listing = client.get(reverse("wagtailsnippets_wagtail_spcp_person:list")).content.decode()
    assert "export=csv" not in listing
    # The batch listing leads to the read-only inspect view instead of the wizard.
    batches = client.get(reverse("spcp_import_batches:index")).content.decode()
    assert reverse("wagtail_spcp_importing:upload") not in batches
    assert reverse("wagtail_spcp_importing:batch", args=[previewed.pk]) not in batches
    assert not ImportBatch.objects.filter(dry_run=False, engagement=world.a.engagement).exists()


def test_import_doors_of_another_region_are_not_found(world, login, previewed):
    client = login(world.users["staff_b"])
    for method, url in import_urls(world, previewed)[:-2] + export_urls(world)[:3]:
        assert getattr(client, method)(url).status_code == 404, url


# --- merge, delete and bulk delete of people, and the same human in two regions -------------

MERGE_URL = "wagtailsnippets_wagtail_spcp_person:merge"
EXPECTED_MERGE_STATUS = {
    "anonymous": 302,
    "editor": 302,
    "staff_a": 200,
    "staff_b": 200,
    "national": 200,
    "superuser": 200,
}


@pytest.fixture
def duplicate_a(world, make_person):
    """A second record of region A's person, with a participation of its own."""
    duplicate = make_person(
        engagement=world.a.engagement, first_name="PersonA", last_name="Sample", email=""
    )
    other = Engagement.objects.create(
        slug="engagement-a2",
        title="Engagement A2",
        office=world.a.engagement.office,
        community_city="Austin",
        community_state="TX",
    )
    Participation.objects.create(person=duplicate, engagement=other)
    return duplicate


@pytest.fixture
def twin(world, make_person):
    """Region B's own record of the same human as region A's person."""
    person = make_person(
        engagement=world.b.engagement,
        first_name="PersonA",
        last_name="Sample",
        email=world.a.person.email,
    )
    Participation.objects.create(person=person, engagement=world.b.engagement)
    return person


@pytest.mark.parametrize("role", ROLES)
def test_merge_view(world, login, role, duplicate_a):
    client = login(world.users[role])
    url = reverse(MERGE_URL)
    assert client.get(url).status_code == EXPECTED_MERGE_STATUS[role]
    data = {"survivor": world.a.person.pk, "duplicate": duplicate_a.pk}
    response = client.post(url, data)
    if role in SEES_REGION_A:
        # The confirmation counts only region A's links: the person has no others.
        assert response.context["summary"]["participations_moved"] == 1
        assert response.context["summary"]["memberships_moved"] == 0
    response = client.post(url, {**data, "confirm": "1"})
    merged = not Person.objects.filter(pk=duplicate_a.pk).exists()
    assert merged == (role in SEES_REGION_A)
    if role == "staff_b":
        assert "survivor" in response.context["form"].errors
    assert Participation.objects.filter(person=world.b.person).count() == 1


@pytest.mark.parametrize("role", ["national", "superuser"])
def test_merge_refuses_two_regions_records_of_the_same_human(world, login, role, twin):
    client = login(world.users[role])
    response = client.post(
        reverse(MERGE_URL), {"survivor": world.a.person.pk, "duplicate": twin.pk, "confirm": "1"}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert Person.objects.filter(pk__in=[world.a.person.pk, twin.pk]).count() == 2


@pytest.mark.parametrize("role", ROLES)
def test_person_delete(world, login, role, twin):
    client = login(world.users[role])
    url = reverse("wagtailsnippets_wagtail_spcp_person:delete", args=[world.a.person.pk])
    response = client.post(url)
    deleted = not Person.objects.filter(pk=world.a.person.pk).exists()
    assert deleted == (role in SEES_REGION_A)
    if role in ("editor", "staff_b"):
        assert response.status_code == 404
    # Region B's record of the same human, and its links, are untouched either way.
    assert Participation.objects.filter(person=twin).count() == 1
    assert Participation.objects.filter(person=world.b.person).count() == 1
    assert CouncilMembership.objects.filter(person=world.b.person).exists()


@pytest.mark.parametrize("role", ROLES)
def test_person_bulk_delete(world, login, role, twin):
    client = login(world.users[role])
    url = reverse("wagtail_bulk_action", args=["wagtail_spcp", "person", "delete"])
    response = client.get(url, {"id": [world.a.person.pk]})
    if role not in SEES_REGION_A:
        assert "PersonA" not in response.content.decode()
    client.post(f"{url}?id={world.a.person.pk}&id={twin.pk}")
    a_deleted = not Person.objects.filter(pk=world.a.person.pk).exists()
    twin_deleted = not Person.objects.filter(pk=twin.pk).exists()
    assert a_deleted == (role in SEES_REGION_A)
    assert twin_deleted == (role in SEES_REGION_B)
    assert Participation.objects.filter(person=world.b.person).count() == 1


def import_file(tmp_path, engagement, text, *extra):
    """Run ``spcp_import`` on a CSV; return its summary line."""
    path = tmp_path / "signups.csv"
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command("spcp_import", str(path), "--engagement", engagement.slug, *extra, stdout=out)
    return out.getvalue().strip()


def test_importing_another_regions_email_creates_the_regions_own_record(world, tmp_path, login):
    person_a = world.a.person
    before = Person.objects.filter(pk=person_a.pk).values().get()
    text = f"First name,Last name,Email,Organisation\nAnn,Changed,{person_a.email},Hijack Inc\n"
    summary = import_file(tmp_path, world.b.engagement, text, "--on-duplicate", "update")
    assert summary == "new=1 updated=0 skipped=0 invalid=0"
    assert Person.objects.filter(pk=person_a.pk).values().get() == before
    assert set(person_a.participations.values_list("engagement", flat=True)) == {
        world.a.engagement.pk
    }
    own = Person.objects.get(region=world.b.region, email=person_a.email)
    assert (own.last_name, own.organisation) == ("Changed", "Hijack Inc")
    # Staff of B find their own record only; A's stays out of their reach.
    response = login(world.users["staff_b"]).get(
        reverse("wagtailsnippets_wagtail_spcp_person:list"), {"q": person_a.email}
    )
    assert [p.pk for p in response.context["object_list"]] == [own.pk]
    url = reverse("wagtailsnippets_wagtail_spcp_person:edit", args=[person_a.pk])
    assert login(world.users["staff_b"]).get(url).status_code == 404


def test_a_dry_run_counts_the_same_whatever_other_regions_hold(world, tmp_path, make_person):
    text = "First name,Last name,Email,Phone\nNew,Comer,new.comer@example.org,206-555-0199\n"
    alone = import_file(tmp_path, world.a.engagement, text, "--dry-run")
    make_person(
        engagement=world.b.engagement,
        first_name="New",
        last_name="Comer",
        email="new.comer@example.org",
        phone="+12065550199",
    )
    assert import_file(tmp_path, world.a.engagement, text, "--dry-run") == alone
    assert alone == "new=1 updated=0 skipped=0 invalid=0"


# --- duplicate scan, "not a duplicate", and undoing a merge ---------------------------------

DUPLICATES_URL = "wagtailsnippets_wagtail_spcp_person:duplicates"
UNDO_MERGE_URL = "wagtailsnippets_wagtail_spcp_person:merge_undo"
EXPECTED_UNDO_STATUS = {**EXPECTED_MERGE_STATUS, "staff_b": 404}


@pytest.mark.parametrize("role", ROLES)
def test_duplicate_scan(world, login, role, make_person):
    twin_a = make_person(region=world.a.region, first_name="Twin", last_name="Alpha")
    twin_a.alternate_emails = [world.a.person.email]
    twin_a.save()
    client = login(world.users[role])
    response = client.get(reverse(DUPLICATES_URL), {"region": world.a.region.pk})
    assert response.status_code == EXPECTED_MERGE_STATUS[role]
    if response.status_code == 200:
        assert ("Twin Alpha" in response.content.decode()) == (role in SEES_REGION_A)
    response = client.post(
        reverse(DUPLICATES_URL),
        {"region": world.a.region.pk, "first": world.a.person.pk, "second": twin_a.pk},
    )
    marked = NotDuplicate.objects.filter(second=twin_a).exists()
    assert marked == (role in SEES_REGION_A)
    if role == "staff_b":
        assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_undo_merge_view(world, login, role, duplicate_a):
    merge_people(world.a.person, duplicate_a)
    entry = RegionScopedLogEntry.objects.get(action=PERSON_MERGE)
    client = login(world.users[role])
    url = reverse(UNDO_MERGE_URL, args=[entry.pk])
    assert client.get(url).status_code == EXPECTED_UNDO_STATUS[role]
    client.post(url)
    restored = Person.objects.filter(pk=duplicate_a.pk).exists()
    assert restored == (role in SEES_REGION_A)


# Program requests: the "Requests" listing and the accept and decline doors. Staff need the
# "change" permissions of program requests and engagements (migration 0018 grants them with the
# engagement's); another region's request is not found.
EXPECTED_REQUESTS_STATUS = {
    "anonymous": 302,
    "editor": 302,  # Wagtail turns "permission denied" into a redirect with a message
    "staff_a": 200,
    "staff_b": 200,
    "national": 200,
    "superuser": 200,
}
EXPECTED_DECISION_STATUS = {**EXPECTED_OBJECT_STATUS, "editor": 302}


@pytest.fixture
def requested(world):
    """Both regions' engagements waiting in stage "requested", each with its request."""
    for side in (world.a, world.b):
        side.engagement.stage = EngagementStage.REQUESTED
        side.engagement.save(update_fields=["stage"])
    return world


@pytest.mark.parametrize("role", ROLES)
def test_requests_list_only_the_users_regions(requested, login, role):
    response = login(requested.users[role]).get(reverse("wagtail_spcp_requests:index"))
    assert response.status_code == EXPECTED_REQUESTS_STATUS[role]
    if response.status_code != 200:
        return
    content = response.content.decode()
    assert (str(requested.a.engagement) in content) == (role in SEES_REGION_A)
    assert (str(requested.b.engagement) in content) == (role in SEES_REGION_B)
    decline_a = reverse("wagtail_spcp_requests:decline", args=[requested.a.engagement.pk])
    assert (decline_a in content) == (role in SEES_REGION_A)


@pytest.mark.parametrize("role", ROLES)
def test_decline_form_of_region_a_request(requested, login, role):
    url = reverse("wagtail_spcp_requests:decline", args=[requested.a.engagement.pk])
    response = login(requested.users[role]).get(url)
    assert response.status_code == EXPECTED_DECISION_STATUS[role]


@pytest.mark.parametrize("role", ROLES)
def test_accept_and_decline_reach_only_the_users_regions(requested, login, role):
    client = login(requested.users[role])
    engagement = requested.a.engagement
    accept = client.post(reverse("wagtail_spcp_requests:accept", args=[engagement.pk]))
    expected = EXPECTED_DECISION_STATUS[role]
    assert accept.status_code == (302 if expected == 200 else expected)
    engagement.refresh_from_db()
    moved = EngagementStage.PLANNING if expected == 200 else EngagementStage.REQUESTED
    assert engagement.stage == moved

    other = requested.b.engagement
    decline = client.post(
        reverse("wagtail_spcp_requests:decline", args=[other.pk]), {"reason": "Out of scope"}
    )
    other.refresh_from_db()
    if role in SEES_REGION_B:
        assert decline.status_code == 302 and other.stage == EngagementStage.CLOSED
    else:
        assert decline.status_code in (302, 404) and other.stage == EngagementStage.REQUESTED


def test_staff_without_the_request_permission_cannot_decide(requested, login):
    staff_a = requested.users["staff_a"]
    group = staff_a.groups.get()
    group.permissions.remove(Permission.objects.get(codename="change_programrequest"))
    client = login(staff_a)
    index = reverse("wagtail_spcp_requests:index")
    assert client.get(index).status_code == 302
    client.post(reverse("wagtail_spcp_requests:accept", args=[requested.a.engagement.pk]))
    requested.a.engagement.refresh_from_db()
    assert requested.a.engagement.stage == EngagementStage.REQUESTED
    assert index not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_registration_page_cannot_be_opened_for_another_regions_engagement(world, login):
    client = login(world.users["staff_b"])
    world.a.event.delete()
    day = "2030-06-01"
    response = client.post(
        reverse("wagtailsnippets_wagtail_spcp_eventregistration:add"),
        {
            "engagement": world.a.engagement.pk,
            "is_open": "on",
            "public_title": "Sneaky",
            "location": "Somewhere",
            "starts_at": f"{day} 09:00",
            "ends_at": f"{day} 15:00",
            "opens_at": "2030-05-01 09:00",
            "closes_at": "2030-05-30 09:00",
            "capacity": 10,
            "waitlist": "on",
            "reminder_hours": 48,
        },
    )
    assert response.status_code == 200  # the form again, with an error
    assert not EventRegistration.objects.filter(public_title="Sneaky").exists()


@pytest.mark.parametrize("role", ROLES)
def test_the_hub_shows_region_a_registrations_only_to_its_staff(world, login, role):
    url = reverse("wagtailsnippets_wagtail_spcp_engagement:inspect", args=[world.a.engagement.pk])
    response = login(world.users[role]).get(url)
    assert response.status_code == EXPECTED_OBJECT_STATUS[role]
    if response.status_code == 200:
        content = response.content.decode()
        assert "1 of 20 places taken, 0 on the waitlist, 0 canceled." in content
        assert "Edit the registration page" in content


def test_the_hub_leaves_out_registrations_without_their_permission(world, login):
    staff_a = world.users["staff_a"]
    staff_a.groups.get().permissions.remove(
        *Permission.objects.filter(codename__endswith="_eventregistration")
    )
    url = reverse("wagtailsnippets_wagtail_spcp_engagement:inspect", args=[world.a.engagement.pk])
    content = login(staff_a).get(url).content.decode()
    assert "spcp-registration-heading" not in content
    assert "places taken" not in content
