"""Permission matrix: every admin URL of the staff models, for every role.

Objects belong to region A (Southwest). Staff of region B must not reach them by id,
find them in listings or choosers, or act on them in bulk.
"""

from django.urls import reverse

from wagtail.models import ReferenceIndex

import pytest

from tests.utils import ROLES
from wagtail_spcp.models import CouncilMembership, Engagement, Participation

SNIPPETS = {
    "engagement": "engagement",
    "actionitem": "action_item",
    "council": "council",
    "person": "person",
    "participation": "participation",
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


@pytest.mark.parametrize(("url_name", "attr"), LISTING_URLS[:10])
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
