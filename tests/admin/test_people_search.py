"""Staff find people as they type them: names in any order, accents, emails, phones.

Runs on SQLite and, with DATABASE_URL, on PostgreSQL (where trigram indexes serve it).
"""

from django.db import connection
from django.urls import reverse

from wagtail.search.index import class_is_indexed

import pytest

from wagtail_spcp.admin.people_search import phone_query_digits, search_people
from wagtail_spcp.models import Participation, Person

PEOPLE_URL = "wagtailsnippets_wagtail_spcp_person:list"
PARTICIPATIONS_URL = "wagtailsnippets_wagtail_spcp_participation:list"


@pytest.fixture
def dakota(world, make_person):
    person = make_person(
        first_name="Dakota",
        last_name="Oakhurst",
        email="d.oakhurst@example.org",
        phone="+14095550134",
        organisation="Harbor Youth League",
        region=world.a.region,
    )
    Participation.objects.create(person=person, engagement=world.a.engagement)
    return person


@pytest.fixture
def priya(world, make_person):
    return make_person(
        first_name="Priya", last_name="Lefèvre", email="priya@example.org", region=world.a.region
    )


def found(client, query, url=PEOPLE_URL):
    response = client.get(reverse(url), {"q": query})
    assert response.status_code == 200
    return list(response.context["object_list"])


@pytest.mark.parametrize(
    "query",
    [
        "Dakota Oakhurst",
        "Oakhurst Dakota",
        "Oakhurst, Dakota",
        "  dakota   OAKHURST ",
        "Dak Oakh",
        "oakhurst",
        "d.oakhurst@example.org",
        "D.Oakhurst@Example.org",
        "harbor youth",
    ],
)
def test_names_in_any_order_partial_words_and_emails(world, login, dakota, query):
    assert found(login(world.users["staff_a"]), query) == [dakota]


@pytest.mark.parametrize(
    "query",
    ["555-0134", "(409) 555-0134", "409-555-0134", "409.555.0134", "+1 409 555 0134", "4095550134"],
)
def test_phone_numbers_in_common_formats(world, login, dakota, query):
    assert found(login(world.users["staff_a"]), query) == [dakota]


@pytest.mark.parametrize("query", ["Lefevre", "lefèvre", "LEFEVRE", "Priya Lefevre", "lefe"])
def test_accents_are_ignored(world, login, priya, query):
    assert found(login(world.users["staff_a"]), query) == [priya]


def test_no_match_and_other_regions_stay_out(world, login, dakota):
    client = login(world.users["staff_b"])
    assert found(client, "Dakota Oakhurst") == []
    assert found(client, "555-0134") == []
    assert found(login(world.users["staff_a"]), "Dakota Smith") == []


def test_the_participations_listing_searches_by_person(world, login, dakota):
    rows = found(login(world.users["staff_a"]), "oakhurst dakota", PARTICIPATIONS_URL)
    assert [row.person for row in rows] == [dakota]
    rows = found(login(world.users["staff_a"]), "(409) 555-0134", PARTICIPATIONS_URL)
    assert [row.person for row in rows] == [dakota]


def test_the_person_chooser_searches_the_same_way(world, login, dakota, priya):
    client = login(world.users["staff_a"])
    url = reverse("wagtailsnippetchoosers_wagtail_spcp_person:choose_results")
    response = client.get(url, {"q": "Lefevre"})
    assert list(response.context["results"]) == [priya]
    response = client.get(url, {"q": "555-0134"})
    assert list(response.context["results"]) == [dakota]


def test_edits_and_alternates_are_searchable(world, dakota):
    dakota.last_name = "Oakhurst-Reyes"
    dakota.alternate_emails = ["dakota.home@example.net"]
    dakota.alternate_phones = ["+12065550188"]
    dakota.save()
    people = Person.objects.all()
    assert list(search_people(people, "reyes")) == [dakota]
    assert list(search_people(people, "dakota.home")) == [dakota]
    assert list(search_people(people, "206 555 0188")) == [dakota]


def test_saving_only_some_fields_keeps_the_keys_current(world, dakota):
    dakota.first_name = "Dee"
    dakota.save(update_fields=["first_name"])
    assert list(search_people(Person.objects.all(), "Dee Oakhurst")) == [dakota]


def test_a_phone_like_query_needs_a_few_digits():
    assert phone_query_digits("(409) 555-0134") == "4095550134"
    assert phone_query_digits("12") == ""
    assert phone_query_digits("Dakota 555") == ""


def test_people_stay_out_of_the_search_index():
    assert not class_is_indexed(Person)
    assert not class_is_indexed(Participation)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's")
def test_postgresql_has_trigram_indexes_for_the_search_keys(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'wagtail_spcp_person'"
        )
        indexes = dict(cursor.fetchall())
    assert "gin_trgm_ops" in indexes["spcp_person_search_text_trgm"]
    assert "gin_trgm_ops" in indexes["spcp_person_search_phone_trgm"]


def test_a_query_matching_many_people_is_applied_as_a_condition(
    world, login, dakota, make_person, monkeypatch
):
    monkeypatch.setattr("wagtail_spcp.admin.people_search.MATERIALIZE", 1)
    twin = make_person(first_name="Dakota", last_name="Oakhurst", region=world.a.region)
    assert set(found(login(world.users["staff_a"]), "oakhurst")) == {dakota, twin}
