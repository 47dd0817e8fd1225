"""Helpers shared by the test modules (never import one test module from another)."""

import os

import pytest


def running_in_ci() -> bool:
    """Whether the suite runs under CI (``CI=true``), where every test must really run."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require(available: bool, reason: str) -> None:
    """Skip the calling test when a tool it needs is missing, except under CI: fail there.

    A green CI run must mean that browser, HTML-checker and database tests ran, not that
    they were skipped because something was not installed.
    """
    if available:
        return
    if running_in_ci():
        pytest.fail(f"{reason} (CI=true: a missing tool fails the run)", pytrace=False)
    pytest.skip(reason, allow_module_level=True)
