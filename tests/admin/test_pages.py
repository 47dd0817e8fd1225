"""Admin pages render for staff, and listings keep a query budget as they grow."""

from django.urls import reverse

import pytest

from wagtail_spcp.models import ActionItem, Council, Participation

MODELS = ["engagement", "actionitem", "council", "person", "participation"]


@pytest.mark.parametrize("model", MODELS)
def test_add_form_renders(world, login, model):
    response = login(world.users["staff_a"]).get(
        reverse(f"wagtailsnippets_wagtail_spcp_{model}:add")
    )
    assert response.status_code == 200


def test_merge_form_renders_with_choosers(world, login):
    response = login(world.users["staff_a"]).get(
        reverse("wagtailsnippets_wagtail_spcp_person:merge")
    )
    assert response.status_code == 200
    assert 'name="survivor"' in response.content.decode()


def test_people_listing_offers_merge(world, login):
    response = login(world.users["staff_a"]).get(
        reverse("wagtailsnippets_wagtail_spcp_person:list")
    )
    assert reverse("wagtailsnippets_wagtail_spcp_person:merge") in response.content.decode()


def test_menu_groups_the_staff_admin(world, login):
    response = login(world.users["staff_a"]).get(reverse("wagtailadmin_home"))
    content = response.content.decode()
    assert "Partnerships" in content
    assert reverse("wagtailsnippets_wagtail_spcp_engagement:list") in content


@pytest.mark.parametrize("model", MODELS)
def test_listing_query_count_does_not_grow_with_rows(
    world, login, make_engagement, make_person, model, django_assert_max_num_queries
):
    for i in range(15):
        engagement = make_engagement(slug=f"more-{i}", office="northwest")
        Participation.objects.create(
            person=make_person(engagement=engagement), engagement=engagement
        )
        Council.objects.create(engagement=engagement, name=f"Council {i}")
        ActionItem.objects.create(engagement=engagement, title=f"Action {i}")
    client = login(world.users["staff_b"])
    url = reverse(f"wagtailsnippets_wagtail_spcp_{model}:list")
    client.get(url)  # the first request also reads what a worker caches once (the list of sites)
    with django_assert_max_num_queries(15):
        response = client.get(url)
    assert response.context["paginator"].count == 16


def test_people_rows_offer_merging_a_duplicate_into_them(world, login):
    response = login(world.users["staff_a"]).get(
        reverse("wagtailsnippets_wagtail_spcp_person:list")
    )
    merge_url = reverse("wagtailsnippets_wagtail_spcp_person:merge")
    assert f"{merge_url}?survivor={world.a.person.pk}" in response.content.decode()


def test_merge_form_preselects_the_survivor(world, login):
    url = reverse("wagtailsnippets_wagtail_spcp_person:merge")
    response = login(world.users["staff_a"]).get(url, {"survivor": world.a.person.pk})
    assert response.context["form"]["survivor"].value() == str(world.a.person.pk)
