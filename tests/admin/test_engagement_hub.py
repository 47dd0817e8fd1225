"""The engagement as a hub: links from its listing row, edit and inspect views, and what
its inspect view shows (participants, breakout groups, action items, council)."""

from django.urls import reverse

import pytest

from wagtail_spcp.choices import ParticipationStatus, Sector
from wagtail_spcp.models import Participation


def hub_urls(engagement):
    pk = engagement.pk
    return {
        "participants": (
            f"{reverse('wagtailsnippets_wagtail_spcp_participation:list')}?engagement={pk}"
        ),
        "checkin": reverse("wagtail_spcp_checkin:checkin", args=[pk]),
        "import": reverse("wagtail_spcp_importing:start", args=[pk]),
        "export": reverse("wagtail_spcp_importing:export", args=[pk, "xlsx"]),
        "sign_in_sheet": reverse("wagtail_spcp_importing:sign_in_sheet", args=[pk]),
        "groups": reverse("wagtailsnippets_wagtail_spcp_engagement:edit", args=[pk])
        + "#tab-program-day",
        "composer": reverse("wagtail_spcp_groups:groups", args=[pk]),
        "report": reverse("wagtail_spcp_report:report", args=[pk]),
    }


@pytest.mark.parametrize("view", ["edit", "inspect"])
def test_edit_and_inspect_views_link_to_the_program_day_work(world, login, view):
    engagement = world.a.engagement
    response = login(world.users["staff_a"]).get(
        reverse(f"wagtailsnippets_wagtail_spcp_engagement:{view}", args=[engagement.pk])
    )
    assert response.status_code == 200
    content = response.content.decode()
    for url in hub_urls(engagement).values():
        assert f'href="{url}"'.replace("&", "&amp;") in content, url
    council_url = reverse("wagtailsnippets_wagtail_spcp_council:edit", args=[world.a.council.pk])
    assert council_url in content
    # The survey comes later: no dead link to it.
    assert "survey" not in content.lower()


def test_listing_rows_link_to_the_program_day_work(world, login):
    response = login(world.users["staff_a"]).get(
        reverse("wagtailsnippets_wagtail_spcp_engagement:list")
    )
    content = response.content.decode()
    for url in hub_urls(world.a.engagement).values():
        assert url.replace("&", "&amp;") in content, url


def test_listing_reads_councils_once_for_all_rows(
    world, login, make_engagement, django_assert_max_num_queries
):
    client = login(world.users["national"])
    url = reverse("wagtailsnippets_wagtail_spcp_engagement:list")
    client.get(url)  # warm caches (content types, permissions)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for n in range(10):
        make_engagement(slug=f"extra-{n}", office="houston")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_links_follow_the_users_permissions(world, login, django_user_model):
    """Staff without the import and export permissions see neither link."""
    user = world.users["staff_a"]
    user.groups.first().permissions.remove(
        *user.groups.first().permissions.filter(
            codename__in=["import_participation", "export_participation"]
        )
    )
    user = django_user_model.objects.get(pk=user.pk)
    engagement = world.a.engagement
    response = login(user).get(
        reverse("wagtailsnippets_wagtail_spcp_engagement:inspect", args=[engagement.pk])
    )
    content = response.content.decode()
    urls = hub_urls(engagement)
    assert urls["checkin"] in content
    assert urls["import"] not in content
    assert urls["export"] not in content
    assert urls["sign_in_sheet"] not in content


def test_inspect_shows_participants_groups_action_items_and_council(world, login, make_person):
    engagement = world.a.engagement
    for n, status in enumerate(
        [
            ParticipationStatus.REGISTERED,
            ParticipationStatus.REGISTERED,
            ParticipationStatus.NO_SHOW,
        ]
    ):
        person = make_person(engagement=engagement, sector=Sector.YOUTH, last_name=f"Hub{n}")
        Participation.objects.create(person=person, engagement=engagement, status=status)
    Participation.objects.filter(pk=world.a.participation.pk).update(walk_in=True)
    response = login(world.users["staff_a"]).get(
        reverse("wagtailsnippets_wagtail_spcp_engagement:inspect", args=[engagement.pk])
    )
    summary = response.context["participants"]
    assert summary.total == 4
    assert summary.walk_ins == 1
    assert [(value, count) for value, _label, count, _url in summary.by_status] == [
        ("registered", 2),
        ("attended", 1),
        ("no_show", 1),
    ]
    assert ("Youth", 3) in [(str(label), count) for label, count in summary.by_sector]
    content = response.content.decode()
    assert "Youth a" in content  # breakout group
    assert "Action A" in content  # action item
    assert "Council A" in content
    listing = reverse("wagtailsnippets_wagtail_spcp_participation:list")
    assert f"{listing}?engagement={engagement.pk}&amp;status=no_show" in content


def test_filtered_participant_listing_shows_the_engagements_people(world, login):
    url = hub_urls(world.a.engagement)["participants"]
    response = login(world.users["staff_a"]).get(url)
    assert [p.pk for p in response.context["object_list"]] == [world.a.participation.pk]


@pytest.mark.parametrize("view", ["edit", "inspect"])
def test_another_regions_staff_never_see_the_hub(world, login, view):
    response = login(world.users["staff_b"]).get(
        reverse(f"wagtailsnippets_wagtail_spcp_engagement:{view}", args=[world.a.engagement.pk])
    )
    assert response.status_code == 404
    listing = login(world.users["staff_b"]).get(
        reverse("wagtailsnippets_wagtail_spcp_engagement:list")
    )
    content = listing.content.decode()
    for url in hub_urls(world.a.engagement).values():
        assert url.replace("&", "&amp;") not in content
