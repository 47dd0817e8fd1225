"""One-column names: parsed with nameparser, and imported through the pipeline."""

import pytest

from wagtail_spcp.importing.names import parse_name
from wagtail_spcp.importing.pipeline import split_full_name
from wagtail_spcp.models import Participation

from .corpus import FILE_NAMES, expected


@pytest.mark.parametrize(
    "text, first, last, title",
    [
        ("Sgt. Robert Johnson Jr.", "Robert", "Johnson Jr.", "Sgt."),
        ("Ramón de la Cruz", "Ramón", "de la Cruz", ""),
        ("Okafor, Samuel", "Samuel", "Okafor", ""),
        ("PHAM, Huong", "Huong", "Pham", ""),
        ("Mary Ann Thibodeaux", "Mary Ann", "Thibodeaux", ""),
        ("Dr. Aisha Bello-Khan", "Aisha", "Bello-Khan", "Dr."),
        ("Rev. Thomas King III", "Thomas", "King III", "Rev."),
        ("Luz Van der Berg", "Luz", "Van der Berg", ""),
        ("Prince Johnson", "Prince", "Johnson", ""),
        ("  Kwame   Mensah ", "Kwame", "Mensah", ""),
    ],
)
def test_names_are_split_with_titles_suffixes_and_particles(text, first, last, title):
    parsed = parse_name(text)
    assert (parsed.first_name, parsed.last_name, parsed.title) == (first, last, title)
    assert parsed.warnings == ()
    assert split_full_name(text) == (first, last)


@pytest.mark.parametrize(
    "text, last",
    [
        ("Adebayo", "Adebayo"),
        ("Tremé", "Tremé"),
        ("Prince", "Prince"),
        ("Dr. Okafor", "Okafor"),
        ("Samuel,", "Samuel"),
    ],
)
def test_a_one_word_name_is_the_last_name_with_a_warning(text, last):
    parsed = parse_name(text)
    assert (parsed.first_name, parsed.last_name) == ("", last)
    assert parsed.warnings == ("a one-word name, stored as the last name",)


def test_a_blank_name_is_blank_without_a_warning():
    assert parse_name("   ") == parse_name(None)
    assert parse_name(None).as_pair() == ("", "")
    assert parse_name(None).warnings == ()


def test_a_nickname_is_set_aside():
    parsed = parse_name("Robert (Bob) Johnson")
    assert parsed.as_pair() == ("Robert", "Johnson")
    assert parsed.nickname == "Bob"


CORPUS_NAMES = [
    pytest.param(text, tuple(pair), id=f"{name}:{text}")
    for name in FILE_NAMES
    for text, pair in expected(name).get("names", {}).items()
]


def test_the_corpus_has_names_to_parse():
    assert len(CORPUS_NAMES) >= 15


@pytest.mark.parametrize("text, pair", CORPUS_NAMES)
def test_corpus_names(text, pair):
    assert parse_name(text).as_pair() == pair


def test_an_import_splits_one_name_column_and_accepts_one_word_names(run_import, engagement):
    data = (
        "Name,Email\r\n"
        "Sgt. Robert Johnson Jr.,rjohnson@example.org\r\n"
        '"Okafor, Samuel",samuel.okafor@example.org\r\n'
        "Ramón de la Cruz,ramon.cruz@example.net\r\n"
        "Adebayo,adebayo@example.net\r\n"
    ).encode()
    batch = run_import("one-name-column.csv", data=data)
    assert (batch.new_count, batch.invalid_count) == (4, 0)
    stored = {
        p.person.email: (p.person.first_name, p.person.last_name)
        for p in Participation.objects.filter(engagement=engagement).select_related("person")
    }
    assert stored == {
        "rjohnson@example.org": ("Robert", "Johnson Jr."),
        "samuel.okafor@example.org": ("Samuel", "Okafor"),
        "ramon.cruz@example.net": ("Ramón", "de la Cruz"),
        "adebayo@example.net": ("", "Adebayo"),
    }


def test_a_name_that_is_only_punctuation_is_still_required(run_import, engagement):
    batch = run_import("no-name.csv", data=b"Name,Email\r\n--,nobody@example.org\r\n")
    assert batch.invalid_count == 1
    assert Participation.objects.filter(engagement=engagement).count() == 0
