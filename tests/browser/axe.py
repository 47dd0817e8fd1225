"""axe-core in the browser tests: WCAG 2.1 A and AA, checked once transitions have ended."""

from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def assert_accessible(page, screen):
    """No WCAG 2.1 AA violation on ``page``; ``screen`` names it in the failure."""
    # Colors are checked once Wagtail's transitions (message banner, buttons) have ended.
    page.wait_for_function(
        "document.getAnimations().every(animation => animation.playState !== 'running'"
        " || animation.effect.getTiming().iterations === Infinity)"
    )
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    violations = [
        (violation["id"], [node["html"][:200] for node in violation["nodes"]])
        for violation in result.response["violations"]
    ]
    assert not violations, (screen, violations)
