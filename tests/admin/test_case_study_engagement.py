"""A case study's engagement field offers, and names, only engagements the editor may see."""

import datetime

from django.contrib.auth.models import Permission
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from wagtail_spcp.models import CaseStudyPage, ProgramPage


@pytest.fixture
def case_study(world):
    """A program with a case study linked (with consent) to region A's engagement."""
    root = Page.get_first_root_node()
    program = root.add_child(
        instance=ProgramPage(
            title="Partnerships",
            slug="partnerships",
            summary="A program.",
            length="One day",
            audience="Leaders",
            request_text="Ask us.",
        )
    )
    page = program.add_child(
        instance=CaseStudyPage(
            title="Riverton builds a council",
            slug="riverton",
            community="Riverton",
            state="TX",
            date=datetime.date(2025, 6, 1),
            narrative="<p>A story.</p>",
            host_consented=True,
            engagement=world.a.engagement,
        )
    )
    # Every role below may edit pages; only the partnership rights differ.
    for group in {g for user in world.users.values() if user for g in user.groups.all()}:
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=Permission.objects.get(codename=codename)
            )
    return page


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def post_edit(client, page, **changes):
    """Post the page's own edit form back, with ``changes``."""
    html = client.get(edit_url(page)).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    data.setdefault("body-count", "0")  # the empty stream is drawn by JavaScript
    data["host_consented"] = "on"
    for name, value in changes.items():
        data[name] = value
    return client.post(edit_url(page), data)


def test_editor_without_partnership_rights_sees_no_engagement(world, login, case_study):
    client = login(world.users["editor"])
    response = client.get(edit_url(case_study))
    assert response.status_code == 200
    assert "engagement" not in response.context["form"].fields
    assert "Engagement A" not in response.content.decode()


def test_a_link_the_editor_cannot_see_is_kept_without_its_title(world, login, case_study):
    client = login(world.users["staff_b"])
    content = client.get(edit_url(case_study)).content.decode()
    assert "Engagement A" not in content
    response = post_edit(client, case_study, title="Riverton, retold")
    assert response.status_code == 302
    case_study.refresh_from_db()
    latest = case_study.get_latest_revision_as_object()
    assert latest.title == "Riverton, retold"
    assert latest.engagement_id == world.a.engagement.pk


def test_an_engagement_outside_the_editors_regions_is_refused(world, login, case_study):
    case_study.engagement = world.b.engagement
    case_study.save_revision().publish()
    client = login(world.users["staff_b"])
    form = client.get(edit_url(case_study)).context["form"]
    assert set(form.fields["engagement"].queryset) == {world.b.engagement}
    response = post_edit(client, case_study, engagement=str(world.a.engagement.pk))
    assert response.status_code == 200
    assert "engagement" in response.context["form"].errors
    assert "Engagement A" not in response.content.decode()
    latest = CaseStudyPage.objects.get(pk=case_study.pk).get_latest_revision_as_object()
    assert latest.engagement_id == world.b.engagement.pk


def test_staff_of_the_region_see_and_keep_the_link(world, login, case_study):
    client = login(world.users["staff_a"])
    response = client.get(edit_url(case_study))
    assert "Engagement A" in response.content.decode()
    assert post_edit(client, case_study).status_code == 302
