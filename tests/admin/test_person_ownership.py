"""Each person belongs to one region: the person form, links to engagements, listing and history."""

from django.urls import reverse

from tests.utils import engagement_form_data
from wagtail_spcp.models import Engagement, Participation, Person
from wagtail_spcp.models import RegionScopedLogEntry as LogEntry

ADD_URL = "wagtailsnippets_wagtail_spcp_person:add"
EMAIL_TAKEN = "Another person of this region already has this email address."


def person_data(region, **changes):
    data = {
        "region": region.pk,
        "first_name": "Ann",
        "last_name": "Lee",
        "email": "ann.lee@example.org",
        "phone": "",
        "organisation": "",
        "sector": "",
        "zip_code": "",
        "preferred_language": "",
    }
    return {**data, **changes}


def test_a_new_person_is_asked_for_one_of_the_users_regions(world, login):
    form = login(world.users["staff_a"]).get(reverse(ADD_URL)).context["form"]
    assert list(form.fields["region"].queryset) == [world.a.region]
    assert form.fields["region"].required
    assert form["region"].value() == world.a.region.pk
    form = login(world.users["national"]).get(reverse(ADD_URL)).context["form"]
    assert {world.a.region, world.b.region} <= set(form.fields["region"].queryset)
    assert not form.fields["region"].required  # people of headquarters have no region


def test_a_person_cannot_be_created_in_another_region(world, login):
    response = login(world.users["staff_a"]).post(reverse(ADD_URL), person_data(world.b.region))
    assert response.status_code == 200
    assert "region" in response.context["form"].errors
    assert not Person.objects.filter(email="ann.lee@example.org").exists()


def test_the_email_check_looks_only_within_the_region(world, login):
    client = login(world.users["staff_b"])
    taken_in_a = world.a.person.email
    response = client.post(reverse(ADD_URL), person_data(world.b.region, email=taken_in_a))
    assert response.status_code == 302  # region A's person is neither found nor revealed
    own = Person.objects.get(region=world.b.region, email=taken_in_a)
    assert own.pk != world.a.person.pk
    response = client.post(
        reverse(ADD_URL), person_data(world.b.region, email=world.b.person.email.upper())
    )
    assert response.status_code == 200
    assert EMAIL_TAKEN in response.content.decode()


def test_a_linked_persons_region_stays(world, login):
    person = world.a.person
    url = reverse("wagtailsnippets_wagtail_spcp_person:edit", args=[person.pk])
    client = login(world.users["national"])
    assert client.get(url).context["form"].fields["region"].disabled
    data = person_data(world.b.region, first_name="Moved", email=person.email)
    assert client.post(url, data).status_code == 302
    person.refresh_from_db()
    assert (person.first_name, person.region) == ("Moved", world.a.region)


def test_an_engagement_with_people_is_not_moved_to_another_region(world, login):
    engagement = world.a.engagement
    response = login(world.users["national"]).post(
        reverse("wagtailsnippets_wagtail_spcp_engagement:edit", args=[engagement.pk]),
        engagement_form_data(engagement, office=world.b.engagement.office_id),
    )
    assert response.status_code == 200
    assert "office" in response.context["form"].errors
    assert Engagement.objects.get(pk=engagement.pk).office.slug == "houston"


def test_a_participation_takes_a_person_of_the_engagements_region(world, login):
    response = login(world.users["national"]).post(
        reverse("wagtailsnippets_wagtail_spcp_participation:add"),
        {
            "person": world.a.person.pk,
            "engagement": world.b.engagement.pk,
            "role": "participant",
            "status": "registered",
        },
    )
    assert response.status_code == 200
    assert "person" in response.context["form"].errors
    assert not Participation.objects.filter(
        person=world.a.person, engagement=world.b.engagement
    ).exists()


def test_a_council_seat_offers_only_people_of_the_councils_region(world, login):
    url = reverse("wagtailsnippets_wagtail_spcp_council:edit", args=[world.a.council.pk])
    form = login(world.users["national"]).get(url).context["form"]
    (seat,) = form.formsets["memberships"].forms[:1]
    assert set(seat.fields["person"].queryset) == {world.a.person}


def test_people_listing_counts_only_the_persons_own_region(world, login, make_person):
    # The same human signs up with region B: B gets its own record, A's count is unchanged.
    twin = make_person(engagement=world.b.engagement, email=world.a.person.email)
    Participation.objects.create(person=twin, engagement=world.b.engagement)
    response = login(world.users["national"]).get(
        reverse("wagtailsnippets_wagtail_spcp_person:list")
    )
    counts = {p.pk: p.participation_count for p in response.context["object_list"]}
    assert counts[world.a.person.pk] == 1
    assert counts[twin.pk] == 1


def test_a_persons_history_holds_only_its_regions_edits(world, login, make_person):
    twin = make_person(engagement=world.b.engagement, email=world.a.person.email)
    for role, person in (("staff_a", world.a.person), ("staff_b", twin)):
        url = reverse("wagtailsnippets_wagtail_spcp_person:edit", args=[person.pk])
        data = person_data(person.region, email=person.email, organisation=f"Set by {role}")
        assert login(world.users[role]).post(url, data).status_code == 302
    url = reverse("wagtailsnippets_wagtail_spcp_person:history", args=[world.a.person.pk])
    response = login(world.users["staff_a"]).get(url)
    users = {entry.user.username for entry in response.context["object_list"]}
    assert users == {"staff_a"}
    entries = LogEntry.objects.for_instance(world.a.person)
    assert set(entries.values_list("region", flat=True)) == {world.a.region.pk}


def test_a_person_linked_to_no_engagement_belongs_to_their_region_only(world, login, make_person):
    loner = make_person(first_name="Unlinked", region=world.a.region)
    assert not loner.has_links()
    list_url = reverse("wagtailsnippets_wagtail_spcp_person:list")
    edit_url = reverse("wagtailsnippets_wagtail_spcp_person:edit", args=[loner.pk])
    for role, sees in (("staff_a", True), ("staff_b", False), ("national", True)):
        client = login(world.users[role])
        listed = {p.pk for p in client.get(list_url, {"q": "Unlinked"}).context["object_list"]}
        assert (loner.pk in listed) is sees
        assert client.get(edit_url).status_code == (200 if sees else 404)


def test_a_person_of_no_region_is_seen_only_by_staff_who_see_every_region(
    world, login, make_person
):
    nobody = make_person(first_name="Headquarters", region=None)
    list_url = reverse("wagtailsnippets_wagtail_spcp_person:list")
    edit_url = reverse("wagtailsnippets_wagtail_spcp_person:edit", args=[nobody.pk])
    for role, sees in (("staff_a", False), ("staff_b", False), ("national", True)):
        client = login(world.users[role])
        listed = {p.pk for p in client.get(list_url, {"q": "Headquarters"}).context["object_list"]}
        assert (nobody.pk in listed) is sees
        assert client.get(edit_url).status_code == (200 if sees else 404)
