"""The program report: region-scoped like every engagement view, names only on request
(and only for staff who may see participants), each build in the audit log, and a .docx
that python-docx opens with the report's sections and figures."""

import io

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

import pytest
from docx import Document

from tests.utils import ROLES
from wagtail_spcp.admin.reports import ACTION_REPORT
from wagtail_spcp.models import RegionScopedLogEntry as LogEntry

EXPECTED_STATUS = {
    "anonymous": 302,
    "editor": 302,  # Wagtail sends a user it refuses back to the dashboard
    "staff_a": 200,
    "staff_b": 404,
    "national": 200,
    "superuser": 200,
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def report_url(engagement, view="report", names=False):
    url = reverse(f"wagtail_spcp_report:{view}", args=[engagement.pk])
    return f"{url}?names=1" if names else url


def docx_of(response):
    assert response["Content-Type"] == DOCX
    return Document(io.BytesIO(response.content))


def headings(document, level):
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", ["report", "docx"])
def test_report_permission_matrix(world, login, role, view):
    client = login(world.users[role])
    response = client.get(report_url(world.a.engagement, view))
    assert response.status_code == EXPECTED_STATUS[role]
    if role == "anonymous":
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    built = LogEntry.objects.filter(action=ACTION_REPORT, object_id=str(world.a.engagement.pk))
    assert built.exists() == (response.status_code == 200)
    if response.status_code == 200 and view == "report":
        assert "Engagement A" in response.content.decode()
        assert "Council A" in response.content.decode()


def test_names_are_left_out_unless_staff_ask(world, login):
    client = login(world.users["staff_a"])
    page = client.get(report_url(world.a.engagement)).content.decode()
    assert "PersonA" not in page
    assert 'name="names"' in page and "checked" not in page.split('name="names"')[1][:30]
    document = docx_of(client.get(report_url(world.a.engagement, "docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "PersonA" not in text and "PersonA" not in " ".join(cells)
    assert "Participants" not in headings(document, 1)
    entry = LogEntry.objects.filter(action=ACTION_REPORT).latest("pk")
    assert entry.data == {"format": "docx", "names": False}

    page = client.get(report_url(world.a.engagement, names=True)).content.decode()
    assert "PersonA Sample" in page
    document = docx_of(client.get(report_url(world.a.engagement, "docx", names=True)))
    assert "Participants" in headings(document, 1)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "PersonA Sample" in cells
    entry = LogEntry.objects.filter(action=ACTION_REPORT).latest("pk")
    assert entry.data == {"format": "docx", "names": True}


def test_staff_who_may_not_see_participants_get_no_names(world, login, django_user_model):
    group = Group.objects.create(name="Southwest readers")
    group.permissions.set(
        [
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(codename="view_engagement"),
        ]
    )
    world.a.region.staff_groups.add(group)
    reader = django_user_model.objects.create_user("reader", password="pw")
    reader.groups.add(group)
    response = login(reader).get(report_url(world.a.engagement, names=True))
    assert response.status_code == 200
    page = response.content.decode()
    assert "PersonA" not in page
    assert 'name="names"' not in page


def test_the_docx_has_every_section_and_the_figures(world, login):
    client = login(world.users["staff_a"])
    document = docx_of(client.get(report_url(world.a.engagement, "docx")))
    assert document.core_properties.title == "Program report: Engagement A"
    assert headings(document, 1) == [
        "Summary",
        "Attendance by sector",
        "Strengths and issues by group",
        "Solutions",
        "Action plan",
        "Council",
    ]
    summary, dates, attendance, plan, seats = document.tables
    assert [cell.text for cell in summary.rows[1].cells] == ["Community", "Riverton, TX"]
    assert [cell.text for cell in attendance.rows[-1].cells] == ["Total", "1"]
    assert [cell.text for cell in plan.rows[0].cells] == [
        "Action item",
        "Owner",
        "Due date",
        "Status",
    ]
    assert [cell.text for cell in plan.rows[1].cells][0] == "Action A"
    assert [cell.text for cell in plan.rows[1].cells][3] == "In progress"
    assert [cell.text for cell in seats.rows[0].cells] == ["Role", "Seat"]
    assert [cell.text for cell in seats.rows[1].cells][0] == "Member"
    assert "Youth a" in headings(document, 2)
    text = [p.text for p in document.paragraphs]
    assert "Concern a (3 dot-votes)" in text
    assert "Concern a" in headings(document, 3)
    assert any(line.startswith("Next meeting:") for line in text)
