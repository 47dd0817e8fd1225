"""The admin wizard, batch pages, error workbook access, undo, export and region scope."""

import datetime
import io
import re

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

import openpyxl
import pytest

from tests.utils import sample, staff_user
from wagtail_spcp.choices import ImportStatus
from wagtail_spcp.models import (
    ImportBatch,
    ImportFile,
    ImportMapping,
    Participation,
    Person,
    Region,
)
from wagtail_spcp.models.audit import RegionScopedLogEntry


@pytest.fixture
def southwest_staff(django_user_model, reference_offices):
    return staff_user(django_user_model, "sw", "southwest")


@pytest.fixture
def western_staff(django_user_model, reference_offices):
    return staff_user(django_user_model, "west", "western")


def denied(response):
    """Wagtail answers PermissionDenied in its admin with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def upload(client, engagement, name, policy="update"):
    return client.post(
        reverse("wagtail_spcp_importing:upload"),
        {
            "engagement": engagement.pk,
            "file": SimpleUploadedFile(name, sample(name)),
            "duplicate_policy": policy,
        },
    )


def test_wizard_from_upload_to_summary(client, southwest_staff, engagement):
    client.force_login(southwest_staff)
    start = client.get(reverse("wagtail_spcp_importing:start", args=[engagement.pk]))
    assert start.status_code == 302
    assert client.get(start.url).status_code == 200

    response = upload(client, engagement, "signups.xlsx")
    assert response.status_code == 302
    map_url = response.url
    page = client.get(map_url)
    assert page.status_code == 200
    content = page.content.decode()
    # two sample values per column, and the auto-matched column selected
    assert "Maria" in content and "James" in content
    assert re.search(r'name="column_2"[^>]*>.*?<option value="email" selected>', content, re.S)

    response = client.post(
        map_url,
        {
            "column_0": "first_name",
            "column_1": "last_name",
            "column_2": "email",
            "column_3": "phone",
            "column_4": "organisation",
            "column_5": "",  # sector: do not import
            "column_6": "zip_code",
            "column_7": "role",
            "column_8": "status",
            "save_as": "Riverton sign-ups",
        },
    )
    assert response.status_code == 302
    preview = client.get(response.url)
    assert preview.status_code == 200
    dry_run = ImportBatch.objects.get(dry_run=True)
    assert dry_run.new_count == 5
    assert Person.objects.count() == 0
    assert ImportMapping.objects.get(name="Riverton sign-ups").columns["sector"] == ""

    response = client.post(reverse("wagtail_spcp_importing:confirm", args=[dry_run.pk]))
    batch = ImportBatch.objects.get(dry_run=False)
    assert response.url == reverse("wagtail_spcp_importing:batch", args=[batch.pk])
    assert batch.status == ImportStatus.COMPLETED
    assert batch.created_by == southwest_staff
    assert batch.file_sha256 == dry_run.file_sha256
    assert Participation.objects.filter(engagement=engagement).count() == 5
    assert Person.objects.exclude(sector="").count() == 0
    summary = client.get(response.url)
    assert summary.status_code == 200
    assert RegionScopedLogEntry.objects.filter(
        action="wagtail_spcp.import", object_id=str(batch.pk), user=southwest_staff
    ).exists()
    listing = client.get(reverse("spcp_import_batches:index"))
    assert "signups.xlsx" in listing.content.decode()
    # The preview's dry run is a step of the wizard, not an import: not listed.
    assert (
        reverse("wagtail_spcp_importing:batch", args=[dry_run.pk]) not in listing.content.decode()
    )


def test_saved_mapping_is_offered_again(client, southwest_staff, engagement):
    client.force_login(southwest_staff)
    mapping = ImportMapping.objects.create(
        name="paper", columns={"firstname": "first_name", "organisation": "last_name"}
    )
    map_url = upload(client, engagement, "missing-required-column.csv").url
    page = client.get(map_url, {"mapping": mapping.pk}).content.decode()
    assert re.search(r'name="column_1"[^>]*>.*?<option value="last_name" selected>', page, re.S)


def test_missing_required_column_stops_before_preview(client, southwest_staff, engagement):
    client.force_login(southwest_staff)
    map_url = upload(client, engagement, "missing-required-column.csv").url
    response = client.post(map_url, {"column_0": "first_name", "column_2": "phone"})
    assert response.status_code == 200
    assert "no column for" in response.content.decode()
    assert not ImportBatch.objects.exists()


@pytest.mark.parametrize(
    "name, message",
    [
        ("empty.csv", "file is empty"),
        ("not-a-spreadsheet.xlsx", "not an Excel workbook"),
        ("zip-bomb.xlsx", "far more than a spreadsheet"),
    ],
)
def test_upload_refuses_bad_files(client, southwest_staff, engagement, name, message):
    client.force_login(southwest_staff)
    response = upload(client, engagement, name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportFile.objects.exists()


def test_upload_size_limit(client, southwest_staff, engagement, settings):
    settings.SPCP_IMPORT_MAX_BYTES = 1000
    client.force_login(southwest_staff)
    response = upload(client, engagement, "signups.xlsx")
    assert response.status_code == 200
    assert "the largest file you can import is 1000" in response.content.decode()


def test_tampered_token_is_refused(client, southwest_staff, engagement):
    client.force_login(southwest_staff)
    map_url = upload(client, engagement, "signups.xlsx").url
    assert client.get(map_url[:-3] + "xyz/").status_code == 400


def test_token_is_personal(client, southwest_staff, django_user_model, engagement):
    client.force_login(southwest_staff)
    map_url = upload(client, engagement, "signups.xlsx").url
    colleague = staff_user(django_user_model, "sw2", "southwest")
    client.force_login(colleague)
    assert denied(client.get(map_url))


def run_wizard(client, engagement, name):
    map_url = upload(client, engagement, name).url
    page = client.get(map_url)
    form = page.context["form"]
    data = {f"column_{i}": c for i, c in enumerate(form.initial_columns())}
    response = client.post(map_url, data)
    dry_run = ImportBatch.objects.filter(dry_run=True).latest("pk")
    client.post(reverse("wagtail_spcp_importing:confirm", args=[dry_run.pk]))
    assert response.status_code == 302
    return ImportBatch.objects.filter(dry_run=False).latest("pk")


def test_error_workbook_only_for_its_importer_and_expires(
    client, southwest_staff, django_user_model, engagement
):
    client.force_login(southwest_staff)
    batch = run_wizard(client, engagement, "invalid-values.csv")
    url = reverse("wagtail_spcp_importing:errors", args=[batch.pk])
    response = client.get(url)
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.active.max_row == 6  # the unknown sector imports, blank, with a warning

    colleague = staff_user(django_user_model, "sw2", "southwest")
    client.force_login(colleague)
    assert client.get(url).status_code == 404

    client.force_login(southwest_staff)
    ImportFile.objects.filter(pk=batch.error_file_id).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    assert client.get(url).status_code == 404


def test_preview_paginates_errors(client, southwest_staff, engagement):
    client.force_login(southwest_staff)
    rows = "\n".join(f"Bad{n},Row,not-an-email-{n}" for n in range(120))
    data = ("First name,Last name,Email\n" + rows).encode()
    map_url = client.post(
        reverse("wagtail_spcp_importing:upload"),
        {
            "engagement": engagement.pk,
            "file": SimpleUploadedFile("bad.csv", data),
            "duplicate_policy": "update",
        },
    ).url
    preview_url = client.post(
        map_url, {"column_0": "first_name", "column_1": "last_name", "column_2": "email"}
    ).url
    first = client.get(preview_url)
    assert first.context["errors_page"].paginator.num_pages == 3
    assert len(first.context["errors_page"].object_list) == 50
    last = client.get(preview_url, {"p": 3})
    assert last.context["errors_page"].object_list[-1]["row"] == 121


def test_undo_from_the_admin(client, southwest_staff, engagement):
    client.force_login(southwest_staff)
    batch = run_wizard(client, engagement, "signups-utf8.csv")
    assert Person.objects.count() == 4
    url = reverse("wagtail_spcp_importing:undo", args=[batch.pk])
    assert client.get(url).status_code == 200
    client.post(url)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.UNDONE
    assert Person.objects.count() == 0


def test_region_scope(client, southwest_staff, western_staff, engagement, make_engagement):
    client.force_login(western_staff)
    # the southwest engagement is not offered, and cannot be forced
    response = upload(client, engagement, "signups.xlsx")
    assert response.status_code == 200
    assert "engagement" in response.context["form"].errors
    assert (
        client.get(reverse("wagtail_spcp_importing:start", args=[engagement.pk])).status_code == 404
    )
    export_url = reverse("wagtail_spcp_importing:export", args=[engagement.pk, "csv"])
    assert client.get(export_url).status_code == 404

    client.force_login(southwest_staff)
    batch = run_wizard(client, engagement, "signups.xlsx")
    client.force_login(western_staff)
    assert client.get(reverse("wagtail_spcp_importing:batch", args=[batch.pk])).status_code == 404
    assert client.post(reverse("wagtail_spcp_importing:undo", args=[batch.pk])).status_code == 404
    assert "signups.xlsx" not in client.get(reverse("spcp_import_batches:index")).content.decode()


def test_export_from_the_admin(client, southwest_staff, engagement):
    client.force_login(southwest_staff)
    run_wizard(client, engagement, "signups.xlsx")
    response = client.get(reverse("wagtail_spcp_importing:export", args=[engagement.pk, "xlsx"]))
    assert response.status_code == 200
    assert "riverton-2026-participants.xlsx" in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 6
    assert RegionScopedLogEntry.objects.filter(action="wagtail_spcp.export").exists()


def test_export_needs_permission(client, django_user_model, reference_offices, engagement):
    user = django_user_model.objects.create_user(username="editor", password="pw")
    group = Group.objects.create(name="editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    Region.objects.get(slug="southwest").staff_groups.add(group)
    user.groups.add(group)
    client.force_login(user)
    url = reverse("wagtail_spcp_importing:export", args=[engagement.pk, "csv"])
    assert denied(client.get(url))
    assert denied(client.get(reverse("wagtail_spcp_importing:upload")))


def test_sign_in_sheet(client, southwest_staff, western_staff, engagement):
    client.force_login(southwest_staff)
    run_wizard(client, engagement, "signups.xlsx")
    url = reverse("wagtail_spcp_importing:sign_in_sheet", args=[engagement.pk])
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Garcia, Maria" in content
    assert "@media print" in content
    client.force_login(western_staff)
    assert client.get(url).status_code == 404


def test_import_batch_listing_leads_into_the_wizard(client, southwest_staff, engagement):
    """Import batches live in the Partnerships menu; the listing starts and opens imports."""
    batch = ImportBatch.objects.create(
        engagement=engagement, file_name="signups.xlsx", file_sha256="0" * 64
    )
    client.force_login(southwest_staff)
    listing = client.get(reverse("spcp_import_batches:index")).content.decode()
    assert reverse("wagtail_spcp_importing:upload") in listing
    assert reverse("wagtail_spcp_importing:batch", args=(batch.pk,)) in listing
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    # One menu entry for imports, in the Partnerships group; no second "Imports" item.
    assert home.count(reverse("spcp_import_batches:index")) == 1


def test_double_clicked_confirm_imports_once(client, southwest_staff, engagement):
    client.force_login(southwest_staff)
    map_url = upload(client, engagement, "signups.xlsx").url
    form = client.get(map_url).context["form"]
    client.post(map_url, {f"column_{i}": c for i, c in enumerate(form.initial_columns())})
    dry_run = ImportBatch.objects.get(dry_run=True)
    confirm_url = reverse("wagtail_spcp_importing:confirm", args=[dry_run.pk])
    first = client.post(confirm_url)
    second = client.post(confirm_url)
    batch = ImportBatch.objects.get(dry_run=False)
    assert first.url == second.url == reverse("wagtail_spcp_importing:batch", args=[batch.pk])
    assert batch.preview == dry_run
    assert Participation.objects.filter(engagement=engagement).count() == 5


def test_the_database_allows_one_import_per_preview(southwest_staff, engagement):
    preview = ImportBatch.objects.create(
        engagement=engagement, file_name="a.csv", file_sha256="0" * 64, dry_run=True
    )
    ImportBatch.objects.create(
        engagement=engagement, file_name="a.csv", file_sha256="0" * 64, preview=preview
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ImportBatch.objects.create(
            engagement=engagement, file_name="a.csv", file_sha256="0" * 64, preview=preview
        )


def test_a_stalled_import_shows_as_interrupted(client, southwest_staff, engagement, settings):
    settings.SPCP_IMPORT_STALE_MINUTES = 10
    now = timezone.now()
    stalled = ImportBatch.objects.create(
        engagement=engagement,
        file_name="killed.csv",
        file_sha256="0" * 64,
        status=ImportStatus.RUNNING,
        heartbeat_at=now - datetime.timedelta(minutes=11),
    )
    alive = ImportBatch.objects.create(
        engagement=engagement,
        file_name="alive.csv",
        file_sha256="0" * 64,
        status=ImportStatus.RUNNING,
        heartbeat_at=now - datetime.timedelta(minutes=1),
    )
    client.force_login(southwest_staff)
    progress = client.get(reverse("wagtail_spcp_importing:progress", args=[stalled.pk])).json()
    assert progress["status"] == ImportStatus.FAILED
    page = client.get(reverse("wagtail_spcp_importing:batch", args=[stalled.pk]))
    content = page.content.decode()
    assert "stopped without finishing (no progress for 10 minutes)" in content
    assert f"{reverse('wagtail_spcp_importing:upload')}?engagement={engagement.pk}" in content
    assert "<progress" not in content
    alive.refresh_from_db()
    assert alive.status == ImportStatus.RUNNING


def test_the_import_listing_marks_stalled_imports(client, southwest_staff, engagement):
    stalled = ImportBatch.objects.create(
        engagement=engagement, file_name="killed.csv", file_sha256="0" * 64
    )
    ImportBatch.objects.filter(pk=stalled.pk).update(
        status=ImportStatus.PENDING, created_at=timezone.now() - datetime.timedelta(hours=2)
    )
    client.force_login(southwest_staff)
    client.get(reverse("spcp_import_batches:index"))
    stalled.refresh_from_db()
    assert stalled.status == ImportStatus.FAILED


def test_undo_summary_shows_what_was_kept(client, southwest_staff, engagement):
    client.force_login(southwest_staff)
    batch = run_wizard(client, engagement, "signups-utf8.csv")
    person = Person.objects.filter(participations__import_batch=batch).first()
    person.organisation = "Edited by hand"
    person.save()
    response = client.post(reverse("wagtail_spcp_importing:undo", args=[batch.pk]), follow=True)
    content = response.content.decode()
    assert "except for what changed since" in content
    assert "1 person the import added was kept" in content
    assert Person.objects.filter(pk=person.pk).exists()
