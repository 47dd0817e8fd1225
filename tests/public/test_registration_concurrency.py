"""Eight people register at the same moment for a day with three places (PostgreSQL).

Kept apart from modules that share data in one transaction: each sign-up runs in its own
thread and connection, so the rows must be committed.
"""

import datetime
import threading

from django.core.management import call_command
from django.db import connection, connections
from django.db.models import Count
from django.utils import timezone

import pytest

from wagtail_spcp.choices import ParticipationStatus
from wagtail_spcp.models import Engagement, EventRegistration, Office, Participation, Person
from wagtail_spcp.public_forms import signups

PEOPLE = 8
CAPACITY = 3


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite lets one transaction write at a time; concurrency is PostgreSQL's",
)
def test_concurrent_sign_ups_fill_the_places_and_waitlist_the_rest(transactional_db):
    call_command("loaddata", "crs_offices", verbosity=0)
    now = timezone.now()
    event = EventRegistration.objects.create(
        engagement=Engagement.objects.create(
            slug="rush-2026",
            title="Rush",
            office=Office.objects.get(slug="southwest"),
            community_city="Riverton",
            community_state="TX",
        ),
        public_title="Riverton program day",
        location="Riverton Civic Center",
        starts_at=now + datetime.timedelta(days=7),
        ends_at=now + datetime.timedelta(days=7, hours=6),
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=6),
        capacity=CAPACITY,
    )
    start = threading.Barrier(PEOPLE, timeout=10)
    outcomes = {}

    def sign_up(n):
        values = {
            "first_name": f"Person{n}",
            "last_name": "Rush",
            "email": f"rush{n}@example.org",
            "phone": "",
            "organisation": "",
            "consent_to_contact": True,
        }
        try:
            start.wait()
            outcomes[n] = signups.register(event, values).status
        except Exception as error:  # noqa: BLE001 (reported by the assertion below)
            outcomes[n] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes.values()) == sorted(
        [ParticipationStatus.REGISTERED] * CAPACITY
        + [ParticipationStatus.WAITLISTED] * (PEOPLE - CAPACITY)
    ), outcomes
    participations = Participation.objects.filter(engagement=event.engagement)
    assert participations.filter(status=ParticipationStatus.REGISTERED).count() == CAPACITY
    assert participations.filter(status=ParticipationStatus.WAITLISTED).count() == PEOPLE - CAPACITY
    assert event.registrations.count() == PEOPLE
    assert Person.objects.filter(last_name="Rush").count() == PEOPLE
    assert not participations.values("person").annotate(n=Count("pk")).filter(n__gt=1).exists()
    assert event.waitlisted().count() == PEOPLE - CAPACITY
