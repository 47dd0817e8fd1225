"""The optional wagtail-modeladmin integration applies the same scoping and logging."""

from django.conf import settings
from django.urls import reverse

import pytest

from tests.utils import ROLES, engagement_form_data, require
from wagtail_spcp.admin.audit import STAGE_CHANGE
from wagtail_spcp.choices import EngagementStage
from wagtail_spcp.models import RegionScopedLogEntry as LogEntry

require(
    "wagtail_spcp.contrib.modeladmin" in settings.INSTALLED_APPS,
    "wagtail-modeladmin is not installed",
)

MODELS = {
    "engagement": "engagement",
    "council": "council",
    "person": "person",
    "participation": "participation",
    "importbatch": "import_batch",
}
OBJECT_URLS = [
    (f"wagtail_spcp_{model}_modeladmin_{view}", attr)
    for model, attr in MODELS.items()
    for view in ("edit", "delete", "inspect", "history")
    if not (model == "importbatch" and view in ("edit", "delete"))
]
EXPECTED_OBJECT_STATUS = {
    "anonymous": 302,
    "editor": 404,
    "staff_a": 200,
    "staff_b": 404,
    "national": 200,
    "superuser": 200,
}


def url(name, *args):
    return reverse(name, kwargs={"instance_pk": args[0]} if args else None)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("url_name", "attr"), OBJECT_URLS)
def test_object_urls(world, login, role, url_name, attr):
    obj = getattr(world.a, attr)
    response = login(world.users[role]).get(url(url_name, obj.pk))
    assert response.status_code == EXPECTED_OBJECT_STATUS[role]


@pytest.mark.parametrize("role", ["staff_a", "staff_b", "national"])
@pytest.mark.parametrize(("model", "attr"), MODELS.items())
def test_index_lists_only_the_users_regions(world, login, role, model, attr):
    response = login(world.users[role]).get(url(f"wagtail_spcp_{model}_modeladmin_index"))
    assert response.status_code == 200
    pks = {obj.pk for obj in response.context["object_list"]}
    assert (getattr(world.a, attr).pk in pks) == (role in {"staff_a", "national"})
    assert (getattr(world.b, attr).pk in pks) == (role in {"staff_b", "national"})


def test_editor_cannot_list(world, login):
    response = login(world.users["editor"]).get(url("wagtail_spcp_engagement_modeladmin_index"))
    assert response.status_code == 302


def test_import_batches_are_read_only(world, login):
    client = login(world.users["superuser"])
    batch = world.a.import_batch
    assert client.get(url("wagtail_spcp_importbatch_modeladmin_edit", batch.pk)).status_code in (
        302,
        403,
    )
    assert client.get(url("wagtail_spcp_importbatch_modeladmin_create")).status_code in (302, 403)


def test_stage_change_is_logged_through_modeladmin(world, login):
    user = world.users["staff_a"]
    engagement = world.a.engagement
    response = login(user).post(
        url("wagtail_spcp_engagement_modeladmin_edit", engagement.pk),
        engagement_form_data(engagement, stage=EngagementStage.COUNCIL),
    )
    assert response.status_code == 302
    entry = LogEntry.objects.for_instance(engagement).get(action=STAGE_CHANGE)
    assert entry.user == user


def test_form_refuses_an_office_of_another_region(world, login):
    engagement = world.a.engagement
    response = login(world.users["staff_a"]).post(
        url("wagtail_spcp_engagement_modeladmin_edit", engagement.pk),
        engagement_form_data(engagement, office=world.b.engagement.office_id),
    )
    assert response.status_code == 200
    engagement.refresh_from_db()
    assert engagement.office.slug == "houston"


@pytest.fixture
def shared_program(world):
    """One program page delivered in both regions: a public row joining them."""
    from wagtail.models import Page

    from wagtail_spcp.models import ProgramPage

    program = Page.get_first_root_node().add_child(
        instance=ProgramPage(
            title="Partnerships",
            slug="partnerships",
            summary="A program.",
            length="One day",
            audience="Leaders",
            request_text="Ask us.",
        )
    )
    for engagement in (world.a.engagement, world.b.engagement):
        engagement.program = program
        engagement.save()
    return program


@pytest.mark.parametrize(
    "lookup",
    [
        "engagement__program__engagements__title__startswith",
        "engagement__title__startswith",
        "person__participations__engagement__title__startswith",
    ],
)
def test_listing_lookups_cannot_probe_other_regions(world, login, shared_program, lookup):
    client = login(world.users["staff_b"])
    index = url("wagtail_spcp_participation_modeladmin_index")
    answers = {
        title: client.get(index, {lookup: title}) for title in ("Engagement A", "Nothing like it")
    }
    for response in answers.values():
        assert response.status_code == 400


def test_listing_lookups_on_the_rows_own_columns_still_work(world, login):
    client = login(world.users["staff_b"])
    index = url("wagtail_spcp_participation_modeladmin_index")
    response = client.get(index, {"engagement": world.b.engagement.pk, "status": "attended"})
    assert [p.pk for p in response.context["object_list"]] == [world.b.participation.pk]
    response = client.get(index, {"status": "cancelled"})
    assert list(response.context["object_list"]) == []
