"""The Nu Html Checker (npm package vnu-jar) finds no error on any public page type."""

import json
import shutil
import subprocess
from pathlib import Path

from django.core.management import call_command

import pytest

from tests.utils import require
from wagtail_spcp.models import (
    CaseStudyPage,
    Council,
    OfficeFinderPage,
    ProgramIndexPage,
    ProgramPage,
    Survey,
)

VNU_JAR = (
    Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)


@pytest.fixture
def checker():
    java = shutil.which("java")
    require(
        bool(java) and VNU_JAR.exists(),
        "needs Java and node_modules/vnu-jar (`make assets` installs it)",
    )

    def check(paths: list[Path]) -> list[dict]:
        completed = subprocess.run(  # noqa: S603 - fixed local command
            [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *map(str, paths)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        return json.loads(completed.stderr or '{"messages": []}')["messages"]

    return check


def public_paths(language="en"):
    """The demo's public page types in ``language`` (English at "/", Spanish under "/es/")."""
    in_language = {"locale__language_code": language}
    finder = OfficeFinderPage.objects.get(**in_language).url
    programs = ProgramIndexPage.objects.get(**in_language).url
    program = ProgramPage.objects.filter(**in_language).order_by("path").first()
    return {
        "home": "/" if language == "en" else f"/{language}/",
        "program_index": programs,
        "program": program.url,
        "case_study": CaseStudyPage.objects.get(**in_language).url,
        "finder": finder,
        "finder_zip": f"{finder}?q=77550",
        "finder_ambiguous": f"{finder}?q=Galveston",
        "finder_unknown": f"{finder}?q=<b>Nowhere</b>",
        "finder_military": f"{finder}?q=AP",
        "region": f"{finder}northeast/",
        "search": f"{programs}?q=council",
    }


@pytest.mark.django_db
def test_public_page_types_have_no_html_errors(client, checker, tmp_path):
    call_command("load_demo", "--no-admin", verbosity=0)
    files = []
    paths = {
        f"{language}_{name}": path
        for language in ("en", "es")
        for name, path in public_paths(language).items()
    }
    paths["es_site_search"] = "/es/search/?q=consejo"
    # The demo survey's "after" wave is open; its "before" wave is closed.
    token = Survey.objects.get(engagement__slug="port-alder-2026").token
    paths["survey_open"] = f"/survey/{token}/after/"
    paths["survey_closed"] = f"/es/survey/{token}/before/"
    council = Council.objects.get(is_public=True)
    finder = OfficeFinderPage.objects.get(locale__language_code="en")
    paths["council"] = finder.council_url(council.engagement.office.region, council.pk)
    for name, path in paths.items():
        response = client.get(path)
        assert response.status_code == 200, path
        file = tmp_path / f"{name}.html"
        file.write_bytes(response.content)
        files.append(file)

    errors = checker(files)

    assert not errors, [
        f"{Path(message['url']).name}:{message.get('lastLine')}: {message['message']}"
        for message in errors
    ]


@pytest.mark.django_db
def test_site_search_states_have_no_html_errors(client, checker, tmp_path, monkeypatch):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from wagtail_spcp.search import views

    call_command("load_demo", "--no-admin", verbosity=0)
    SearchPromotion.objects.create(
        query=Query.get("council"),
        external_link_url="https://www.justice.gov/crs",
        external_link_text="Community Relations Service",
        description="The agency's own site.",
    )
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 1)  # pagination with a few demo pages
    paths = {
        "empty": "/search/",
        "promoted": "/search/?q=council",
        "paginated": "/search/?q=program&page=2",
        "none": "/search/?q=<b>zebra</b>",
    }
    files = []
    for name, path in paths.items():
        response = client.get(path)
        assert response.status_code == 200, path
        file = tmp_path / f"search_{name}.html"
        file.write_bytes(response.content)
        files.append(file)
    assert 'class="usa-pagination"' in files[2].read_text()

    errors = checker(files)

    assert not errors, [
        f"{Path(message['url']).name}:{message.get('lastLine')}: {message['message']}"
        for message in errors
    ]


def test_the_checker_reports_real_errors(checker, tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div></p></div>")
    assert checker([broken]), "the checker should report the mis-nested elements"
