"""Two imports into one region at the same time (PostgreSQL; SQLite writes one
transaction at a time anyway).

Kept apart from the modules that share data through ``shared_db``: the imports run in
threads with their own connections, so they need committed rows.
"""

import threading

from django.core.management import call_command
from django.db import connection, connections
from django.db.models import Count
from django.db.models.functions import Lower

import pytest

from wagtail_spcp.choices import ImportStatus
from wagtail_spcp.importing import pipeline
from wagtail_spcp.importing.batches import import_file
from wagtail_spcp.models import Engagement, ImportBatch, Office, Participation, Person


def engagement_at(slug, office):
    return Engagement.objects.create(
        slug=slug,
        title=f"Engagement {slug}",
        office=Office.objects.get(slug=office),
        community_city="Riverton",
        community_state="TX",
    )


def overlapping_sheets():
    """Two sign-up sheets sharing people by email, and others by name and phone only."""
    header = "First name,Last name,Email,Phone\n"

    def rows(numbers):
        lines = []
        for n in numbers:
            if n % 2:
                lines.append(f"Email{n},Person,email{n}@example.org,\n")
            else:
                lines.append(f"Phone{n},Person,,512-555-{n:04d}\n")
        return "".join(lines)

    first = header + rows(range(0, 60))
    second = header + rows(range(30, 90))
    return first.encode(), second.encode()


class MeetAfterMatching:
    """Hold each import after it matched people, until the other has matched too.

    Without serialization both imports match before either writes, and both create the
    shared people. With it, the second cannot match until the first commits, so the wait
    runs out and the first goes on alone.
    """

    def __init__(self, monkeypatch):
        self.barrier = threading.Barrier(2, timeout=5)
        original = pipeline.match_existing

        def match_then_meet(*args, **kwargs):
            matches = original(*args, **kwargs)
            try:
                self.barrier.wait()
            except threading.BrokenBarrierError:
                pass
            return matches

        monkeypatch.setattr(pipeline, "match_existing", match_then_meet)


@pytest.mark.django_db(transaction=True)
def test_concurrent_overlapping_imports_leave_no_duplicates(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one transaction write at a time; concurrency is PostgreSQL's")
    call_command("loaddata", "crs_offices", verbosity=0)
    engagement = engagement_at("riverton-2026", "southwest")
    other = engagement_at("houston-2026", "houston")  # the same region
    sheets = overlapping_sheets()
    MeetAfterMatching(monkeypatch)
    outcomes = {}

    def run(name, data, into):
        try:
            outcomes[name] = import_file(data, name, engagement=into)
        except Exception as error:  # noqa: BLE001 (reported by the assertion below)
            outcomes[name] = error
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=("first.csv", sheets[0], engagement)),
        threading.Thread(target=run, args=("second.csv", sheets[1], other)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert all(isinstance(o, ImportBatch) for o in outcomes.values()), outcomes
    assert {o.status for o in outcomes.values()} == {ImportStatus.COMPLETED}
    assert Person.objects.count() == 90
    by_email = (
        Person.objects.exclude(email="")
        .values(key=Lower("email"))
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
    )
    by_phone = (
        Person.objects.exclude(phone="")
        .values("first_name", "last_name", "phone")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
    )
    assert list(by_email) == []
    assert list(by_phone) == []
    assert Participation.objects.filter(engagement=engagement).count() == 60
    assert Participation.objects.filter(engagement=other).count() == 60
