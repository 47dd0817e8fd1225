"""Saved mappings in the admin: listed by region, renamed and deleted only by those who may."""

import copy
from types import SimpleNamespace

from django.urls import NoReverseMatch, reverse

from wagtail import hooks

import pytest

from wagtail_spcp.choices import MatchKey
from wagtail_spcp.models import ImportMapping, RegionScopedLogEntry

INDEX = "spcp_import_mappings:index"


@pytest.fixture(scope="module")
def shared_mappings(shared_world):
    a, b = shared_world.a.region, shared_world.b.region
    return SimpleNamespace(
        a=ImportMapping.objects.create(
            name="Eventbrite",
            region=a,
            columns={"email": "email", "first name": "first_name", "notes": ""},
            match_on=MatchKey.EXTERNAL_ID,
        ),
        a_paper=ImportMapping.objects.create(
            name="Paper sheet", region=a, columns={"e-mail": "email"}
        ),
        b=ImportMapping.objects.create(
            name="Eventbrite", region=b, columns={"email": "email"}, match_on=MatchKey.EMAIL
        ),
        shared=ImportMapping.objects.create(
            name="Web form", columns={"email": "email", "phone": "phone"}
        ),
    )


@pytest.fixture
def mappings(shared_mappings):
    return copy.deepcopy(shared_mappings)


def url(view, mapping):
    return reverse(f"spcp_import_mappings:{view}", args=(mapping.pk,))


def listed(response):
    return set(response.context["object_list"])


def test_staff_list_their_regions_and_the_shared_mappings(world, mappings, login):
    response = login(world.users["staff_a"]).get(reverse(INDEX))
    assert response.status_code == 200
    assert listed(response) == {mappings.a, mappings.a_paper, mappings.shared}
    html = response.content.decode()
    assert "Shared" in html
    assert str(MatchKey.EXTERNAL_ID.label) in html
    # Regional staff rename and delete their own mappings, not the shared one.
    assert url("edit", mappings.a) in html
    assert url("delete", mappings.a) in html
    assert url("edit", mappings.shared) not in html
    assert url("delete", mappings.shared) not in html
    assert url("edit", mappings.b) not in html


def test_listing_counts_mapped_columns_and_has_no_add_button(world, mappings, login):
    response = login(world.users["staff_a"]).get(reverse(INDEX), {"q": "Eventbrite"})
    assert listed(response) == {mappings.a}
    table = response.context["table"]
    row = {column.name: column.get_value(mappings.a) for column in table.columns.values()}
    assert row["mapped_columns"] == 2  # "notes" is not imported
    assert row["region"] == "Southwest"
    with pytest.raises(NoReverseMatch):
        reverse("spcp_import_mappings:add")
    assert "/spcp/import-mappings/new/" not in response.content.decode()


def test_national_staff_see_and_change_every_mapping(world, mappings, login):
    client = login(world.users["national"])
    response = client.get(reverse(INDEX))
    assert listed(response) == {mappings.a, mappings.a_paper, mappings.b, mappings.shared}
    assert url("edit", mappings.shared) in response.content.decode()
    assert client.get(url("edit", mappings.shared)).status_code == 200


@pytest.mark.parametrize(
    ("role", "redirect"), [("anonymous", "wagtailadmin_login"), ("editor", "wagtailadmin_home")]
)
def test_users_who_may_not_import_do_not_reach_the_listing(world, mappings, login, role, redirect):
    response = login(world.users[role]).get(reverse(INDEX))
    assert response.status_code == 302
    assert response["Location"].split("?")[0] == reverse(redirect)


def test_menu_offers_saved_mappings_to_importers_only(world, login):
    assert reverse(INDEX) in login(world.users["staff_a"]).get(reverse("wagtailadmin_home")).text
    assert reverse(INDEX) not in login(world.users["editor"]).get(reverse("wagtailadmin_home")).text


def test_rename_is_audited(world, mappings, login):
    client = login(world.users["staff_a"])
    form = client.get(url("edit", mappings.a))
    assert form.status_code == 200
    assert list(form.context["form"].fields) == ["name"]
    response = client.post(url("edit", mappings.a), {"name": "Eventbrite 2026"})
    assert response.status_code == 302
    mappings.a.refresh_from_db()
    assert mappings.a.name == "Eventbrite 2026"
    assert mappings.a.columns == {"email": "email", "first name": "first_name", "notes": ""}
    entry = RegionScopedLogEntry.objects.get(action="wagtail.rename", object_id=mappings.a.pk)
    assert entry.data == {"title": {"old": "Eventbrite", "new": "Eventbrite 2026"}}
    assert entry.user == world.users["staff_a"]
    assert entry.region == world.a.region
    history = client.get(url("history", mappings.a))
    assert history.status_code == 200
    assert "Eventbrite 2026" in history.text


def test_a_name_is_unique_within_its_region(world, mappings, login):
    client = login(world.users["staff_a"])
    response = client.post(url("edit", mappings.a_paper), {"name": "Eventbrite"})
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "name": ["Southwest already has a saved mapping named “Eventbrite”."]
    }
    mappings.a_paper.refresh_from_db()
    assert mappings.a_paper.name == "Paper sheet"
    # The name of a shared mapping, or of another region's, is free.
    assert client.post(url("edit", mappings.a_paper), {"name": "Web form"}).status_code == 302
    assert not RegionScopedLogEntry.objects.filter(object_id=mappings.b.pk).exists()


def test_a_shared_name_is_unique_among_shared_mappings(world, mappings, login):
    ImportMapping.objects.create(name="Zoom export", columns={})
    client = login(world.users["national"])
    response = client.post(url("edit", mappings.shared), {"name": "Zoom export"})
    assert response.context["form"].errors == {
        "name": ["There is already a shared mapping named “Zoom export”."]
    }
    assert client.post(url("edit", mappings.shared), {"name": "Eventbrite"}).status_code == 302


def test_delete_asks_for_confirmation_and_is_audited(world, mappings, login):
    client = login(world.users["staff_a"])
    confirm = client.get(url("delete", mappings.a))
    assert confirm.status_code == 200
    assert "Are you sure" in confirm.text
    assert ImportMapping.objects.filter(pk=mappings.a.pk).exists()
    response = client.post(url("delete", mappings.a))
    assert response.status_code == 302
    assert not ImportMapping.objects.filter(pk=mappings.a.pk).exists()
    entry = RegionScopedLogEntry.objects.get(action="wagtail.delete", object_id=mappings.a.pk)
    assert entry.user == world.users["staff_a"]
    assert entry.region == world.a.region


@pytest.mark.parametrize("view", ["edit", "delete", "history"])
def test_another_regions_mapping_is_not_found_by_url(world, mappings, login, view):
    client = login(world.users["staff_a"])
    assert client.get(url(view, mappings.b)).status_code == 404
    if view != "history":
        assert client.post(url(view, mappings.b), {"name": "Taken over"}).status_code == 404
    mappings.b.refresh_from_db()
    assert mappings.b.name == "Eventbrite"
    assert not RegionScopedLogEntry.objects.filter(object_id=mappings.b.pk).exists()


@pytest.mark.parametrize("view", ["edit", "delete"])
def test_regional_staff_may_not_change_a_shared_mapping(world, mappings, login, view):
    client = login(world.users["staff_b"])
    for response in (
        client.get(url(view, mappings.shared)),
        client.post(url(view, mappings.shared), {"name": "Ours now"}),
    ):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    mappings.shared.refresh_from_db()
    assert mappings.shared.name == "Web form"
    # They may still see and use it, and read its history.
    assert mappings.shared in listed(client.get(reverse(INDEX)))
    history = client.get(url("history", mappings.shared))
    assert history.status_code == 200
    assert url("edit", mappings.shared) not in history.text


@pytest.mark.django_db
def test_mapping_model_permissions_are_not_offered_to_groups():
    # Access follows "Can import participants" and the user's regions, not these.
    offered = {p.codename for hook in hooks.get_hooks("register_permissions") for p in hook()}
    assert "import_participation" in offered
    assert not {codename for codename in offered if codename.endswith("_importmapping")}


def test_listing_queries_do_not_grow_with_the_mappings(
    world, mappings, login, django_assert_max_num_queries
):
    client = login(world.users["staff_a"])
    client.get(reverse(INDEX))  # warm the session and the user's permission cache
    with django_assert_max_num_queries(12) as few:
        client.get(reverse(INDEX))
    ImportMapping.objects.bulk_create(
        ImportMapping(name=f"Form {n}", region=world.a.region, columns={}) for n in range(15)
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse(INDEX))
    assert len(listed(response)) == 18
