"""Building the documentation site (mkdocs.yml) strictly, for the docs and screenshot tests."""

import os
import re
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

from tests.utils import require

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CONFIG = ROOT / "mkdocs.yml"
SCREENSHOTS = DOCS / "images" / "screenshots"
SCREENSHOT_LINK = re.compile(r"images/screenshots/([\w.-]+\.png)")


def documented_screenshots() -> set[str]:
    """The file names of every screenshot the docs pages show."""
    return {
        name
        for path in DOCS.rglob("*.md")
        for name in SCREENSHOT_LINK.findall(path.read_text(encoding="utf-8"))
    }


def build_docs(site: Path, docs_dir: Path = DOCS) -> str:
    """``mkdocs build --strict`` of ``docs_dir`` into ``site``; fails the test on any warning.

    Skips without mkdocs-material, except under CI, where a missing tool fails.
    """
    require(
        bool(find_spec("mkdocs") and find_spec("material")),
        "mkdocs-material is not installed (pip install -e '.[docs]')",
    )
    config = CONFIG
    if docs_dir != DOCS:
        config = site.parent / "mkdocs.yml"
        text = CONFIG.read_text(encoding="utf-8")
        config.write_text(
            re.sub(r"^docs_dir: .*$", f"docs_dir: {docs_dir}", text, count=1, flags=re.M),
            encoding="utf-8",
        )
    # Not --quiet: it hides the warnings that --strict counts, and the build passes.
    result = subprocess.run(  # noqa: S603 (a fixed command)
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", site],
        capture_output=True,
        text=True,
        cwd=ROOT,  # the changelog page includes CHANGELOG.md from here
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output
    assert (site / "index.html").exists()
    return output
