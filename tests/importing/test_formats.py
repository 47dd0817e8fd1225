"""Known export formats: recognised by their headers, with their columns and value words."""

import re

from django.template.loader import render_to_string

import pytest

from tests.utils import sample
from wagtail_spcp.importing.columns import CHOICE_SYNONYMS
from wagtail_spcp.importing.formats import ANY_OTHER, FORMATS, FORMATS_BY_SLUG, recognise
from wagtail_spcp.importing.reading import read_table
from wagtail_spcp.importing.resources import ParticipantResource

from .corpus import FILE_NAMES, expected, header_and_rows


@pytest.mark.parametrize("name", FILE_NAMES)
def test_corpus_files_are_recognised_by_their_headers(name):
    facts = expected(name)
    headers, rows = header_and_rows(name)
    known = recognise(headers, rows)
    if not facts["format"]:
        assert known is None
        return
    assert known.name == facts["format"]
    assert known.reason.startswith(f"This looks like an export from {facts['format']}: it has ")
    assert known.format.header_rows == facts["header_rows"]
    for header, column in facts["columns"].items():
        index = headers.index(header)
        if index in known.mapping:
            assert known.mapping[index] == column, header


@pytest.mark.parametrize("name", FILE_NAMES)
def test_corpus_value_words_are_the_formats_own(name):
    facts = expected(name)
    known = recognise(*header_and_rows(name))
    for column, words in facts.get("values", {}).items():
        if known is None:
            continue
        for word, choice in words.items():
            assert known.map_value(column, word) == (choice, True), word


@pytest.mark.parametrize(
    "name", ["signups-utf8.csv", "other-headers.csv", "invalid-values.csv", "signups.xlsx"]
)
def test_plain_sheets_are_no_known_format(name):
    table = read_table(sample(name), name)
    assert recognise(table.headers, table.rows) is None


def test_eventbrite_statuses():
    known = recognise(["Order #", "Order Date", "Attendee #", "Ticket Type", "Attendee Status"])
    assert known.name == "Eventbrite"
    assert known.reason == (
        "This looks like an export from Eventbrite: it has the columns "
        "'Order #', 'Order Date', 'Attendee #', 'Ticket Type', 'Attendee Status'."
    )
    assert known.map_value("status", "Checked In") == ("attended", True)
    assert known.map_value("status", "  attending ") == ("registered", True)
    assert known.map_value("status", "Not Attending") == ("cancelled", True)
    assert known.map_value("status", "Deleted") == ("Deleted", False)
    assert known.map_value("sector", "Youth") == ("Youth", False)


def test_too_few_signature_headers_are_not_a_format():
    assert recognise(["Order #", "First Name", "Last Name", "Email"]) is None
    assert recognise(["First Name", "Last Name", "Email", "Registration Time"]) is None
    assert recognise([]) is None


MS_FORMS = ["ID", "Start time", "Completion time", "Email", "Name", "Your email", "Phone"]


def test_microsoft_forms_anonymous_identity_columns_are_left_out():
    rows = [
        [1, "", "", "anonymous", "Anonymous", "a@example.org", "555"],
        [2, "", "", "anonymous", "", "", ""],
    ]
    known = recognise(MS_FORMS, rows)
    assert known.name == "Microsoft Forms"
    assert {known.mapping[3], known.mapping[4]} == {""}
    assert known.mapping[2] == "registered_on"
    assert 5 not in known.mapping  # the form's own question is left to header matching
    assert known.map_value("email", "Anonymous") == ("", True)
    assert known.map_value("full_name", "anonymous") == ("", True)


def test_microsoft_forms_with_some_named_responses_keep_the_name_column():
    rows = [[1, "", "", "anonymous", "Anonymous", "", ""], [2, "", "", "", "Janet Morales", "", ""]]
    known = recognise(MS_FORMS, rows)
    assert (known.mapping[3], known.mapping[4]) == ("", "full_name")


def test_microsoft_forms_signed_in_responses_keep_the_identity_columns():
    rows = [[1, "", "", "JMorales@Example.org", "Janet Morales", "", ""]]
    known = recognise(MS_FORMS, rows)
    assert (known.mapping[3], known.mapping[4]) == ("email", "full_name")


def test_surveymonkey_labels_map_the_second_header_row():
    headers, rows = header_and_rows("surveymonkey-all-responses.csv")
    known = recognise(headers, rows)
    assert known.format.header_rows == 2
    mapped = {headers[i]: column for i, column in known.mapping.items() if column}
    assert mapped == {
        "Respondent ID": "external_id",
        "End Date": "registered_on",
        "Please tell us how to reach you. Name": "full_name",
        "Please tell us how to reach you. Company": "organisation",
        "Please tell us how to reach you. ZIP/Postal Code": "zip_code",
        "Please tell us how to reach you. Email Address": "email",
        "Please tell us how to reach you. Phone Number": "phone",
    }
    assert known.mapping[headers.index("Email Address")] == ""  # collector data, blank here


def test_the_apps_own_export_is_recognised_from_its_real_headers(make_engagement):
    headers = ParticipantResource(engagement=make_engagement()).get_export_headers()
    known = recognise(headers)
    assert known.name == "wagtail-spcp export"
    assert [known.mapping[i] for i in range(len(headers))] == [
        "first_name",
        "last_name",
        "email",
        "phone",
        "organisation",
        "sector",
        "zip_code",
        "preferred_language",
        "consent_to_contact",
        "role",
        "status",
        "registered_on",
        "external_id",
    ]


def test_an_export_from_before_the_external_id_column_is_still_recognised(make_engagement):
    headers = ParticipantResource(engagement=make_engagement()).get_export_headers()
    assert headers[-1] == "External ID"
    known = recognise(headers[:-1])
    assert known.name == "wagtail-spcp export"
    assert known.mapping[0] == "first_name"
    assert recognise(headers[:-2]) is None


def test_the_printed_sign_in_sheet_is_recognised_from_its_template(make_engagement):
    html = render_to_string(
        "wagtail_spcp/importing/sign_in_sheet.html",
        {"engagement": make_engagement(), "participations": []},
    )
    headers = re.findall(r'<th scope="col">([^<]*)</th>', html)
    known = recognise(headers)
    assert known.name == "wagtail-spcp sign-in sheet"
    assert known.mapping[0] == "status"
    assert known.map_value("status", "x") == ("attended", True)
    assert known.map_value("status", "✓") == ("attended", True)
    assert known.map_value("status", "") == ("no_show", True)


@pytest.mark.parametrize("known", FORMATS, ids=lambda known: known.slug)
def test_every_format_speaks_the_apps_choices(known):
    assert FORMATS_BY_SLUG[known.slug] is known
    for column, words in known.values.items():
        if column in CHOICE_SYNONYMS:
            allowed = {str(value) for value in CHOICE_SYNONYMS[column][0].values} | {""}
        else:
            allowed = {""}
        assert set(words.values()) <= allowed, column
        assert all(word == word.casefold() or word == ANY_OTHER for word in words)
