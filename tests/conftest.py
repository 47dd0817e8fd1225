"""Shared fixtures: reference offices and a small engagement built on them."""

import datetime

from django.core.management import call_command
from django.utils import translation

import pytest

from wagtail_spcp.choices import EngagementStage
from wagtail_spcp.models import Engagement, Office, Person


@pytest.fixture(autouse=True)
def english():
    """Each test starts in English: a request in Spanish leaves its language active."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache; database rollbacks do not reach the cache."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def reference_offices(db):
    """The CRS headquarters, regional and field offices with the states they serve."""
    call_command("loaddata", "crs_offices", verbosity=0)
    return Office.objects.all()


@pytest.fixture
def make_engagement(reference_offices):
    """Build an engagement owned by the office with the given slug."""

    def make(slug="riverton-2026", office="southwest", **fields):
        fields.setdefault("title", f"Engagement {slug}")
        fields.setdefault("community_city", "Riverton")
        fields.setdefault("community_state", "TX")
        fields.setdefault("stage", EngagementStage.PLANNING)
        fields.setdefault("requested_on", datetime.date(2026, 3, 1))
        return Engagement.objects.create(
            slug=slug, office=Office.objects.get(slug=office), **fields
        )

    return make


@pytest.fixture
def make_person(db):
    """Build a person; pass ``region`` (None: owned by no region) or ``engagement``.

    Given an engagement, the person belongs to the engagement's region.
    """
    counter = iter(range(1, 10_000))

    def make(engagement=None, **fields):
        if engagement is not None:
            fields.setdefault("region", engagement.office.region)
        n = next(counter)
        fields.setdefault("first_name", f"Test{n}")
        fields.setdefault("last_name", "Person")
        fields.setdefault("email", f"person{n}@example.org")
        return Person.objects.create(**fields)

    return make
