"""Large imports run as a django-tasks task: immediately in tests, and on a database worker."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

import pytest

from wagtail_spcp.choices import ImportStatus
from wagtail_spcp.models import ImportBatch, Participation

from .test_admin import staff_user


def sheet(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["First name", "Last name", "Email"])
    for n in range(rows):
        writer.writerow([f"Person{n}", "Large", f"large{n}@example.org"])
    return buffer.getvalue().encode()


def start_wizard(client, engagement, data):
    map_url = client.post(
        reverse("wagtail_spcp_importing:upload"),
        {
            "engagement": engagement.pk,
            "file": SimpleUploadedFile("large.csv", data),
            "duplicate_policy": "update",
        },
    ).url
    client.post(map_url, {"column_0": "first_name", "column_1": "last_name", "column_2": "email"})
    dry_run = ImportBatch.objects.get(dry_run=True)
    return client.post(reverse("wagtail_spcp_importing:confirm", args=[dry_run.pk]))


def test_large_file_runs_as_a_task(
    client,
    django_user_model,
    reference_offices,
    engagement,
    settings,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    from wagtail_spcp.importing import tasks

    real = tasks.run_import_batch
    enqueued = []

    class Spy:
        def enqueue(self, *args):
            enqueued.append(args)
            return real.enqueue(*args)

    monkeypatch.setattr(tasks, "run_import_batch", Spy())
    settings.SPCP_IMPORT_TASK_ROWS = 100
    user = staff_user(django_user_model, "sw", "southwest")
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = start_wizard(client, engagement, sheet(150))
    batch = ImportBatch.objects.get(dry_run=False)
    assert enqueued == [(batch.pk,)]  # a JSON argument: the batch id
    batch.refresh_from_db()
    assert batch.status == ImportStatus.COMPLETED
    assert batch.new_count == 150
    assert batch.progress_percent == 100
    assert client.get(response.url).status_code == 200


def test_small_file_runs_in_the_request(
    client, django_user_model, reference_offices, engagement, monkeypatch
):
    from wagtail_spcp.importing import tasks

    class Refuse:
        def enqueue(self, *args):
            raise AssertionError("a small import must not be queued")

    monkeypatch.setattr(tasks, "run_import_batch", Refuse())
    user = staff_user(django_user_model, "sw", "southwest")
    client.force_login(user)
    start_wizard(client, engagement, sheet(10))
    assert Participation.objects.count() == 10


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_database_worker_runs_the_import(client, django_user_model, reference_offices, settings):
    from wagtail_spcp.models import Engagement, Office

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.SPCP_IMPORT_TASK_ROWS = 100
    engagement = Engagement.objects.create(
        slug="worker-2026",
        title="Worker",
        office=Office.objects.get(slug="southwest"),
        community_city="Riverton",
        community_state="TX",
    )
    user = staff_user(django_user_model, "sw", "southwest")
    client.force_login(user)
    response = start_wizard(client, engagement, sheet(300))
    batch = ImportBatch.objects.get(dry_run=False)
    assert batch.status == ImportStatus.PENDING
    page = client.get(response.url).content.decode()
    assert "<progress" in page
    assert 'http-equiv="refresh"' in page

    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)

    batch.refresh_from_db()
    assert batch.status == ImportStatus.COMPLETED
    assert batch.new_count == 300
    assert Participation.objects.filter(engagement=engagement).count() == 300
    progress = client.get(reverse("wagtail_spcp_importing:progress", args=[batch.pk])).json()
    assert progress == {"status": "completed", "percent": 100, "processed": 300, "total": 300}


def test_a_task_that_dies_fails_its_batch(engagement, monkeypatch):
    from wagtail_spcp.importing import batches
    from wagtail_spcp.importing.storage import store_file
    from wagtail_spcp.importing.tasks import run_import_batch

    from .conftest import sample

    upload = store_file(sample("signups.xlsx"), "signups.xlsx")
    batch = batches.create_batch(upload=upload, engagement=engagement)

    def die(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(batches, "error_workbook", die)
    monkeypatch.setattr(batches, "read_table", die)
    with pytest.raises(MemoryError):
        run_import_batch.call(batch.pk)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.FAILED
    assert batch.failure_message
