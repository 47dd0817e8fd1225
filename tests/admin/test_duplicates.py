"""The duplicate scan: each reason, region scoping, and "not a duplicate" remembered."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from wagtail_spcp.duplicates import (
    SAME_EMAIL,
    SAME_NAME_ZIP,
    SAME_PHONE,
    SIMILAR_NAME_ORGANIZATION,
    email_key,
    find_duplicates,
    scan_key,
)
from wagtail_spcp.models import NotDuplicate, Person
from wagtail_spcp.models import RegionScopedLogEntry as LogEntry

SCAN_URL = "wagtailsnippets_wagtail_spcp_person:duplicates"


def pairs_in(region):
    return {
        (pair.first_id, pair.second_id): pair.reasons
        for pair in find_duplicates(Person.objects.in_region(region))
    }


def key(a, b):
    return tuple(sorted([a.pk, b.pk]))


@pytest.fixture
def in_b(world, make_person):
    def make(**fields):
        return make_person(region=world.b.region, **fields)

    return make


def test_email_key_ignores_case_tags_and_gmail_dots():
    assert email_key("Ann.Lee+events@GoogleMail.com") == "annlee@gmail.com"
    assert email_key("ann.lee+x@example.org") == "ann.lee@example.org"
    assert email_key("not an email") == ""


def test_same_email_after_normalization_main_or_alternate(world, in_b):
    first = in_b(first_name="Ann", last_name="Lee", email="ann.lee+events@gmail.com")
    second = in_b(first_name="A.", last_name="Lee-Ortiz", email="annlee@gmail.com")
    third = in_b(first_name="Annie", last_name="Ortiz", email="")
    third.alternate_emails = ["Ann.Lee@gmail.com"]
    third.save()
    pairs = pairs_in(world.b.region)
    assert pairs[key(first, second)] == [SAME_EMAIL]
    assert pairs[key(first, third)] == [SAME_EMAIL]


def test_same_phone(world, in_b):
    first = in_b(first_name="Sam", last_name="Reyes", phone="+12065550142")
    second = in_b(first_name="Samuel", last_name="Reyes-Cruz", phone="+12065550142;ext=12")
    assert pairs_in(world.b.region)[key(first, second)] == [SAME_PHONE]


def test_same_name_and_zip_accents_ignored(world, in_b):
    first = in_b(first_name="José", last_name="Núñez", zip_code="98101")
    second = in_b(first_name="jose", last_name="NUNEZ", zip_code="98101")
    elsewhere = in_b(first_name="José", last_name="Núñez", zip_code="98052")
    pairs = pairs_in(world.b.region)
    assert pairs[key(first, second)] == [SAME_NAME_ZIP]
    assert key(first, elsewhere) not in pairs


def test_similar_names_at_the_same_organization(world, in_b):
    first = in_b(first_name="Priya", last_name="Lefèvre", organisation="Harbor Clinic")
    second = in_b(first_name="Lefevre", last_name="Priya", organisation="harbor clinic")
    third = in_b(first_name="Priya", last_name="Lefevr", organisation="Harbor Clinic")
    other_org = in_b(first_name="Priya", last_name="Lefevre", organisation="Eastside Youth")
    unlike = in_b(first_name="Marcus", last_name="Bell", organisation="Harbor Clinic")
    pairs = pairs_in(world.b.region)
    assert pairs[key(first, second)] == [SIMILAR_NAME_ORGANIZATION]
    assert pairs[key(first, third)] == [SIMILAR_NAME_ORGANIZATION]
    assert key(first, other_org) not in pairs
    assert key(first, unlike) not in pairs


def test_several_reasons_rank_first(world, in_b):
    weak = [in_b(first_name="Kim", last_name="Ota", phone="+12065550177") for _ in range(2)]
    strong = [
        in_b(first_name="Lee", last_name="Park", phone="+12065550178", zip_code="98101")
        for _ in range(2)
    ]
    found = find_duplicates(Person.objects.in_region(world.b.region))
    assert (found[0].first_id, found[0].second_id) == key(*strong)
    assert found[0].reasons == [SAME_PHONE, SAME_NAME_ZIP]
    assert key(*weak) in {(pair.first_id, pair.second_id) for pair in found}


def test_the_scan_stays_within_a_region(world, make_person):
    mine = make_person(region=world.b.region, email="same@example.org")
    theirs = make_person(region=world.a.region, email="same@example.org")
    assert key(mine, theirs) not in pairs_in(world.b.region)
    assert key(mine, theirs) not in pairs_in(world.a.region)


def test_not_a_duplicate_is_remembered(world, login, in_b):
    first = in_b(first_name="Jordan", last_name="Hale", phone="+12065550160")
    second = in_b(first_name="Jordan", last_name="Hale", phone="+12065550160")
    client = login(world.users["staff_b"])
    response = client.get(reverse(SCAN_URL))
    assert key(first, second) in {
        (p.first_id, p.second_id) for p in response.context["page"].object_list
    }
    response = client.post(
        reverse(SCAN_URL),
        {"region": world.b.region.pk, "first": second.pk, "second": first.pk},
    )
    assert response.status_code == 302
    assert NotDuplicate.objects.filter(first=min(first.pk, second.pk)).exists()
    assert key(first, second) not in pairs_in(world.b.region)
    entry = LogEntry.objects.get(action="wagtail_spcp.person.not_duplicate")
    assert entry.user == world.users["staff_b"]
    assert entry.region == world.b.region
    # marking twice keeps one record
    client.post(reverse(SCAN_URL), {"first": first.pk, "second": second.pk})
    assert NotDuplicate.objects.count() == 1


def test_the_scan_links_straight_to_the_side_by_side_review(world, login, in_b):
    first = in_b(first_name="Rae", last_name="Stone", phone="+12065550161")
    second = in_b(first_name="Rae", last_name="Stone", phone="+12065550161")
    client = login(world.users["staff_b"])
    (pair,) = [
        p
        for p in client.get(reverse(SCAN_URL)).context["page"].object_list
        if (p.first_id, p.second_id) == key(first, second)
    ]
    response = client.get(pair.merge_url)
    assert response.status_code == 200
    assert response.context["survivor"]["person"] == first
    assert response.context["duplicate"]["person"] == second


def test_staff_of_another_region_can_neither_scan_nor_mark_its_people(world, login, in_b):
    first = in_b(first_name="Noor", last_name="Aziz", phone="+12065550162")
    second = in_b(first_name="Noor", last_name="Aziz", phone="+12065550162")
    client = login(world.users["staff_a"])
    response = client.get(reverse(SCAN_URL), {"region": world.b.region.pk})
    assert response.context["region"] == world.a.region
    assert first.full_name not in response.content.decode()
    response = client.post(reverse(SCAN_URL), {"first": first.pk, "second": second.pk})
    assert response.status_code == 404
    assert not NotDuplicate.objects.exists()


def test_national_staff_choose_the_region_to_scan(world, login, in_b):
    first = in_b(first_name="Ida", last_name="Moss", phone="+12065550163")
    in_b(first_name="Ida", last_name="Moss", phone="+12065550163")
    client = login(world.users["national"])
    response = client.get(reverse(SCAN_URL), {"region": world.b.region.pk})
    assert response.context["region"] == world.b.region
    assert first.full_name in response.content.decode()
    assert len(response.context["regions"]) > 2


def test_the_scan_page_runs_a_fixed_number_of_queries(world, login, in_b):
    client = login(world.users["staff_b"])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(SCAN_URL)).status_code == 200
        return len(queries)

    def add_pair(n):
        in_b(first_name="Pat", last_name=f"Few{n}", phone=f"+1206555020{n}", email="")
        in_b(first_name="Pat", last_name=f"Few{n}", phone=f"+1206555020{n}", email="")

    add_pair(0)
    count()  # the first request also reads what a worker caches once (the list of sites)
    add_pair(1)
    few = count()
    for n in range(2, 9):
        add_pair(n)
    assert count() == few  # the people changed: the region is compared again
    assert count() < few  # unchanged: the pairs come from the cache


def scan_queries(region) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        find_duplicates(Person.objects.in_region(region))
    return [query["sql"] for query in queries.captured_queries]


def test_the_pairs_found_are_kept_until_one_of_the_people_changes(world, in_b):
    first = in_b(first_name="Ann", last_name="Lee", email="ann.lee@gmail.com")
    second = in_b(first_name="Ann", last_name="Lee-Ortiz", email="annlee@gmail.com")
    third = in_b(first_name="Bo", last_name="Ray", email="bo@example.org")
    region = world.b.region
    assert set(pairs_in(region)) == {key(first, second)}
    # unchanged: no query reads the people's names
    assert not [sql for sql in scan_queries(region) if "first_name" in sql]

    third.email = "Ann.Lee+events@gmail.com"  # an edit
    third.save()
    assert set(pairs_in(region)) == {key(first, second), key(first, third), key(second, third)}
    second.delete()  # a removal
    assert set(pairs_in(region)) == {key(first, third)}
    fourth = in_b(first_name="Cy", last_name="Dunn", email="a.nnlee@gmail.com")  # an addition
    assert key(third, fourth) in pairs_in(region)
    NotDuplicate.mark(first, third)  # marked at once, whatever is cached
    assert key(first, third) not in pairs_in(region)


def test_the_cache_holds_ids_and_reasons_never_a_persons_values(world, in_b):
    first = in_b(first_name="Ann", last_name="Lee", email="ann.secret@gmail.com")
    in_b(first_name="Ann", last_name="Lee", email="annsecret@gmail.com", zip_code="98101")
    people = Person.objects.in_region(world.b.region)
    find_duplicates(people)
    stored = cache.get(scan_key(people))
    assert stored == [(first.pk, first.pk + 1, [SAME_EMAIL])]
    assert "secret" not in repr(stored)
