"""The registered permission policies and the scoping they build on."""

from django.apps import apps

from wagtail.permissions import policy_registry

import pytest

from wagtail_spcp.access import REGION_LOOKUPS, people_for_user, scope_queryset
from wagtail_spcp.admin.permissions import RegionScopedPermissionPolicy
from wagtail_spcp.models import Engagement, Office, Person, Region

SCOPED = sorted({*REGION_LOOKUPS, "wagtail_spcp.person"})


@pytest.mark.parametrize("label", SCOPED)
def test_every_confidential_model_has_a_region_scoped_policy(label):
    model = apps.get_model(label)
    assert isinstance(policy_registry.get_by_type(model), RegionScopedPermissionPolicy)


@pytest.mark.parametrize("model", [Region, Office])
def test_public_models_keep_the_model_permission_policy(model):
    assert not isinstance(policy_registry.get_by_type(model), RegionScopedPermissionPolicy)


@pytest.mark.parametrize("label", sorted(REGION_LOOKUPS))
def test_scope_splits_every_model_by_region(world, label):
    model = apps.get_model(label)
    everything = model.objects.all()
    a = set(scope_queryset(world.users["staff_a"], everything).values_list("pk", flat=True))
    b = set(scope_queryset(world.users["staff_b"], everything).values_list("pk", flat=True))
    national = set(scope_queryset(world.users["national"], everything).values_list("pk", flat=True))
    assert a and b
    assert not a & b
    assert a | b == national == set(everything.values_list("pk", flat=True))
    assert not scope_queryset(world.users["editor"], everything).exists()
    assert not scope_queryset(None, everything).exists()


def test_policy_answers_per_instance(world):
    policy = policy_registry.get_by_type(Engagement)
    staff_b = world.users["staff_b"]
    assert policy.user_has_permission(staff_b, "change")
    assert policy.user_has_permission_for_instance(staff_b, "change", world.b.engagement)
    assert not policy.user_has_permission_for_instance(staff_b, "change", world.a.engagement)
    assert list(policy.instances_user_has_permission_for(staff_b, "change")) == [world.b.engagement]
    assert not policy.instances_user_has_permission_for(world.users["editor"], "change").exists()


def test_people_are_visible_through_any_link_to_a_visible_engagement(world, make_person):
    staff_b = world.users["staff_b"]
    facilitator = make_person(first_name="Facilitator")
    world.b.group.facilitator = facilitator
    world.b.group.save()
    unlinked = make_person(first_name="New")
    visible = set(people_for_user(staff_b))
    assert {world.b.person, facilitator, unlinked} <= visible
    assert world.a.person not in visible
    # Once linked to region A only, the new person leaves region B's view.
    world.a.engagement.participations.create(person=unlinked)
    assert unlinked not in set(people_for_user(staff_b))
    assert set(people_for_user(world.users["national"])) == set(Person.objects.all())
