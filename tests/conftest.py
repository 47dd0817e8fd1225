"""Shared fixtures: reference offices and a small engagement built on them.

Data that many tests read is built once per test module, as Django's ``setUpTestData`` does for
a class: module-scoped fixtures build it inside ``shared_db``'s transaction, each test runs in a
savepoint inside that transaction (rolled back after the test), and function-scoped fixtures hand
each test its own deep copy of the Python objects.
"""

import datetime

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS
from django.test import TestCase
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


class ModuleTransaction(TestCase):
    """Lends ``TestCase``'s class-level atomics to ``shared_db`` (never run as a test case)."""

    databases = {DEFAULT_DB_ALIAS}


# Where ``shared_db`` leaves pytest-django's database blocker for the set-up hook below.
SHARED_DB_BLOCKER = pytest.StashKey()


@pytest.fixture(scope="module")
def shared_db(request, django_db_setup, django_db_blocker):
    """A transaction around one test module, rolled back when the module's tests are done.

    Module-scoped fixtures that depend on it build their data inside it, with database access
    during their set-up only; each test's own ``db`` transaction is a savepoint within it.
    """
    request.config.stash[SHARED_DB_BLOCKER] = django_db_blocker
    with django_db_blocker.unblock():
        atomics = ModuleTransaction._enter_atomics()
    yield
    with django_db_blocker.unblock():
        ModuleTransaction._rollback_atomics(atomics)


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    """Give module-scoped fixtures built on ``shared_db`` database access while they run."""
    blocker = request.config.stash.get(SHARED_DB_BLOCKER, None)
    if (
        blocker is not None
        and fixturedef.scope == "module"
        and fixturedef.argname != "shared_db"
        and "shared_db" in request.fixturenames
    ):
        with blocker.unblock():
            return (yield)
    return (yield)


def transactional(item) -> bool:
    names = set(getattr(item, "fixturenames", ()))
    marker = item.get_closest_marker("django_db")
    return bool(
        names & {"transactional_db", "live_server"} or (marker and marker.kwargs.get("transaction"))
    )


def pytest_collection_modifyitems(items):
    """Tests that use data shared by their module run in a savepoint of the module's transaction.

    A module's transaction stays open until its last test, so a module that shares data may not
    also hold transactional (live-server, ``transaction=True``) tests.
    """
    sharing = {item.module for item in items if "shared_db" in getattr(item, "fixturenames", ())}
    for item in items:
        if getattr(item, "module", None) not in sharing:
            continue
        if transactional(item):
            raise pytest.UsageError(
                f"{item.nodeid}: transactional tests belong in a module without shared_db data"
            )
        if "shared_db" in item.fixturenames:
            item.add_marker(pytest.mark.django_db)
    # Transactional tests flush the database (Wagtail's root page and site with it): run
    # them last, as pytest-django does, now that the shared-data tests carry their marker.
    items[:] = sorted(items, key=transactional)


@pytest.fixture(scope="session")
def django_user_model():
    """The user model, without asking for database access (module-scoped fixtures use it)."""
    from django.contrib.auth import get_user_model

    return get_user_model()


@pytest.fixture(scope="module")
def reference_offices(shared_db):
    """The CRS headquarters, regional and field offices with the states they serve."""
    call_command("loaddata", "crs_offices", verbosity=0)
    return Office.objects.all()


@pytest.fixture(scope="module")
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


@pytest.fixture(scope="module")
def make_person(shared_db):
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
