"""A missing tool skips its tests on a developer's machine and fails them under CI."""

import pytest

from tests.utils import require


def test_missing_tool_fails_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        require(False, "needs a tool")


def test_missing_tool_skips_elsewhere(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="needs a tool"):
        require(False, "needs a tool")


@pytest.mark.parametrize("ci", ["true", ""])
def test_present_tool_runs(monkeypatch, ci):
    monkeypatch.setenv("CI", ci)
    assert require(True, "needs a tool") is None
