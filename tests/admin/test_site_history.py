"""Wagtail's site history report lists confidential log entries only to staff of their region."""

from django.urls import reverse

from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry

from wagtail_spcp.models import RegionScopedLogEntry


def logged_labels(client):
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    return {entry.label for entry in response.context["object_list"]}


def test_confidential_entries_are_stored_with_their_region(world):
    entry = log(world.a.engagement, "wagtail.edit", user=world.users["staff_a"])
    assert isinstance(entry, RegionScopedLogEntry)
    assert entry.region == world.a.region
    assert list(log_registry.get_logs_for_instance(world.a.engagement)) == [entry]


def test_site_history_shows_each_region_only_its_own_entries(world, login):
    for region in (world.a, world.b):
        for obj in (region.engagement, region.council, region.participation, region.person):
            log(obj, "wagtail.edit")
    staff_b = logged_labels(login(world.users["staff_b"]))
    assert "Engagement B" in staff_b and "Council B" in staff_b
    assert "Engagement A" not in staff_b and "Council A" not in staff_b
    assert str(world.a.person) not in staff_b
    national = logged_labels(login(world.users["national"]))
    assert {"Engagement A", "Engagement B", str(world.a.person), str(world.b.person)} <= national
    assert logged_labels(login(world.users["editor"])) == set()
