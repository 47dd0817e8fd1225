"""The wheel and sdist, built once per test session from this checkout's sources.

The sources are copied to a temporary folder first, so a build never writes into the
checkout (``build/``, ``*.egg-info``) while other tests run. ``--no-isolation`` builds with
the setuptools of the test environment (the ``dev`` extra), so nothing is downloaded.
"""

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from .utils import REPO_DIR, run

SOURCES = ["pyproject.toml", "setup.cfg", "MANIFEST.in", "LICENSE", "README.md", "CHANGELOG.md"]


@dataclass(frozen=True)
class Distributions:
    wheel: Path
    sdist: Path


@pytest.fixture(scope="session")
def distributions(tmp_path_factory) -> Distributions:
    """Build the sdist and the wheel (from the sdist, as ``python -m build`` does)."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        shutil.copy2(REPO_DIR / name, source / name)
    shutil.copytree(
        REPO_DIR / "wagtail_spcp",
        source / "wagtail_spcp",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    outdir = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(outdir), str(source)])
    (wheel,) = outdir.glob("*.whl")
    (sdist,) = outdir.glob("*.tar.gz")
    return Distributions(wheel=wheel, sdist=sdist)
