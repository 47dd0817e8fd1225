"""Finding what an import brought in: people and participations by import and engagement."""

import copy
from types import SimpleNamespace

from django.urls import reverse

import pytest

from wagtail_spcp.importing.batches import create_batch, execute_batch, people_of_batch
from wagtail_spcp.importing.storage import store_file
from wagtail_spcp.models import Participation, Person

PEOPLE = "wagtailsnippets_wagtail_spcp_person:list"
PARTICIPATIONS = "wagtailsnippets_wagtail_spcp_participation:list"
IMPORTS = "spcp_import_batches:index"


def run_import(engagement, user, rows, name="signups.csv", dry_run=False):
    data = ("First name,Last name,Email,Organization\n" + "\n".join(rows) + "\n").encode()
    batch = create_batch(
        upload=store_file(data, name, owner=user),
        engagement=engagement,
        user=user,
        dry_run=dry_run,
    )
    return execute_batch(batch, data)


@pytest.fixture(scope="module")
def shared_imports(shared_world, make_engagement):
    """Two imports in region A: one brings in a new person and updates an existing one."""
    staff_a = shared_world.users["staff_a"]
    engagement, existing = shared_world.a.engagement, shared_world.a.person
    second_engagement = make_engagement(
        slug="engagement-a2", office="houston", title="Engagement A2"
    )
    first = run_import(
        engagement,
        staff_a,
        ["Nora,New,nora@example.org,Riverton Library", f"X,Y,{existing.email},New Org"],
        name="march.csv",
    )
    second = run_import(second_engagement, staff_a, ["Omar,Other,omar@example.org,Club"])
    preview = run_import(engagement, staff_a, ["Pia,Preview,pia@example.org,"], dry_run=True)
    return SimpleNamespace(
        first=first,
        second=second,
        preview=preview,
        second_engagement=second_engagement,
        nora=Person.objects.get(email="nora@example.org"),
        omar=Person.objects.get(email="omar@example.org"),
    )


@pytest.fixture
def imports(shared_imports):
    return copy.deepcopy(shared_imports)


def pks(response):
    assert response.status_code == 200
    return {item.pk for item in response.context["object_list"]}


def test_the_first_import_created_one_person_and_updated_another(world, imports):
    assert (imports.first.new_count, imports.first.updated_count) == (1, 1)
    assert Person.objects.get(pk=world.a.person.pk).organisation == "New Org"


def test_people_brought_in_or_updated_by_an_import(world, imports, login):
    client = login(world.users["staff_a"])
    first = client.get(reverse(PEOPLE), {"import_batch": imports.first.pk})
    assert pks(first) == {imports.nora.pk, world.a.person.pk}
    second = client.get(reverse(PEOPLE), {"import_batch": imports.second.pk})
    assert pks(second) == {imports.omar.pk}
    # An import that brought nothing in (recorded without changes) finds nobody.
    empty = client.get(reverse(PEOPLE), {"import_batch": world.a.import_batch.pk})
    assert pks(empty) == set()


def test_participations_created_by_an_import(world, imports, login):
    client = login(world.users["staff_a"])
    response = client.get(reverse(PARTICIPATIONS), {"import_batch": imports.first.pk})
    expected = set(
        Participation.objects.filter(import_batch=imports.first).values_list("pk", flat=True)
    )
    assert imports.nora.participations.get().pk in expected
    assert pks(response) == expected


def test_participations_updated_by_an_import_are_found(world, imports, login):
    # The import updated the existing participant's status: the participation keeps the
    # batch that created it (none here), and the batch records the update.
    again = run_import(
        world.a.engagement,
        world.users["staff_a"],
        [f"X,Y,{world.a.person.email},New Org"],
        name="attendance.csv",
    )
    again.changes["changed_participations"] = {str(world.a.participation.pk): {}}
    again.save(update_fields=["changes"])
    response = login(world.users["staff_a"]).get(
        reverse(PARTICIPATIONS), {"import_batch": again.pk}
    )
    assert pks(response) == {world.a.participation.pk}


def test_people_and_participations_by_engagement(world, imports, login):
    client = login(world.users["staff_a"])
    people = client.get(reverse(PEOPLE), {"engagement": imports.second_engagement.pk})
    assert pks(people) == {imports.omar.pk}
    parts = client.get(reverse(PARTICIPATIONS), {"engagement": world.a.engagement.pk})
    assert pks(parts) == set(
        Participation.objects.filter(engagement=world.a.engagement).values_list("pk", flat=True)
    )
    assert imports.omar.participations.get().pk not in pks(parts)


@pytest.mark.parametrize("listing", [PEOPLE, PARTICIPATIONS])
def test_filter_choices_are_the_users_own_imports_and_engagements(world, imports, login, listing):
    response = login(world.users["staff_a"]).get(reverse(listing))
    form = response.context["filters"].form
    batches = {pk.value: label for pk, label in form.fields["import_batch"].choices if pk}
    assert set(batches) == {imports.first.pk, imports.second.pk, world.a.import_batch.pk}
    assert batches[imports.first.pk].startswith("march.csv — ")
    assert batches[imports.first.pk].endswith(" (Engagement A)")
    engagements = {pk.value for pk, _label in form.fields["engagement"].choices if pk}
    assert engagements == {world.a.engagement.pk, imports.second_engagement.pk}
    # National staff are offered every region's imports (never previews).
    national = login(world.users["national"]).get(reverse(listing))
    choices = national.context["filters"].form.fields["import_batch"].choices
    offered = {pk.value for pk, _label in choices if pk}
    assert world.b.import_batch.pk in offered
    assert imports.preview.pk not in offered


@pytest.mark.parametrize("listing", [PEOPLE, PARTICIPATIONS])
def test_another_regions_import_or_engagement_reveals_nothing(world, imports, login, listing):
    client = login(world.users["staff_b"])
    for query in ({"import_batch": imports.first.pk}, {"engagement": world.a.engagement.pk}):
        response = client.get(reverse(listing), query)
        assert response.status_code == 200
        assert "import_batch" in response.context["filters"].errors or (
            "engagement" in response.context["filters"].errors
        )
        shown = response.context["object_list"]
        assert all(item.get_owning_region() == world.b.region for item in shown)


def test_import_listing_links_each_import_to_its_people(world, imports, login):
    response = login(world.users["staff_a"]).get(reverse(IMPORTS))
    link = f"{reverse(PEOPLE)}?import_batch={imports.first.pk}"
    assert link in response.text


def test_a_large_import_is_found_with_a_short_query(world, imports):
    batch = imports.first
    # Ids above every existing row (PostgreSQL's sequences outlive each test's rollback).
    top = Person.objects.order_by("-pk").first().pk + 1
    top_part = Participation.objects.order_by("-pk").first().pk + 1
    batch.changes = {
        "created_people": list(range(top + 1000, top + 31000)),
        "changed_people": {str(pk): {} for pk in range(top + 50_000, top + 90_000, 7)},
        "changed_participations": {str(pk): {} for pk in range(top_part, top_part + 40_000)},
    }
    people = Person.objects.filter(people_of_batch(batch))
    sql, params = people.query.sql_with_params()
    assert "BETWEEN" in sql
    assert len(params) < 6_000
    assert list(people) == [imports.nora]  # the query runs (no such other people)
