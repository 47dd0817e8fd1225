"""The demo's Spanish pages and its region introductions, from ``fixtures/``.

Each Spanish page is a translation of its English page (Wagtail's ``copy_for_translation``,
as "Translate" in the admin does), filled with the Spanish copy of
``demo_pages_es.json`` and published. Pages that already have a Spanish translation are
left alone, so running the loader again changes nothing and keeps editors' work.
"""

import json
from pathlib import Path

from django.conf import settings

from wagtail.models import Locale

from wagtail_spcp.models import ProgramStep, Region, RegionIntroduction

SPANISH = "es"
FIXTURES_DIR = Path(settings.FIXTURE_DIRS[0])


def read_fixture(name: str):
    return json.loads((FIXTURES_DIR / name).read_text(encoding="utf-8"))


def region_introductions(language_code: str) -> list[RegionIntroduction]:
    """One introduction per region of the demo's regions, in ``language_code``."""
    regions = {region.slug: region for region in Region.objects.all()}
    texts = read_fixture("demo_region_introductions.json")
    return [
        RegionIntroduction(region=regions[slug], intro=text[language_code], sort_order=order)
        for order, (slug, text) in enumerate(texts.items())
        if slug in regions
    ]


def ensure_region_introductions(finder) -> None:
    """English introductions on the finder's region pages, unless it has some already."""
    if finder.region_introductions.exists():
        return
    finder.region_introductions = region_introductions("en")
    finder.save_revision().publish()


def translate(page, locale, fields: dict):
    """``page``'s translation in ``locale``: created with ``fields`` and published when missing.

    Returns the translation and whether it was created now.
    """
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    return translated, True


def publish(page):
    page.save_revision().publish()
    return page


def translate_program(program, locale, data: dict) -> None:
    """A program and its case studies in Spanish."""
    relations = {"benefits", "steps", "case_studies"}
    fields = {key: value for key, value in data.items() if key not in relations}
    fields["benefits"] = [{"type": "benefit", "value": benefit} for benefit in data["benefits"]]
    translated, created = translate(program, locale, fields)
    if created:
        translated.steps = [
            ProgramStep(sort_order=order, **step) for order, step in enumerate(data["steps"])
        ]
        publish(translated)
    for case_study in program.get_children().specific():
        case_data = data["case_studies"].get(case_study.slug)
        if case_data is None:
            continue
        translated_case, created = translate(case_study, locale, case_data)
        if created:
            publish(translated_case)


def ensure_spanish_pages(home, index, finder, programs) -> None:
    """The Spanish locale and the Spanish home, program index, programs, case studies, finder."""
    locale, _ = Locale.objects.get_or_create(language_code=SPANISH)
    data = read_fixture("demo_pages_es.json")
    spanish_home, created = translate(home, locale, data["home"])
    if created:
        publish(spanish_home)
    spanish_index, created = translate(index, locale, data["program_index"])
    if created:
        publish(spanish_index)
    spanish_finder, created = translate(finder, locale, data["finder"])
    if created:
        spanish_finder.region_introductions = region_introductions(SPANISH)
        publish(spanish_finder)
    for program in programs:
        if program.slug in data["programs"]:
            translate_program(program, locale, data["programs"][program.slug])
