"""The data migration that gives staff the public forms' permissions with the engagement's."""

import importlib

from django.apps import apps
from django.contrib.auth.models import Group, Permission

import pytest

migration = importlib.import_module("wagtail_spcp.migrations.0019_grant_public_form_permissions")

pytestmark = pytest.mark.django_db


def codenames(group):
    return set(group.permissions.values_list("codename", flat=True))


def test_groups_get_the_actions_they_hold_on_engagements():
    staff = Group.objects.create(name="Southwest staff")
    staff.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="wagtail_spcp",
            codename__in=["view_engagement", "change_engagement"],
        )
    )
    editors = Group.objects.create(name="Web editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))

    migration.grant(apps, None)
    migration.grant(apps, None)  # running again changes nothing

    models = ("eventregistration", "registration", "programrequest")
    assert codenames(staff) == {
        "view_engagement",
        "change_engagement",
        *(f"{action}_{model}" for model in models for action in ("view", "change")),
    }
    assert codenames(editors) == {"access_admin"}
