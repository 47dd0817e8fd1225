"""Merging with confidence: a chooser that tells people apart, a field-by-field review,
alternates kept, and undo from the audit entry."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from wagtail_spcp.admin.people_search import search_people
from wagtail_spcp.choices import ParticipationStatus
from wagtail_spcp.merging import (
    PERSON_MERGE,
    MergeRefused,
    merge_people,
    merge_undo_refusal,
    merged_into,
    undo_merge,
)
from wagtail_spcp.models import CouncilMembership, Participation, Person
from wagtail_spcp.models import RegionScopedLogEntry as LogEntry

MERGE_URL = "wagtailsnippets_wagtail_spcp_person:merge"
UNDO_URL = "wagtailsnippets_wagtail_spcp_person:merge_undo"
CHOOSER_URL = "wagtailsnippetchoosers_wagtail_spcp_person:choose_results"


@pytest.fixture
def pair(world, make_person, make_engagement):
    """Two records of Priya Lefèvre in region B, each with its own contact details."""
    kept = make_person(
        first_name="Priya",
        last_name="Lefèvre",
        email="priya@work.example.org",
        phone="+12065550101",
        organisation="Harbor Clinic",
        region=world.b.region,
    )
    Participation.objects.create(person=kept, engagement=world.b.engagement)
    other = make_person(
        first_name="Priya",
        last_name="Lefevre",
        email="priya@home.example.net",
        phone="+12065550199",
        organisation="Eastside Youth",
        zip_code="98101",
        region=world.b.region,
        consent_to_contact=True,
    )
    second = make_engagement(slug="engagement-b-second", office="northwest")
    Participation.objects.create(person=other, engagement=second)
    Participation.objects.create(
        person=other,
        engagement=world.b.engagement,
        status=ParticipationStatus.ATTENDED,
        breakout_group=world.b.group,
    )
    CouncilMembership.objects.create(council=world.b.council, person=other, seat="Youth")
    return kept, other, second


def test_field_by_field_merge_keeps_alternates_and_logs_what_was_set_aside(world, pair):
    kept, other, second = pair
    merge_people(
        kept,
        other,
        user=world.users["staff_b"],
        keep={"email": "duplicate", "phone": "survivor", "organisation": "duplicate"},
    )
    kept.refresh_from_db()
    assert kept.email == "priya@home.example.net"
    assert kept.alternate_emails == ["priya@work.example.org"]
    assert kept.phone == "+12065550101"
    assert kept.alternate_phones == ["+12065550199"]
    assert kept.organisation == "Eastside Youth"
    assert kept.zip_code == "98101"  # blank on the kept record: taken by default
    assert kept.consent_to_contact
    assert set(kept.participations.values_list("engagement", flat=True)) == {
        world.b.engagement.pk,
        second.pk,
    }
    entry = LogEntry.objects.for_instance(kept).get(action=PERSON_MERGE)
    assert entry.data["set_aside"] == {
        "last_name": "Lefevre",
        "email": "priya@work.example.org",
        "phone": "+12065550199",
        "organisation": "Harbor Clinic",
    }
    assert "Harbor Clinic" in entry.message
    # an alternate is found by search like the main values
    people = Person.objects.all()
    assert list(search_people(people, "priya@work")) == [kept]
    assert list(search_people(people, "(206) 555-0199")) == [kept]


def test_the_review_shows_both_records_side_by_side(world, login, pair):
    kept, other, second = pair
    client = login(world.users["staff_b"])
    response = client.post(reverse(MERGE_URL), {"survivor": kept.pk, "duplicate": other.pk})
    assert response.status_code == 200
    rows = {row["name"]: row for row in response.context["rows"]}
    assert rows["email"]["differs"] and rows["email"]["keep"] == "survivor"
    assert rows["zip_code"]["keep"] == "duplicate"
    assert not rows["first_name"]["differs"]
    assert set(response.context["duplicate"]["engagements"]) == {
        world.b.engagement.title,
        second.title,
    }
    html = response.content.decode()
    assert f"Record #{other.pk}" in html and "priya@home.example.net" in html
    assert 'name="keep_email"' in html
    assert Person.objects.filter(pk=other.pk).exists()

    response = client.post(
        reverse(MERGE_URL),
        {
            "survivor": kept.pk,
            "duplicate": other.pk,
            "keep_email": "duplicate",
            "keep_organisation": "survivor",
            "confirm": "1",
        },
    )
    assert response.status_code == 302
    kept.refresh_from_db()
    assert (kept.email, kept.organisation) == ("priya@home.example.net", "Harbor Clinic")
    assert kept.alternate_emails == ["priya@work.example.org"]


def test_the_chooser_tells_people_of_the_same_name_apart(world, login, pair):
    kept, other, _second = pair
    client = login(world.users["staff_b"])
    response = client.get(reverse(CHOOSER_URL), {"q": "priya lefevre"})
    assert {p.pk for p in response.context["results"]} == {kept.pk, other.pk}
    html = response.content.decode()
    for text in ("priya@home.example.net", "+12065550199", "Eastside Youth", "Northwest"):
        assert text in html
    assert world.b.engagement.title in html


def test_the_chooser_runs_a_fixed_number_of_queries(
    world, login, make_person, django_assert_num_queries
):
    client = login(world.users["staff_b"])
    url = reverse(CHOOSER_URL)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, {"q": "Crowd"}).status_code == 200
        return len(queries)

    for n in range(3):
        person = make_person(first_name=f"Crowd{n}", region=world.b.region)
        Participation.objects.create(person=person, engagement=world.b.engagement)
    count_queries()  # the first request also reads what a worker caches once (the list of sites)
    few = count_queries()
    for n in range(3, 15):
        person = make_person(first_name=f"Crowd{n}", region=world.b.region)
        Participation.objects.create(person=person, engagement=world.b.engagement)
    assert count_queries() == few


def test_undo_restores_both_records_and_their_links(world, pair):
    kept, other, second = pair
    other_pk, other_created = other.pk, other.created_at
    kept_part = kept.participations.get(engagement=world.b.engagement)
    merge_people(kept, other, keep={"email": "duplicate"}, user=world.users["staff_b"])
    entry = LogEntry.objects.for_instance(kept).get(action=PERSON_MERGE)
    assert merge_undo_refusal(entry) is None

    restored = undo_merge(entry, user=world.users["staff_b"])

    assert restored.pk == other_pk
    restored.refresh_from_db()
    assert restored.email == "priya@home.example.net"
    assert restored.created_at == other_created
    assert restored.consent_to_contact
    kept.refresh_from_db()
    assert (kept.email, kept.alternate_emails, kept.zip_code) == ("priya@work.example.org", [], "")
    assert set(restored.participations.values_list("engagement", flat=True)) == {
        world.b.engagement.pk,
        second.pk,
    }
    recreated = restored.participations.get(engagement=world.b.engagement)
    assert recreated.status == ParticipationStatus.ATTENDED
    kept_part.refresh_from_db()
    assert kept_part.status == ParticipationStatus.REGISTERED
    assert kept_part.breakout_group is None
    assert restored.council_memberships.count() == 1
    entry.refresh_from_db()
    assert entry.data["undone"]
    assert merge_undo_refusal(entry) == "This merge was already undone."
    assert list(search_people(Person.objects.all(), "priya@home")) == [restored]


def test_undo_is_refused_once_the_kept_record_changed(world, pair):
    kept, other, _second = pair
    merge_people(kept, other)
    kept.refresh_from_db()
    kept.organisation = "Edited since"
    kept.save()
    entry = LogEntry.objects.for_instance(kept).get(action=PERSON_MERGE)
    assert merge_undo_refusal(entry) == "The person kept has changed since the merge."
    with pytest.raises(MergeRefused):
        undo_merge(entry)


def test_undo_from_the_persons_history(world, login, pair):
    kept, other, _second = pair
    client = login(world.users["staff_b"])
    client.post(reverse(MERGE_URL), {"survivor": kept.pk, "duplicate": other.pk, "confirm": "1"})
    entry = LogEntry.objects.for_instance(kept).get(action=PERSON_MERGE)
    history = client.get(reverse("wagtailsnippets_wagtail_spcp_person:history", args=[kept.pk]))
    undo_url = reverse(UNDO_URL, args=[entry.pk])
    assert undo_url in history.content.decode()
    assert client.get(undo_url).status_code == 200
    response = client.post(undo_url)
    assert response.status_code == 302
    assert Person.objects.filter(pk=other.pk).exists()


def test_another_regions_staff_cannot_see_or_undo_a_merge(world, login, pair):
    kept, other, _second = pair
    merge_people(kept, other)
    entry = LogEntry.objects.for_instance(kept).get(action=PERSON_MERGE)
    client = login(world.users["staff_a"])
    assert client.get(reverse(UNDO_URL, args=[entry.pk])).status_code == 404
    assert client.post(reverse(UNDO_URL, args=[entry.pk])).status_code == 404
    assert not Person.objects.filter(pk=other.pk).exists()


def test_a_merge_across_regions_is_refused_even_to_national_staff(world, login):
    """A merge never moves another region's participations: both people must share one."""
    response = login(world.users["national"]).post(
        reverse(MERGE_URL),
        {"survivor": world.b.person.pk, "duplicate": world.a.person.pk, "confirm": "1"},
    )
    assert response.status_code == 200
    assert "Choose two people of the same region." in response.context["form"].non_field_errors()
    assert world.a.person.participations.get().engagement == world.a.engagement
    with pytest.raises(MergeRefused):
        merge_people(world.b.person, world.a.person)
    assert Person.objects.filter(pk=world.a.person.pk).exists()


def test_merged_into_follows_a_chain_of_merges_and_skips_undone_ones(world, make_person):
    first, second, third = (
        make_person(first_name=f"Chain{n}", region=world.b.region) for n in range(3)
    )
    merge_people(second, first)
    merge_people(third, second)
    assert merged_into([first.pk, second.pk, third.pk]) == {
        first.pk: third.pk,
        second.pk: third.pk,
    }
    undo_merge(LogEntry.objects.for_instance(third).get(action=PERSON_MERGE))
    assert merged_into([first.pk]) == {first.pk: second.pk}


def test_the_persons_page_shows_alternates_but_never_the_search_keys(world, login, pair):
    kept, other, _second = pair
    merge_people(kept, other, keep={"email": "duplicate"})
    url = reverse("wagtailsnippets_wagtail_spcp_person:inspect", args=[kept.pk])
    html = login(world.users["staff_b"]).get(url).content.decode()
    assert "priya@work.example.org" in html
    assert "Other email addresses" in html
    kept.refresh_from_db()
    assert kept.search_text not in html
