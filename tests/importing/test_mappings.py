"""Saved mappings belong to a region: offered, overwritten and deleted only there, audited."""

import io

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

import pytest

from tests.utils import FILES, sample
from wagtail_spcp.importing.columns import header_key
from wagtail_spcp.importing.mappings import delete_mapping, save_mapping
from wagtail_spcp.models import ImportMapping, Person, Region, RegionScopedLogEntry

COLUMNS = {"column_0": "first_name", "column_1": "last_name", "column_2": "email"}


def importer(django_user_model, username, region_slug=None, national=False):
    group = Group.objects.create(name=f"{username} staff")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="import_participation"),
    )
    if national:
        group.permissions.add(Permission.objects.get(codename="view_all_regions"))
    if region_slug:
        Region.objects.get(slug=region_slug).staff_groups.add(group)
    user = django_user_model.objects.create_user(username=username, password="pw")
    user.groups.add(group)
    return user


@pytest.fixture
def west_engagement(make_engagement):
    return make_engagement(slug="west-2026", office="western", community_state="CA")


@pytest.fixture
def staff(django_user_model, reference_offices):
    return {
        "southwest": importer(django_user_model, "sw", "southwest"),
        "western": importer(django_user_model, "west", "western"),
        "national": importer(django_user_model, "nat", national=True),
    }


def map_url(client, engagement):
    return client.post(
        reverse("wagtail_spcp_importing:upload"),
        {
            "engagement": engagement.pk,
            "file": SimpleUploadedFile("signups.csv", sample("signups-utf8.csv")),
            "duplicate_policy": "update",
        },
    ).url


def save_from_wizard(client, user, engagement, name, **extra):
    client.force_login(user)
    url = map_url(client, engagement)
    response = client.post(url, {**COLUMNS, "save_as": name, **extra})
    assert response.status_code == 302, response.context["form"].errors
    return url


def test_mappings_of_two_regions_do_not_overwrite_each_other(
    client, staff, engagement, west_engagement
):
    save_from_wizard(client, staff["southwest"], engagement, "Sign-ups")
    save_from_wizard(client, staff["western"], west_engagement, "Sign-ups", column_3="phone")
    southwest = ImportMapping.objects.get(region__slug="southwest")
    western = ImportMapping.objects.get(region__slug="western")
    assert southwest.columns[header_key("Phone #")] == ""
    assert western.columns[header_key("Phone #")] == "phone"
    # Saved again in the same region: the region's own mapping is updated.
    save_from_wizard(client, staff["southwest"], engagement, "Sign-ups", column_3="phone")
    southwest.refresh_from_db()
    assert southwest.columns[header_key("Phone #")] == "phone"
    assert ImportMapping.objects.count() == 2


def test_another_regions_mapping_is_not_offered(client, staff, engagement, west_engagement):
    theirs = save_mapping(
        "Theirs", {"email": "phone"}, user=staff["western"], region=west_engagement.office.region
    )
    shared = ImportMapping.objects.create(name="Shared", columns={"email": "email"})
    client.force_login(staff["southwest"])
    url = map_url(client, engagement)
    page = client.get(url)
    offered = list(page.context["saved_form"].fields["mapping"].queryset)
    assert offered == [shared]
    forced = client.get(url, {"mapping": theirs.pk})
    assert "mapping" in forced.context["saved_form"].errors


def test_only_national_staff_choose_to_share(client, staff, engagement):
    client.force_login(staff["southwest"])
    page = client.get(map_url(client, engagement))
    assert "save_for" not in page.context["form"].fields
    save_from_wizard(client, staff["national"], engagement, "Everyone", save_for="shared")
    assert ImportMapping.objects.get(name="Everyone").region is None
    save_from_wizard(client, staff["national"], engagement, "Ours", save_for="region")
    assert ImportMapping.objects.get(name="Ours").region.slug == "southwest"
    with pytest.raises(PermissionDenied):
        save_mapping("Sneaky", {}, user=staff["southwest"], region=None)


def test_mapping_changes_are_in_the_audit_log(client, staff, engagement):
    save_from_wizard(client, staff["southwest"], engagement, "Sign-ups")
    save_from_wizard(client, staff["southwest"], engagement, "Sign-ups")
    mapping = ImportMapping.objects.get()
    with pytest.raises(PermissionDenied):
        delete_mapping(mapping, user=staff["western"])
    delete_mapping(mapping, user=staff["southwest"])
    assert not ImportMapping.objects.exists()
    entries = RegionScopedLogEntry.objects.filter(action__startswith="wagtail.").order_by("pk")
    assert [e.action for e in entries] == ["wagtail.create", "wagtail.edit", "wagtail.delete"]
    assert {e.region.slug for e in entries} == {"southwest"}
    assert {e.user for e in entries} == {staff["southwest"]}


def test_command_uses_the_engagements_regional_mapping(staff, engagement, west_engagement):
    region = engagement.office.region
    paper = {"firstname": "first_name", "organisation": "last_name", "phone": "phone"}
    ImportMapping.objects.create(name="paper", columns=paper, region=region)
    ImportMapping.objects.create(
        name="paper", columns={"firstname": "first_name"}, region=west_engagement.office.region
    )
    out = io.StringIO()
    call_command(
        "spcp_import",
        str(FILES / "missing-required-column.csv"),
        "--engagement",
        engagement.slug,
        "--mapping",
        "paper",
        stdout=out,
    )
    assert out.getvalue() == "new=1 updated=0 skipped=0 invalid=0\n"
    assert Person.objects.get().last_name == "Org"
