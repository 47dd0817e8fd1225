"""The documentation site builds without a warning, every page in its navigation.

This build stands a placeholder in for each screenshot, so it needs no browser and runs in any
order. ``tests/browser/test_screenshots.py`` takes the real screenshots from the demo and then
builds the site again with them.
"""

import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from tests.docs_site import CONFIG, DOCS, build_docs, documented_screenshots


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


def docs_with_placeholders(tmp_path) -> Path:
    """A copy of docs/ with a one-pixel placeholder for each screenshot a page shows."""
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns("screenshots"))
    screenshots = docs / "images" / "screenshots"
    screenshots.mkdir(parents=True, exist_ok=True)
    for name in documented_screenshots():
        Image.new("RGB", (1, 1), "white").save(screenshots / name)
    return docs


def test_the_docs_build_without_warnings(tmp_path):
    build_docs(tmp_path / "site", docs_dir=docs_with_placeholders(tmp_path))

    html = (tmp_path / "site" / "guides" / "web-editors" / "index.html").read_text()
    assert "images/screenshots/program-1280.png" in html
    assert "0.1.0" in (tmp_path / "site" / "changelog" / "index.html").read_text()


def test_a_page_left_out_of_the_nav_fails_the_build(tmp_path):
    docs = docs_with_placeholders(tmp_path)
    (docs / "orphan.md").write_text("# Orphan\n", encoding="utf-8")
    with pytest.raises(AssertionError, match=r"not included in the \"nav\"[^-]*- orphan\.md"):
        build_docs(tmp_path / "site", docs_dir=docs)
