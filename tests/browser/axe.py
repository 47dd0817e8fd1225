"""axe-core in the browser tests: WCAG 2.1 A and AA, checked once transitions have ended."""

import pytest
from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Only violations come back: axe skips collecting every passing node, which halves its run.
OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
AXE = Axe()


def violations(page) -> list[str]:
    """Each WCAG 2.1 AA violation on ``page``: rule, help and the first node it names."""
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} nodes, e.g. "
        f"{violation['nodes'][0]['target']}: {violation['nodes'][0]['html'][:200]})"
        for violation in AXE.run(page, options=OPTIONS).response["violations"]
    ]


def assert_accessible(page, screen):
    """No WCAG 2.1 AA violation on ``page`` once its transitions have ended; ``screen`` names
    it in the failure."""
    # Colors are checked once Wagtail's transitions (message banner, buttons) have ended.
    page.wait_for_function(
        "document.getAnimations().every(animation => animation.playState !== 'running'"
        " || animation.effect.getTiming().iterations === Infinity)"
    )
    found = violations(page)
    assert not found, (screen, found)


@pytest.fixture
def axe_check(page):
    """``check(screen)`` notes the violations on the page now; the test fails at its end if
    any screen had some, listing them all."""
    failures = {}

    def check(screen):
        if found := violations(page):
            failures[screen] = found

    yield check
    assert not failures, failures
