"""Real-browser fixtures: Debian's Chromium driven by Playwright against a live test server."""

import os
import shutil
import sqlite3
import time

import pytest

from tests.browser.axe import axe_check  # noqa: F401 (a fixture for every browser test)
from tests.utils import require

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# between browser steps are ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("SPCP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    require(
        bool(shutil.which(CHROMIUM)),
        f"Chromium not found at {CHROMIUM}; `make test` installs Debian's chromium",
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def restore_wagtail_initial_data():
    """Recreate what Wagtail's initial migrations make (locale, root page, default site, root
    collection).

    Live-server tests run in real transactions and the database is flushed after each
    one, which removes that data too.
    """
    from wagtail.models import Collection, Locale, Page, Site

    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    if Site.objects.filter(is_default_site=True).exists():
        return
    locale, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    welcome = root.add_child(instance=Page(title="Welcome", slug="home", locale=locale))
    Site.objects.create(hostname="localhost", root_page=welcome, is_default_site=True)


def in_memory_sqlite(connection) -> bool:
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


# The demo's database as first loaded in this process, when the tests run on in-memory SQLite:
# copying it back with SQLite's backup API takes milliseconds, loading the demo takes seconds.
# The demo's images stay in the in-memory file storage, which lives as long as the process.
DEMO_SNAPSHOT = {}


def restore(snapshot, database, attempts=100):
    """Copy ``snapshot`` over ``database``, once the live server has finished a request that
    the previous test's browser left in flight (SQLite: "destination database is in use")."""
    for _attempt in range(attempts - 1):
        try:
            snapshot.backup(database)
            return
        except sqlite3.OperationalError as error:
            if "in use" not in str(error):
                raise
            time.sleep(0.05)
    snapshot.backup(database)


@pytest.fixture
def demo_site(transactional_db):
    """The demo's pages, offices and sample engagement, loaded into the live server's database."""
    from django.core.management import call_command
    from django.db import connection

    connection.ensure_connection()
    if in_memory_sqlite(connection) and "demo" in DEMO_SNAPSHOT:
        restore(DEMO_SNAPSHOT["demo"], connection.connection)
        return
    restore_wagtail_initial_data()
    call_command("load_demo", "--no-admin", verbosity=0)
    if in_memory_sqlite(connection):
        snapshot = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(snapshot)
        DEMO_SNAPSHOT["demo"] = snapshot


@pytest.fixture
def editor_login(page, live_server, django_user_model):
    """Log a superuser into the Wagtail admin: through the login form, or (``form=False``)
    with a session cookie, which spares the flows that only need to be signed in two pages."""
    from django.conf import settings
    from django.test import Client

    def login(username="editor", password="a-long-test-password", form=True):
        user = django_user_model.objects.filter(username=username).first()
        if user is None:
            user = django_user_model.objects.create_superuser(
                username, f"{username}@example.org", password
            )
        if not form:
            client = Client()
            client.force_login(user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
            page.context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
            )
            return page
        page.goto("/admin/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/admin/")
        return page

    return login
