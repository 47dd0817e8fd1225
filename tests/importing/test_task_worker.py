"""A large import queued on the database worker, in real transactions (PostgreSQL only).

Kept apart from the modules that share data through ``shared_db``: a live worker needs
committed rows, not a module-long transaction.
"""

from django.core.management import call_command
from django.db import connection
from django.urls import reverse

import pytest

from tests.utils import people_csv, staff_user, start_import_wizard
from wagtail_spcp.choices import ImportStatus
from wagtail_spcp.models import Engagement, ImportBatch, Office, Participation


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_database_worker_runs_the_import(client, django_user_model, settings):
    call_command("loaddata", "crs_offices", verbosity=0)
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
    response = start_import_wizard(client, engagement, people_csv(300))
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
