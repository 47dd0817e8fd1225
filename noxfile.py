"""The support matrix: the test suite on each Python x Django x Wagtail combination.

``nox`` runs every session; one whose Python is not on the machine is skipped with a message
(``error_on_missing_interpreters`` is off). Each session installs the app with its ``dev``
extra, then the Django and Wagtail of its row, and runs Django's checks, the migrations
check and the suite (browser and package tests left out; pass pytest arguments after ``--``)
with Django's deprecation warnings for the next two releases as errors. SQLite for every
row; PostgreSQL for the oldest and the newest, on ``PG_TEST_URL``. A row that passes here is
what lets the dependency bounds and the README's compatibility table name it
(docs/versioning.md).

    nox                      # every session
    nox -s "sqlite(python='3.11', django='5.2', wagtail='8.0')"
    nox -l                   # list the sessions
"""

import os

import nox

nox.options.error_on_missing_interpreters = False
nox.options.reuse_existing_virtualenvs = True
nox.options.default_venv_backend = "venv"
# Only interpreters already on the machine: a session never downloads a Python build.
nox.options.download_python = "never"

# (Python, Django, Wagtail): oldest first, newest last.
MATRIX = [
    ("3.11", "5.2", "8.0"),
    ("3.12", "6.0", "8.0"),
    ("3.13", "6.0", "8.0"),
    ("3.12", "6.1", "8.0"),
    ("3.13", "6.1", "8.0"),
]
POSTGRES_MATRIX = [MATRIX[0], MATRIX[-1]]
PG_TEST_URL = os.environ.get("PG_TEST_URL", "postgres://postgres@127.0.0.1:5432/test")

# Aliases every Django release defines for the warnings of its next two releases.
DEPRECATIONS_AS_ERRORS = [
    "-W",
    "error::django.utils.deprecation.RemovedInNextVersionWarning",
    "-W",
    "error::django.utils.deprecation.RemovedAfterNextVersionWarning",
]
DEFAULT_PYTEST_ARGS = ["-q", "-n", "auto", "-m", "not browser and not package"]


def run_suite(session: nox.Session, django: str, wagtail: str, database_url: str) -> None:
    session.install("-e", ".[dev]")
    session.install(f"Django~={django}.0", f"wagtail~={wagtail}.0")
    session.run(
        "python", "-c", "import django, wagtail; print(django.get_version(), wagtail.__version__)"
    )
    # Django's checks and the migrations check read no data: SQLite in memory for every row.
    checks_env = {"DATABASE_URL": "sqlite:///:memory:", "PYTHONWARNINGS": ""}
    session.run("python", "site/manage.py", "check", env=checks_env)
    session.run(
        "python",
        "site/manage.py",
        "makemigrations",
        "--check",
        "--dry-run",
        "--noinput",
        env=checks_env,
    )
    env = {"DATABASE_URL": database_url, "PYTHONWARNINGS": ""}
    session.run(
        "pytest", *DEPRECATIONS_AS_ERRORS, *(session.posargs or DEFAULT_PYTEST_ARGS), env=env
    )


@nox.session
@nox.parametrize("python,django,wagtail", MATRIX)
def sqlite(session: nox.Session, django: str, wagtail: str) -> None:
    """The suite on SQLite (in memory)."""
    run_suite(session, django, wagtail, "sqlite:///:memory:")


@nox.session
@nox.parametrize("python,django,wagtail", POSTGRES_MATRIX)
def postgres(session: nox.Session, django: str, wagtail: str) -> None:
    """The suite on PostgreSQL (``PG_TEST_URL``; the tests use a ``test_``-prefixed database)."""
    run_suite(session, django, wagtail, PG_TEST_URL)
