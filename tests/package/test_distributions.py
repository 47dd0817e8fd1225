"""The wheel and sdist: valid metadata, and every file the app needs at run time inside."""

import sys
import tarfile
import zipfile

import pytest

from .utils import REPO_DIR, run

pytestmark = [pytest.mark.package, pytest.mark.xdist_group("package")]

APP_DIR = REPO_DIR / "wagtail_spcp"
RUNTIME_FILES = ["templates", "static", "locale", "migrations", "fixtures"]


def app_files(folder: str) -> set[str]:
    """The files of the checkout's ``wagtail_spcp/<folder>``, as paths inside a wheel."""
    return {
        path.relative_to(REPO_DIR).as_posix()
        for path in (APP_DIR / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def test_twine_accepts_both(distributions):
    result = run(
        [
            sys.executable,
            "-m",
            "twine",
            "check",
            "--strict",
            distributions.wheel,
            distributions.sdist,
        ]
    )
    assert result.stdout.count("PASSED") == 2


@pytest.mark.parametrize("folder", RUNTIME_FILES)
def test_wheel_holds_every_runtime_file(distributions, folder):
    with zipfile.ZipFile(distributions.wheel) as wheel:
        names = set(wheel.namelist())
    expected = app_files(folder)
    assert expected, folder
    assert expected <= names, sorted(expected - names)


def test_wheel_holds_the_compiled_translations_and_the_offices(distributions):
    with zipfile.ZipFile(distributions.wheel) as wheel:
        names = set(wheel.namelist())
    assert "wagtail_spcp/locale/es/LC_MESSAGES/django.mo" in names
    assert "wagtail_spcp/fixtures/crs_offices.json" in names
    assert "wagtail_spcp/management/commands/spcp_load_offices.py" in names
    assert not any(name.startswith(("tests/", "site/", "bench/")) for name in names)


def test_wheel_metadata_names_the_supported_versions(distributions):
    with zipfile.ZipFile(distributions.wheel) as wheel:
        (metadata,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
        text = wheel.read(metadata).decode()
    assert "Requires-Dist: Django<6.0,>=5.2" in text
    assert "Requires-Dist: wagtail<8.1,>=8.0" in text
    assert "Classifier: Framework :: Wagtail :: 8" in text


def test_both_carry_the_license(distributions):
    """The BSD-3-Clause text, as pyproject.toml's ``license`` names it."""
    with zipfile.ZipFile(distributions.wheel) as wheel:
        names = wheel.namelist()
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        text = wheel.read(metadata).decode()
        (license_file,) = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
        assert wheel.read(license_file) == (REPO_DIR / "LICENSE").read_bytes()
    assert "License-Expression: BSD-3-Clause" in text
    assert "License-File: LICENSE" in text
    with tarfile.open(distributions.sdist) as sdist:
        (member,) = [m for m in sdist.getmembers() if m.name.split("/", 1)[-1] == "LICENSE"]
        assert sdist.extractfile(member).read() == (REPO_DIR / "LICENSE").read_bytes()
    assert "BSD 3-Clause License" in (REPO_DIR / "LICENSE").read_text(encoding="utf-8")


def test_sdist_holds_the_app_and_its_changelog(distributions):
    with tarfile.open(distributions.sdist) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for folder in RUNTIME_FILES:
        expected = app_files(folder)
        assert expected <= names, sorted(expected - names)
    assert {"CHANGELOG.md", "LICENSE", "README.md", "pyproject.toml"} <= names


def test_the_demo_extra_leaves_out_the_test_toolchain(distributions):
    """``make demo`` installs the ``demo`` extra: no test runner, browser driver or server."""
    with zipfile.ZipFile(distributions.wheel) as wheel:
        (metadata,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
        text = wheel.read(metadata).decode()
    demo = [
        line.split(":", 1)[1].split(";")[0].strip().lower()
        for line in text.splitlines()
        if line.startswith("Requires-Dist:") and 'extra == "demo"' in line
    ]
    assert demo
    for name in ["pytest", "playwright", "axe", "ruff", "gunicorn", "build", "twine", "nox"]:
        assert not any(requirement.startswith(name) for requirement in demo), name
