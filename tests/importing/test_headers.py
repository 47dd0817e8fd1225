"""Headers matched by meaning: scores, reasons, ambiguity, and the corpus's real headers."""

import pytest

from wagtail_spcp.importing.columns import auto_match
from wagtail_spcp.importing.headers import CONFIDENT, match_header, match_headers
from wagtail_spcp.importing.suggestions import suggest_columns

from .corpus import FILE_NAMES, expected, header_and_rows


@pytest.mark.parametrize(
    "header, column, term",
    [
        ("What organization do you represent?", "organisation", "organization"),
        ("Best phone number to reach you:", "phone", "phone"),
        ("ZIP code where you live:", "zip_code", "zip"),
        ("Which agency or organization are you with?", "organisation", "organization"),
        ("Telephone #", "phone", "telephone"),
        ("Date of sign-up", "registered_on", "sign up"),
        ("Date you signed up (DD/MM/YYYY)", "registered_on", "signed up"),
        ("Your full name", "full_name", "full name"),
        ("Phone (with extension if any)", "phone", "phone"),
        ("Preferred email for updates", "email", "email"),
        ("Are you attending as:", "role", "attending as"),
        ("Completion time", "registered_on", "completion"),
        ("Which community sector do you represent?", "sector", "sector"),
    ],
)
def test_question_style_headers_match_by_meaning(header, column, term):
    match = match_header(header)
    assert match.column == column
    assert CONFIDENT <= match.score <= 100
    assert match.reason == f"matched '{term}' in '{header}'"
    assert match.candidates[0].column == column


def test_a_known_spelling_matches_outright():
    match = match_header("E-mail address:")
    assert (match.column, match.score) == ("email", 100)
    assert match.reason == "'E-mail address:' is a usual header for Email"


def test_other_words_weaken_a_match():
    assert match_header("Email").score > match_header("Preferred email for updates").score
    assert match_header("Cell Phone").score > match_header("Work Phone").score


def test_a_typing_slip_in_a_long_word_is_forgiven_and_said():
    match = match_header("Organizaton")
    assert match.column == "organisation"
    assert match.reason == "matched 'organizaton' (read as 'organization') in 'Organizaton'"
    assert match_header("Represent").column == ""  # "present" is not close enough


@pytest.mark.parametrize(
    "header", ["Last modified time", "Will you attend in person?", "Event name", "Start Date"]
)
def test_a_weak_match_is_offered_not_applied(header):
    match = match_header(header)
    assert match.column == ""
    assert not match.ambiguous
    assert 0 < match.score < CONFIDENT
    assert match.candidates
    assert match.reason.startswith("not sure: matched ")


@pytest.mark.parametrize("header", ["Collector ID", "How did you hear about this meeting?", ""])
def test_a_header_with_no_participant_meaning_matches_nothing(header):
    match = match_header(header)
    assert (match.column, match.score, match.candidates) == ("", 0, ())


def test_two_columns_close_for_one_header_are_candidates_only():
    match = match_header("Phone or email")
    assert match.column == ""
    assert match.ambiguous
    assert {c.column for c in match.candidates[:2]} == {"phone", "email"}
    assert match.reason == "'Phone or email' could be Email or Phone"


def test_two_headers_claiming_one_column_equally_get_neither():
    matches = match_headers(["Email", "Email address", "Name"])
    assert [m.column for m in matches] == ["", "", "full_name"]
    assert matches[0].ambiguous and matches[1].ambiguous
    assert matches[0].candidates[0].column == "email"
    assert matches[0].reason == "more than one column could be Email"


def test_the_better_of_two_headers_gets_the_column():
    matches = match_headers(["Buyer Email", "Email", "Cell Phone", "Work Phone"])
    assert [m.column for m in matches] == ["", "email", "phone", ""]
    assert matches[0].reason == "another column matches Email better"
    assert not matches[0].ambiguous


def test_fixed_columns_are_kept_and_not_offered_again():
    matches = match_headers(["Email", "Contact email"], fixed={0: ""})
    assert [m.column for m in matches] == ["", "email"]
    assert matches[0].reason == "not imported"
    matches = match_headers(["Email", "Contact email"], fixed={0: "email"})
    assert [m.column for m in matches] == ["email", ""]
    assert matches[1].reason == "Email is already set by the mapping"


def test_choice_columns_matched_by_meaning_are_applied():
    # an unknown value in a choice column is left blank with a warning, so a match by
    # meaning is as safe to apply as for any other column
    headers = ["First", "Last", "Email", "Which community sector do you represent?"]
    assert suggest_columns(headers) == ["first_name", "last_name", "email", "sector"]
    assert suggest_columns([*headers[:3], "Sector"]) == [
        "first_name",
        "last_name",
        "email",
        "sector",
    ]


def test_auto_match_stays_an_exact_spelling_lookup():
    assert auto_match("Phone #") == "phone"
    assert auto_match("What organization do you represent?") == ""


def test_a_saved_mapping_comes_before_matching():
    headers = ["What organization do you represent?", "E-mail"]
    assert suggest_columns(headers, {"whatorganizationdoyourepresent": ""}) == ["", "email"]


@pytest.mark.parametrize("name", FILE_NAMES)
def test_corpus_headers_suggest_the_expected_columns(name):
    """Every expected column is suggested, and no other header of the file is mapped."""
    facts = expected(name)
    headers, rows = header_and_rows(name)
    assert len(rows) == facts["counts"]["data_rows"]
    suggested = suggest_columns(headers, rows=rows)
    for index, header in enumerate(headers):
        assert suggested[index] == facts["columns"].get(header, ""), header
    assert set(facts["columns"]) <= set(headers)
