"""Large imports run as a django-tasks task, immediately in tests (the worker: test_task_worker)."""

import pytest

from tests.utils import people_csv, sample, staff_user, start_import_wizard
from wagtail_spcp.choices import ImportStatus
from wagtail_spcp.models import ImportBatch, Participation


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
        response = start_import_wizard(client, engagement, people_csv(150))
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
    start_import_wizard(client, engagement, people_csv(10))
    assert Participation.objects.count() == 10


def test_a_task_that_dies_fails_its_batch(engagement, monkeypatch):
    from wagtail_spcp.importing import batches
    from wagtail_spcp.importing.storage import store_file
    from wagtail_spcp.importing.tasks import run_import_batch

    upload = store_file(sample("signups.xlsx"), "signups.xlsx")
    batch = batches.create_batch(upload=upload, engagement=engagement)

    read = []

    def die(data, file_name):
        read.append(file_name)
        raise MemoryError

    monkeypatch.setattr(batches, "read_table", die)
    with pytest.raises(MemoryError):
        run_import_batch.call(batch.pk)
    assert read == ["signups.xlsx"]
    batch.refresh_from_db()
    assert batch.status == ImportStatus.FAILED
    assert batch.failure_message
