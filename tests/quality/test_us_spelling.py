"""User-facing text is in U.S. English: public pages, labels of the models and the demo's data.

Python names, module names and database values (``normalise.py``, ``organisation``, the status
code ``cancelled``) are not user-facing and are not checked.
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command

import pytest

from wagtail_spcp.models import CaseStudyPage, OfficeFinderPage, ProgramIndexPage, ProgramPage

IZE_STEMS = "organ|recogn|real|priorit|summar|minim|apolog|normal|custom|author|util|standard|optim"
BRITISH = re.compile(
    rf"\b(?:(?:{IZE_STEMS})is(?:e|ed|es|ing|ation|ations)"
    r"|\w*(?:colour|neighbour|behaviour|favour|honour|labour)\w*"
    r"|centres?|programmes?|licence|catalogues?|travell(?:ed|ing|er|ers)|cancell(?:ed|ing)"
    r"|enrol|enrols|enrolment|judgement|defence|offence|grey|labell(?:ed|ing)|modell(?:ed|ing)"
    r"|analys(?:e|ed|es|ing))\b",
    re.IGNORECASE,
)
# Fixture keys whose values are stored codes (choice values, slugs), not words people read.
CODE_KEYS = {"status", "role", "stage", "origin", "kind", "sector", "delivery", "slug", "motif"}
SHOWN_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "content", "value"}


class VisibleText(HTMLParser):
    """The words of a page a visitor reads or hears: text and the attributes read aloud."""

    def __init__(self):
        super().__init__()
        self.words = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        self.words += [value for name, value in attrs if name in SHOWN_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.words.append(data)


def british_words(text: str) -> list[str]:
    return BRITISH.findall(text)


def test_the_check_finds_british_spellings():
    sample = "The Organisation's colour and behaviour; a programme at the centre, cancelled."
    assert british_words(sample) == [
        "Organisation",
        "colour",
        "behaviour",
        "programme",
        "centre",
        "cancelled",
    ]
    assert british_words("The organization's color; a program at the center, canceled.") == []


@pytest.mark.django_db
def test_public_pages_use_us_spelling(client):
    call_command("load_demo", "--no-admin", verbosity=0)
    finder = OfficeFinderPage.objects.get(locale__language_code="en").url
    programs = ProgramIndexPage.objects.get(locale__language_code="en").url
    paths = [
        "/",
        programs,
        f"{programs}?q=council",
        *(page.url for page in ProgramPage.objects.all()),
        *(page.url for page in CaseStudyPage.objects.all()),
        finder,
        f"{finder}?q=77550",
        f"{finder}?q=Galveston",
        f"{finder}?q=Nowhere",
        *(f"{finder}{slug}/" for slug in ("southwest", "northeast", "midwest")),
        "/search/?q=program",
        "/search/?q=zebra",
    ]
    found = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        text = VisibleText()
        text.feed(response.content.decode())
        words = british_words(" ".join(text.words))
        if words:
            found[path] = words
    assert not found, found


def choice_codes() -> set[str]:
    """The stored values of every choice field of the app's models."""
    return {
        str(code)
        for model in apps.get_app_config("wagtail_spcp").get_models()
        for field in model._meta.get_fields()
        for code, _ in getattr(field, "flatchoices", None) or []
    }


def fixture_strings(value, key=None, codes=frozenset()):
    """Every string a person reads in a demo fixture (not keys, choice codes or slugs)."""
    if isinstance(value, dict):
        for child_key, child in value.items():
            yield from fixture_strings(child, child_key, codes)
    elif isinstance(value, list):
        for child in value:
            yield from fixture_strings(child, key, codes)
    elif isinstance(value, str) and key not in CODE_KEYS and value not in codes:
        yield value


def test_demo_fixtures_use_us_spelling():
    fixtures = Path(settings.FIXTURE_DIRS[0])
    codes = choice_codes()
    found = {}
    for path in sorted(fixtures.glob("demo_*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts = fixture_strings(data, codes=codes)
        words = [word for text in texts for word in british_words(text)]
        if words:
            found[path.name] = words
    assert not found, found


def test_model_labels_and_choices_use_us_spelling():
    found = []
    for app_label in ("wagtail_spcp", "home"):
        for model in apps.get_app_config(app_label).get_models():
            texts = [str(model._meta.verbose_name), str(model._meta.verbose_name_plural)]
            for field in model._meta.get_fields():
                texts += [
                    str(getattr(field, "verbose_name", "")),
                    str(getattr(field, "help_text", "")),
                ]
                texts += [str(label) for _, label in getattr(field, "flatchoices", None) or []]
            found += [(model.__name__, word) for text in texts for word in british_words(text)]
    assert not found, found
