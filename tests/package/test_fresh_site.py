"""Install the wheel into a brand-new Wagtail project, as the README tells an adopter to.

The project is made by ``wagtail start`` in a temporary folder; the settings, URLs and
commands are read from the README's "Adding the app to an existing Wagtail site" section,
so the README says exactly what this test does. The project's virtual environment sees
this test environment's packages through a ``.pth`` line (``--system-site-packages`` would
expose the base interpreter's, not this environment's), and the wheel goes in with
``--no-deps --no-index``: nothing is downloaded.
"""

import json
import os
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from .utils import REPO_DIR, run

pytestmark = [pytest.mark.package, pytest.mark.xdist_group("package")]

SECTION = "## Adding the app to an existing Wagtail site"
PROJECT = "agencysite"
WAGTAIL_CLI = "import sys; from wagtail.bin.wagtail import main; sys.argv[0] = 'wagtail'; main()"

# Run inside the new project's environment: what a visitor and a staff member get back.
PROBE = """
import json

import django

django.setup()

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

import wagtail_spcp

client = Client()
lookup = client.get("/api/spcp/offices/lookup", {"q": "77550"})
unknown = client.get("/api/spcp/offices/lookup", {"q": "zzzz"})
staff = get_user_model().objects.create_superuser("probe", "probe@example.org", "probe-pass")
client.force_login(staff)
admin_urls = [
    reverse("wagtailadmin_home"),
    reverse("wagtailsnippets_wagtail_spcp_office:list"),
    reverse("wagtailsnippets_wagtail_spcp_region:list"),
]
admin = {url: client.get(url) for url in admin_urls}
print(json.dumps({
    "app_file": wagtail_spcp.__file__,
    "lookup": [lookup.status_code, lookup.json()],
    "unknown": unknown.status_code,
    "admin": {url: [r.status_code, r.content.decode()] for url, r in admin.items()},
}))
"""


def readme_steps() -> dict[str, list[str]]:
    """The README section's code blocks, by language, in order."""
    readme = (REPO_DIR / "README.md").read_text(encoding="utf-8")
    section = readme.split(SECTION, 1)[1].split("\n## ", 1)[0]
    blocks: dict[str, list[str]] = {}
    for language, body in re.findall(r"```(\w+)\n(.*?)```", section, flags=re.S):
        blocks.setdefault(language, []).append(body)
    return blocks


def new_environment(folder: Path) -> Path:
    """A virtual environment that sees this environment's packages; returns its python."""
    run([sys.executable, "-m", "venv", "--without-pip", str(folder)])
    python = folder / "bin" / "python"
    site_packages = run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
    ).stdout.strip()
    # A plain path line: this environment's own .pth files (its editable install of the
    # app from the checkout among them) are not run, so only the wheel provides the app.
    Path(site_packages, "_test_environment.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    return python


@pytest.fixture(scope="module")
def fresh_site(distributions, tmp_path_factory):
    """A ``wagtail start`` project with the wheel installed as the README says."""
    steps = readme_steps()
    install, commands = steps["sh"][0], steps["sh"][1]
    settings_code, urls_code = steps["python"]
    assert install.split("#")[0].split() == ["pip", "install", "wagtail-spcp"]

    root = tmp_path_factory.mktemp("fresh-site")
    python = new_environment(root / "venv")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "DJANGO_SETTINGS_MODULE", "DATABASE_URL", "VIRTUAL_ENV"}
    }
    env["PATH"] = f"{python.parent}{os.pathsep}{env.get('PATH', '')}"
    pip = [python, "-m", "pip", "--disable-pip-version-check"]
    run(
        [
            *pip,
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--ignore-installed",
            distributions.wheel,
        ],
        env=env,
    )
    project = root / "project"
    project.mkdir()
    # `wagtail start NAME DEST`, through the CLI's entry point in the new environment.
    run([python, "-c", WAGTAIL_CLI, "start", PROJECT, str(project)], env=env)
    with open(project / PROJECT / "settings" / "base.py", "a", encoding="utf-8") as settings:
        settings.write("\n" + settings_code)
    with open(project / PROJECT / "urls.py", "a", encoding="utf-8") as urls:
        urls.write("\n" + urls_code)

    env["DJANGO_SETTINGS_MODULE"] = f"{PROJECT}.settings.dev"
    outputs = {}
    for line in commands.splitlines():
        args = line.split("#")[0].split()
        if not args:
            continue
        assert args[:2] == ["python", "manage.py"], line
        outputs[args[2]] = run([python, *args[1:]], cwd=project, env=env).stdout
    run([python, "manage.py", "check", "--fail-level", "ERROR"], cwd=project, env=env)
    probe = run([python, "-c", PROBE], cwd=project, env=env)
    return {
        "root": root,
        "project": project,
        "python": python,
        "env": env,
        "outputs": outputs,
        "probe": json.loads(probe.stdout.strip().splitlines()[-1]),
    }


def test_the_app_comes_from_the_wheel(fresh_site):
    app_file = Path(fresh_site["probe"]["app_file"])
    assert app_file.is_relative_to(fresh_site["root"] / "venv")
    assert not app_file.is_relative_to(REPO_DIR)


def test_the_reference_offices_load_with_one_command(fresh_site):
    assert fresh_site["outputs"]["spcp_load_offices"].strip() == "loaded=81"
    again = run(
        [fresh_site["python"], "manage.py", "spcp_load_offices"],
        cwd=fresh_site["project"],
        env=fresh_site["env"],
    )
    assert again.stdout.strip() == "loaded=0"


def test_the_finder_api_answers(fresh_site):
    status, body = fresh_site["probe"]["lookup"]
    assert status == 200
    assert body["state"]["code"] == "TX"
    assert body["region"]["name"] == "Southwest"
    assert body["regional_office"]["name"] == "Southwest Regional Office"
    assert fresh_site["probe"]["unknown"] == 404


def test_staff_reach_the_admin_and_its_offices(fresh_site):
    for url, (status, html) in fresh_site["probe"]["admin"].items():
        assert status == 200, url
        assert "gravatar" not in html.lower(), url
    offices = fresh_site["probe"]["admin"]["/admin/snippets/wagtail_spcp/office/"][1]
    assert "Southwest Regional Office" in offices


def test_loaddata_finds_the_fixture_in_the_app(fresh_site):
    """``loaddata crs_offices`` reads the app's own fixture: loading it again is harmless."""
    result = subprocess.run(  # noqa: S603
        [fresh_site["python"], "manage.py", "loaddata", "crs_offices"],
        cwd=fresh_site["project"],
        env=fresh_site["env"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Installed 81 object(s) from 1 fixture(s)" in result.stdout


def test_migrations_are_complete_and_reversible(fresh_site):
    """The wheel's migrations match its models, unapply to zero and apply again."""
    manage = [fresh_site["python"], "manage.py"]
    where = {"cwd": fresh_site["project"], "env": fresh_site["env"]}
    run([*manage, "makemigrations", "wagtail_spcp", "--check", "--dry-run"], **where)
    run([*manage, "migrate", "wagtail_spcp", "zero", "-v", "0"], **where)
    run([*manage, "migrate", "-v", "0"], **where)
    # Leave the site as the other tests found it, whatever order they run in.
    assert run([*manage, "spcp_load_offices"], **where).stdout.strip() == "loaded=81"
