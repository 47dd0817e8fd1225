"""Check-in at the door: permissions, search, one-tap check-in and undo, walk-ins matched
with the importer's rules, the audit log, and a query budget that 500 registrations keep."""

from django.urls import reverse

import pytest

from tests.utils import ROLES
from wagtail_spcp.admin.walk_in import ACTION_CHECK_IN, ACTION_UNDO_CHECK_IN, ACTION_WALK_IN
from wagtail_spcp.choices import ParticipationStatus, Sector
from wagtail_spcp.models import Participation, Person
from wagtail_spcp.models import RegionScopedLogEntry as LogEntry

FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}

# Region A's engagement, seen by each role (as the other object views: 404 outside it).
EXPECTED_STATUS = {
    "anonymous": 302,
    "editor": 302,  # Wagtail sends a user it refuses back to the dashboard
    "staff_a": 200,
    "staff_b": 404,
    "national": 200,
    "superuser": 200,
}


def page_url(engagement):
    return reverse("wagtail_spcp_checkin:checkin", args=[engagement.pk])


def toggle_url(participation):
    return reverse(
        "wagtail_spcp_checkin:toggle", args=[participation.engagement_id, participation.pk]
    )


def walk_in_url(engagement):
    return reverse("wagtail_spcp_checkin:walk_in", args=[engagement.pk])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", ["checkin", "search"])
def test_checkin_pages_permission_matrix(world, login, role, view):
    client = login(world.users[role])
    response = client.get(reverse(f"wagtail_spcp_checkin:{view}", args=[world.a.engagement.pk]))
    assert response.status_code == EXPECTED_STATUS[role]
    if role == "anonymous":
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    if role == "editor":
        assert response["Location"] == reverse("wagtailadmin_home")
    if response.status_code == 200:
        assert "PersonA" in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_toggle_and_walk_in_permission_matrix(world, login, role):
    client = login(world.users[role])
    participation = world.a.participation
    response = client.post(toggle_url(participation), {"action": "undo"})
    expected = EXPECTED_STATUS[role] if role != "editor" else 403
    assert response.status_code == (302 if expected in (200, 403) else expected)
    participation.refresh_from_db()
    changed = participation.status != ParticipationStatus.ATTENDED
    assert changed == (expected == 200)
    response = client.post(
        walk_in_url(world.a.engagement), {"name": "Walk In", "email": "walk@example.org"}
    )
    assert response.status_code == (302 if expected in (200, 403) else expected)
    assert Person.objects.filter(email="walk@example.org").exists() == (expected == 200)


def test_staff_cannot_check_in_another_regions_participation_through_their_engagement(world, login):
    """A participation id of region A under region B's engagement is a 404."""
    client = login(world.users["staff_b"])
    url = reverse(
        "wagtail_spcp_checkin:toggle", args=[world.b.engagement.pk, world.a.participation.pk]
    )
    assert client.post(url, {"action": "undo"}).status_code == 404
    assert (
        client.get(
            reverse("wagtail_spcp_checkin:search", args=[world.b.engagement.pk]), {"q": "PersonA"}
        ).context["found"]
        == 0
    )


def test_get_cannot_check_in(world, login):
    response = login(world.users["staff_a"]).get(toggle_url(world.a.participation))
    assert response.status_code == 405


@pytest.fixture
def registered(world, make_person):
    engagement = world.a.engagement
    people = [
        make_person(
            engagement=engagement,
            first_name=first,
            last_name=last,
            email=email,
            organisation=organisation,
        )
        for first, last, email, organisation in [
            ("María", "García", "maria@example.org", "Riverton Youth League"),
            ("Samuel", "Okafor", "sam.okafor@example.org", "First Baptist"),
            ("Ana", "Garcia-Lopez", "ana@example.org", "Riverton Police Department"),
        ]
    ]
    return [Participation.objects.create(person=p, engagement=engagement) for p in people]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("okafor", ["Samuel Okafor"]),
        ("sam.okafor@", ["Samuel Okafor"]),
        ("police", ["Ana Garcia-Lopez"]),
        ("garc", ["María García", "Ana Garcia-Lopez"]),
        ("ana garcia", ["Ana Garcia-Lopez"]),
        ("nobody", []),
    ],
)
def test_search_by_name_email_or_organization(world, login, registered, query, expected):
    response = login(world.users["staff_a"]).get(
        reverse("wagtail_spcp_checkin:search", args=[world.a.engagement.pk]), {"q": query}
    )
    names = [p.person.full_name for p in response.context["participations"]]
    assert sorted(names) == sorted(expected)
    assert "<html" not in response.content.decode()  # a fragment


def test_plain_get_form_searches_without_javascript(world, login, registered):
    response = login(world.users["staff_a"]).get(page_url(world.a.engagement), {"q": "okafor"})
    content = response.content.decode()
    assert "Samuel Okafor" in content
    assert "Riverton Youth League" not in content


def test_tap_checks_in_and_undo_restores_the_status(world, login, registered):
    user = world.users["staff_a"]
    client = login(user)
    participation = registered[1]
    response = client.post(toggle_url(participation), {"action": "check_in"}, **FETCH)
    payload = response.json()
    participation.refresh_from_db()
    assert participation.status == ParticipationStatus.ATTENDED
    assert 'name="action" value="undo"' in payload["row"]
    assert 'name="restore" value="registered"' in payload["row"]
    assert "<dd>2</dd>" in payload["counts"]  # checked in: PersonA and Samuel
    entry = LogEntry.objects.for_instance(participation).get(action=ACTION_CHECK_IN)
    assert entry.user == user
    assert entry.data == {"from": "registered"}

    response = client.post(
        toggle_url(participation), {"action": "undo", "restore": "registered"}, **FETCH
    )
    participation.refresh_from_db()
    assert participation.status == ParticipationStatus.REGISTERED
    assert 'value="check_in"' in response.json()["row"]
    assert LogEntry.objects.for_instance(participation).filter(action=ACTION_UNDO_CHECK_IN).exists()


def test_tap_without_javascript_redirects_back_to_the_search(world, login, registered):
    response = login(world.users["staff_a"]).post(
        toggle_url(registered[0]), {"action": "check_in", "q": "garc"}
    )
    assert response.status_code == 302
    assert response["Location"] == page_url(world.a.engagement) + "?q=garc"


def test_walk_in_matches_an_existing_person_by_email(world, login, make_person):
    """Someone of the region not yet in this engagement: found by email, not added twice."""
    engagement = world.a.engagement
    known = make_person(
        engagement=engagement, first_name="Lena", last_name="Brooks", email="lena@example.org"
    )
    people_before = Person.objects.count()
    response = login(world.users["staff_a"]).post(
        walk_in_url(engagement),
        {
            "name": "Lena Brooks-Hale",  # the name differs; the email decides
            "email": " LENA@Example.org ",
            "organisation": "Eastside Tenants",
            "sector": Sector.CIVIL_RIGHTS,
            "consent_to_contact": "on",
        },
    )
    assert response.status_code == 302
    assert Person.objects.count() == people_before
    participation = Participation.objects.get(engagement=engagement, person=known)
    assert participation.status == ParticipationStatus.ATTENDED
    assert participation.walk_in
    known.refresh_from_db()
    assert known.organisation == "Eastside Tenants"  # blanks filled
    assert known.consent_to_contact
    assert known.last_name == "Brooks"  # not overwritten
    entry = LogEntry.objects.for_instance(participation).get(action=ACTION_WALK_IN)
    assert entry.data == {"from": None, "person_created": False}


def test_walk_in_matches_by_name_and_phone(world, login, make_person):
    engagement = world.a.engagement
    known = make_person(
        engagement=engagement, first_name="Omar", last_name="Haddad", email="", phone="+17135550101"
    )
    login(world.users["staff_a"]).post(
        walk_in_url(engagement), {"name": "omar haddad", "phone": "(713) 555-0101"}
    )
    assert Participation.objects.get(engagement=engagement, person=known).walk_in


def test_walk_in_who_was_registered_is_checked_in_not_duplicated(world, login, registered):
    engagement = world.a.engagement
    login(world.users["staff_a"]).post(
        walk_in_url(engagement), {"name": "Samuel Okafor", "email": "sam.okafor@example.org"}
    )
    registered[1].refresh_from_db()
    assert registered[1].status == ParticipationStatus.ATTENDED
    assert not registered[1].walk_in
    assert Participation.objects.filter(engagement=engagement).count() == 4


def test_walk_in_of_another_regions_person_is_a_new_person_here(world, login):
    """People are matched within the engagement's region only."""
    other = world.b.person
    other.email = "shared@example.org"
    other.save()
    login(world.users["staff_a"]).post(
        walk_in_url(world.a.engagement), {"name": "Shared Person", "email": "shared@example.org"}
    )
    created = Person.objects.get(region=world.a.region, email="shared@example.org")
    assert created.pk != other.pk
    assert Participation.objects.get(person=created).walk_in


def test_new_walk_in_is_created_in_the_engagements_region(world, login):
    engagement = world.a.engagement
    response = login(world.users["staff_a"]).post(
        walk_in_url(engagement),
        {"name": "Nadia Petrova", "phone": "713-555-0199", "sector": Sector.YOUTH},
    )
    assert response.status_code == 302
    person = Person.objects.get(last_name="Petrova")
    assert person.region == world.a.region
    assert person.phone == "+17135550199"
    assert not person.consent_to_contact
    participation = Participation.objects.get(person=person)
    assert participation.status == ParticipationStatus.ATTENDED and participation.walk_in


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"name": "Nadia Petrova"}, "Enter an email address or a phone number."),
        ({"name": "Nadia Petrova", "phone": "12"}, "Enter a valid phone number."),
        ({"name": "", "email": "n@example.org"}, "This field is required."),
    ],
)
def test_walk_in_form_errors_are_shown(world, login, data, error):
    response = login(world.users["staff_a"]).post(walk_in_url(world.a.engagement), data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Person.objects.filter(email="n@example.org").exists()


def test_walk_in_email_decides_over_name_and_phone(world, login, make_person):
    """The importer's rule: an email that finds someone wins over a name and phone."""
    engagement = world.a.engagement
    make_person(engagement=engagement, first_name="Kim", last_name="Lee", phone="+17135550123")
    owner = make_person(
        engagement=engagement, first_name="Other", last_name="One", email="o@example.org"
    )
    response = login(world.users["staff_a"]).post(
        walk_in_url(engagement),
        {"name": "Kim Lee", "phone": "713-555-0123", "email": "o@example.org"},
        follow=True,
    )
    assert Participation.objects.get(engagement=engagement, person=owner).walk_in
    # The message names the person found, so staff see whom the email belongs to.
    assert "Other One was found among your region" in response.content.decode()


def test_query_count_does_not_grow_with_registrations(
    world, login, make_person, django_assert_max_num_queries
):
    client = login(world.users["staff_a"])
    engagement = world.a.engagement
    url = page_url(engagement)
    search = reverse("wagtail_spcp_checkin:search", args=[engagement.pk])
    client.get(url)  # warm caches
    with django_assert_max_num_queries(30) as small_page:
        client.get(url)
    with django_assert_max_num_queries(30) as small_search:
        client.get(search, {"q": "Last"})
    page_budget = len(small_page.captured_queries)
    search_budget = len(small_search.captured_queries)

    people = Person.objects.bulk_create(
        Person(region=world.a.region, first_name=f"F{n}", last_name=f"Last{n:03d}")
        for n in range(500)
    )
    Participation.objects.bulk_create(
        Participation(person=person, engagement=engagement) for person in people
    )
    with django_assert_max_num_queries(page_budget):
        response = client.get(url)
    assert response.context["counts"]["expected"] == 501
    assert len(response.context["participations"]) == 25
    with django_assert_max_num_queries(search_budget):
        response = client.get(search, {"q": "Last"})
    assert response.context["found"] == 500
    participation = Participation.objects.filter(engagement=engagement).last()
    with django_assert_max_num_queries(20):
        client.post(toggle_url(participation), {"action": "check_in"}, **FETCH)


def test_walk_ins_are_filtered_exported_and_edited_in_the_participations_listing(world, login):
    client = login(world.users["staff_a"])
    engagement = world.a.engagement
    client.post(walk_in_url(engagement), {"name": "Nadia Petrova", "phone": "713-555-0199"})
    walk_in = Participation.objects.get(person__last_name="Petrova")
    listing = reverse("wagtailsnippets_wagtail_spcp_participation:list")

    found = client.get(listing, {"walk_in": "true"}).context["object_list"]
    assert [participation.pk for participation in found] == [walk_in.pk]
    assert walk_in.pk not in [
        p.pk for p in client.get(listing, {"walk_in": "false"}).context["object_list"]
    ]

    rows = client.get(listing, {"export": "csv", "walk_in": "true"})
    body = b"".join(rows.streaming_content).decode("utf-8-sig").splitlines()
    assert "Walk-in" in body[0].split(",")
    assert body[1].split(",")[body[0].split(",").index("Walk-in")] == "True"

    edit = reverse("wagtailsnippets_wagtail_spcp_participation:edit", args=[walk_in.pk])
    assert 'name="walk_in"' in client.get(edit).content.decode()
