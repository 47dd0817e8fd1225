"""The registered permission policies and the region ownership they build on."""

from django.apps import apps

from wagtail.permissions import policy_registry

import pytest

from tests.utils import add_survey_responses, open_survey
from wagtail_spcp.access import scope_queryset
from wagtail_spcp.admin.permissions import RegionScopedPermissionPolicy
from wagtail_spcp.models import Engagement, Office, Person, Region
from wagtail_spcp.models.scoping import region_owned_models

SCOPED = [model._meta.label_lower for model in region_owned_models()]
CONFIDENTIAL = {
    "wagtail_spcp.actionitem": "engagement__office__region",
    "wagtail_spcp.breakoutgroup": "engagement__office__region",
    "wagtail_spcp.concern": "engagement__office__region",
    "wagtail_spcp.council": "engagement__office__region",
    "wagtail_spcp.councilmeeting": "council__engagement__office__region",
    "wagtail_spcp.councilmembership": "council__engagement__office__region",
    "wagtail_spcp.engagement": "office__region",
    "wagtail_spcp.engagementmilestone": "engagement__office__region",
    "wagtail_spcp.eventregistration": "engagement__office__region",
    "wagtail_spcp.importbatch": "engagement__office__region",
    "wagtail_spcp.participation": "engagement__office__region",
    "wagtail_spcp.person": "region",
    "wagtail_spcp.programrequest": "engagement__office__region",
    "wagtail_spcp.registration": "participation__engagement__office__region",
    "wagtail_spcp.survey": "engagement__office__region",
    "wagtail_spcp.surveyanswer": "response__survey__engagement__office__region",
    "wagtail_spcp.surveyquestion": "survey__engagement__office__region",
    "wagtail_spcp.surveyresponse": "survey__engagement__office__region",
}


@pytest.fixture
def surveys(world):
    """A survey with one answered response in each region of the world."""
    for side in (world.a, world.b):
        survey = open_survey(side.engagement)
        add_survey_responses(survey, "before", [4])


def test_each_confidential_model_declares_how_it_reaches_its_region():
    assert {label: apps.get_model(label).region_path for label in SCOPED} == CONFIDENTIAL


@pytest.mark.parametrize("label", SCOPED)
def test_every_confidential_model_has_a_region_scoped_policy(label):
    model = apps.get_model(label)
    assert isinstance(policy_registry.get_by_type(model), RegionScopedPermissionPolicy)


@pytest.mark.parametrize("model", [Region, Office])
def test_public_models_keep_the_model_permission_policy(model):
    assert not isinstance(policy_registry.get_by_type(model), RegionScopedPermissionPolicy)


@pytest.mark.parametrize("label", SCOPED)
def test_scope_splits_every_model_by_region(world, surveys, label):
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
    assert set(model.objects.for_user(world.users["staff_b"]).values_list("pk", flat=True)) == b


def test_policy_answers_per_instance(world):
    policy = policy_registry.get_by_type(Engagement)
    staff_b = world.users["staff_b"]
    assert policy.user_has_permission(staff_b, "change")
    assert policy.user_has_permission_for_instance(staff_b, "change", world.b.engagement)
    assert not policy.user_has_permission_for_instance(staff_b, "change", world.a.engagement)
    assert list(policy.instances_user_has_permission_for(staff_b, "change")) == [world.b.engagement]
    assert not policy.instances_user_has_permission_for(world.users["editor"], "change").exists()


def test_people_are_visible_to_their_own_region_only(world, make_person):
    staff_b = world.users["staff_b"]
    facilitator = make_person(first_name="Facilitator", region=world.b.region)
    world.b.group.facilitator = facilitator
    world.b.group.save()
    unlinked = make_person(first_name="New", region=world.b.region)
    no_region = make_person(first_name="Headquarters")
    visible = set(Person.objects.for_user(staff_b))
    assert visible == {world.b.person, facilitator, unlinked}
    # A person of no region is no longer everybody's: only staff of every region see them.
    assert no_region not in set(Person.objects.for_user(world.users["staff_a"]))
    assert set(Person.objects.for_user(world.users["national"])) == set(Person.objects.all())


def test_deleting_an_engagement_leaves_its_people_with_their_region(world, login):
    person = world.a.person
    world.a.engagement.delete()
    person.refresh_from_db()
    assert person.region == world.a.region
    assert person not in set(Person.objects.for_user(world.users["staff_b"]))
    assert person in set(Person.objects.for_user(world.users["staff_a"]))
