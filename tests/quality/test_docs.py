"""The documentation site builds without a warning, every page in its navigation.

The build shows the screenshots ``tests/browser/test_screenshots.py`` takes from the demo. Both
modules are in the xdist group "docs" (one worker runs them, in collection order) and both
tests are transactional, which the suite runs last in collection order (``tests/conftest.py``),
so in the test command the screenshots are taken again just before this build checks them.
"""

import os
import re
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

from tests.utils import require

pytestmark = pytest.mark.xdist_group("docs")

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
CONFIG = ROOT / "mkdocs.yml"
SCREENSHOTS = DOCS / "images" / "screenshots"


def nav_pages(config: str) -> set[str]:
    """The pages mkdocs.yml's nav names (``- page.md`` or ``- Title: page.md``)."""
    return set(re.findall(r"^\s*-\s+(?:[^:\n]+:\s+)?([\w./-]+\.md)\s*$", config, flags=re.M))


def not_in_nav(config: str) -> list[str]:
    """The patterns of mkdocs.yml's ``not_in_nav`` block, comments left out."""
    block = re.search(r"^not_in_nav: \|\n((?:[ ]+.*\n)*)", config, flags=re.M)
    lines = (line.strip() for line in block.group(1).splitlines()) if block else ()
    return [line for line in lines if line and not line.startswith("#")]


def test_every_page_is_in_the_nav():
    config = CONFIG.read_text(encoding="utf-8")
    pages = {path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md")}
    left_out = {
        page
        for page in pages
        if not any(Path("/" + page).match(pattern) for pattern in not_in_nav(config))
    }
    missing = sorted(left_out - nav_pages(config))
    assert not missing, (
        f"docs pages missing from the nav in mkdocs.yml: {missing}; "
        "add each under the people it serves, or under Reference"
    )
    gone = sorted(nav_pages(config) - pages)
    assert not gone, f"mkdocs.yml's nav names pages that do not exist: {gone}"


# Transactional (it touches no database) only to run after the screenshots, as said above.
@pytest.mark.django_db(transaction=True)
def test_the_docs_build_without_warnings(tmp_path):
    require(
        bool(find_spec("mkdocs") and find_spec("material")),
        "mkdocs-material is not installed (pip install -e '.[docs]')",
    )
    require(
        any(SCREENSHOTS.glob("*.png")),
        "no screenshots in docs/images/screenshots: the browser test "
        "tests/browser/test_screenshots.py takes them (make docs runs it)",
    )
    site = tmp_path / "site"
    # Not --quiet: it hides the warnings that --strict counts, and the build passes.
    result = subprocess.run(  # noqa: S603 (a fixed command)
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", CONFIG, "-d", site],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output
    assert (site / "index.html").exists()
    shown = set(re.findall(r"images/screenshots/([\w.-]+\.png)", output + _html(site)))
    assert shown, "no page shows a screenshot"
    assert all((site / "images" / "screenshots" / name).exists() for name in shown)


def _html(site: Path) -> str:
    return "".join(path.read_text(encoding="utf-8") for path in site.rglob("*.html"))
