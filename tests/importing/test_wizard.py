"""The import wizard's later steps: the format and reasons, values, preview, start again."""

import re

from django.urls import reverse

import pytest

from tests.importing.test_admin import upload
from tests.utils import staff_user
from wagtail_spcp.models import ImportBatch, ImportMapping, Person


@pytest.fixture
def staff(django_user_model, reference_offices, client):
    user = staff_user(django_user_model, "sw", "southwest")
    client.force_login(user)
    return user


def suggested(page):
    """The map step's form data as the page suggests it."""
    form = page.context["form"]
    return {f"column_{i}": column for i, column in enumerate(form.initial_columns())}


def test_map_step_names_the_format_and_each_match_reason(client, staff, engagement):
    page = client.get(upload(client, engagement, "corpus/eventbrite-attendee-summary.csv").url)
    content = page.content.decode()
    assert "This looks like an export from Eventbrite" in content
    assert "a column of Eventbrite exports" in content
    assert "Headers read from row 1." in content
    # The format's columns are applied: attendee status is the participation status.
    headers = page.context["form"].headers
    assert suggested(page)[f"column_{headers.index('Attendee Status')}"] == "status"


def test_unknown_values_are_mapped_before_the_preview(client, staff, engagement):
    map_url = upload(client, engagement, "invalid-values.csv").url
    page = client.get(map_url)
    response = client.post(map_url, {**suggested(page), "save_as": "Invalid values"})
    draft = ImportBatch.objects.get(dry_run=True)
    assert response.url == reverse("wagtail_spcp_importing:values", args=[draft.pk])

    values = client.get(response.url)
    content = values.content.decode()
    assert "astronauts" in content and "Sector" in content
    field = next(row["field"] for group in values.context["form"].groups for row in group["rows"])
    response = client.post(response.url, {field: "government"})
    assert response.url == reverse("wagtail_spcp_importing:preview", args=[draft.pk])
    draft.refresh_from_db()
    assert draft.value_map == {"sector": {"astronauts": "government"}}
    # The saved mapping keeps the value map for the next file.
    assert ImportMapping.objects.get(name="Invalid values").value_map == draft.value_map

    client.post(reverse("wagtail_spcp_importing:confirm", args=[draft.pk]))
    assert Person.objects.get(email="bad.sector@example.org").sector == "government"


def test_a_value_mapped_to_blank_imports_the_row_and_is_listed(client, staff, engagement):
    map_url = upload(client, engagement, "invalid-values.csv").url
    response = client.post(map_url, suggested(client.get(map_url)))
    values = client.get(response.url)
    field = next(row["field"] for group in values.context["form"].groups for row in group["rows"])
    preview = client.get(client.post(response.url, {field: ""}).url)
    content = preview.content.decode()
    assert "Values the import rewrote" in content and "astronauts" in content
    draft = ImportBatch.objects.get(dry_run=True)
    assert {"row": 7, "column": "Sector", "original": "astronauts", "stored": ""} in (
        draft.report["rewrites"]
    )
    assert 7 not in [error.get("row") for error in draft.errors]
    assert 7 in [row["row"] for row in draft.report["first_rows"]]


def test_preview_shows_first_rows_and_rewritten_values(client, staff, engagement):
    map_url = upload(client, engagement, "signups-utf8.csv").url
    preview = client.get(client.post(map_url, suggested(client.get(map_url))).url)
    content = preview.content.decode()
    assert "The first rows as they will be stored" in content
    first_rows = preview.context["first_rows"]
    assert first_rows["rows"] and "Email" in [str(c) for c in first_rows["columns"]]
    report = preview.context["report"]
    assert report["rewrites"], "a phone typed with dashes is stored in E.164"
    rewrite = next(r for r in report["rewrites"] if r["stored"].startswith("+1"))
    assert rewrite["original"] in content and rewrite["stored"] in content
    assert Person.objects.count() == 0


def test_start_again_returns_to_the_mapping_with_the_file_and_choices(client, staff, engagement):
    map_url = upload(client, engagement, "signups-utf8.csv").url
    choices = suggested(client.get(map_url))
    choices["match_on"] = "name_phone"
    preview_url = client.post(map_url, choices).url
    draft = ImportBatch.objects.get(dry_run=True)
    assert f'href="{reverse("wagtail_spcp_importing:restart", args=[draft.pk])}"' in (
        client.get(preview_url).content.decode()
    )

    response = client.get(reverse("wagtail_spcp_importing:restart", args=[draft.pk]))
    assert response.status_code == 302 and f"?from={draft.pk}" in response.url
    page = client.get(response.url)
    assert page.context["file_name"] == "signups-utf8.csv"
    assert page.context["form"]["match_on"].value() == "name_phone"
    assert suggested(page) == {k: v for k, v in choices.items() if k.startswith("column_")}


def test_start_again_is_only_for_whoever_uploaded(client, staff, engagement, django_user_model):
    map_url = upload(client, engagement, "signups-utf8.csv").url
    client.post(map_url, suggested(client.get(map_url)))
    draft = ImportBatch.objects.get(dry_run=True)
    client.force_login(staff_user(django_user_model, "sw2", "southwest"))
    response = client.get(reverse("wagtail_spcp_importing:restart", args=[draft.pk]))
    assert response.status_code in (302, 403)
    assert "from=" not in getattr(response, "url", "")


def test_the_result_workbook_lists_rewritten_values(client, staff, engagement):
    map_url = upload(client, engagement, "signups-utf8.csv").url
    draft_url = client.post(map_url, suggested(client.get(map_url))).url
    draft = ImportBatch.objects.get(dry_run=True)
    assert draft_url
    client.post(reverse("wagtail_spcp_importing:confirm", args=[draft.pk]))
    batch = ImportBatch.objects.get(dry_run=False)
    summary = client.get(reverse("wagtail_spcp_importing:batch", args=[batch.pk]))
    content = summary.content.decode()
    assert "Values the import rewrote" in content
    assert re.search(r"Download the result workbook", content)


def test_an_unsure_header_is_offered_not_applied(client, staff, engagement):
    page = client.get(upload(client, engagement, "unsure-header.csv").url)
    headers = page.context["form"].headers
    assert suggested(page)[f"column_{headers.index('Contact')}"] == ""
    content = page.content.decode()
    assert re.search(r"Could be:\s*Consent to contact", content)


def test_staff_choose_another_sheet_and_header_row(client, staff, engagement):
    map_url = upload(client, engagement, "several-sheets.xlsx").url
    page = client.get(map_url)
    assert page.context["profile"]["sheet"] == "Participants"
    assert "Headers read from row 1 of the sheet “Participants”." in page.content.decode()

    page = client.get(map_url, {"sheet": "Lists", "header_row": 1})
    assert page.context["profile"]["sheet"] == "Lists"
    assert page.context["form"].headers == ["Sector", "Role"]

    page = client.get(map_url, {"sheet": "Participants", "header_row": 2})
    assert page.context["profile"]["header_row"] == 2
    assert page.context["form"].headers[0] == "Erin"
    # The batch reads the file the way staff chose.
    choices = suggested(page)
    choices.update({"column_0": "first_name", "column_1": "last_name", "column_2": "email"})
    client.post(map_url, choices)
    draft = ImportBatch.objects.get(dry_run=True)
    assert (draft.sheet, draft.header_row) == ("Participants", 2)


def test_a_header_row_past_the_end_is_refused_with_a_message(client, staff, engagement):
    map_url = upload(client, engagement, "several-sheets.xlsx").url
    page = client.get(map_url, {"sheet": "Participants", "header_row": 500})
    assert "cannot be the header row" in page.content.decode()
    assert page.context["profile"]["header_row"] == 1  # the table found is kept
