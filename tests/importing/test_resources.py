"""The participant resource and its widgets, used through django-import-export's own API."""

import io
import zipfile

import phonenumbers
import pytest

from tests.utils import sample
from wagtail_spcp.choices import ParticipationStatus, Sector
from wagtail_spcp.importing.columns import PARTICIPATION_FIELDS, PERSON_FIELDS, auto_match
from wagtail_spcp.importing.resources import ParticipantResource, PersonResource
from wagtail_spcp.importing.widgets import ChoiceWidget, YesNoWidget, neutralise_formula
from wagtail_spcp.models import Person
from wagtail_spcp.normalise import _north_american_number, normalise_phone


@pytest.mark.parametrize(
    "header, column",
    [
        ("E-mail", "email"),
        ("Email Address", "email"),
        ("EMAIL_ADDRESS", "email"),
        ("First", "first_name"),
        ("Given name", "first_name"),
        ("Phone #", "phone"),
        ("Mobile", "phone"),
        ("Zip/Postal code", "zip_code"),
        ("  Last   Name ", "last_name"),
        ("Organization", "organisation"),
        ("Favourite colour", ""),
    ],
)
def test_header_spellings(header, column):
    assert auto_match(header) == column


@pytest.mark.parametrize(
    "name, text, value",
    [
        ("sector", "Faith and clergy", Sector.FAITH),
        ("sector", "CLERGY", Sector.FAITH),
        ("sector", "law_enforcement", Sector.LAW_ENFORCEMENT),
        ("sector", "Police", Sector.LAW_ENFORCEMENT),
        ("status", "No-show", ParticipationStatus.NO_SHOW),
        ("status", "no show", ParticipationStatus.NO_SHOW),
        ("status", "Wait list", ParticipationStatus.WAITLISTED),
        ("status", "canceled", ParticipationStatus.CANCELLED),
    ],
)
def test_choice_synonyms_build_on_the_choices(name, text, value):
    widget = ChoiceWidget(name)
    assert widget.clean(text) == value
    assert widget.clean(widget.render(value)) == value


def test_yes_no():
    widget = YesNoWidget()
    assert [widget.clean(v) for v in ("Yes", "x", "0", "", None)] == [True, True, False, None, None]
    with pytest.raises(ValueError):
        widget.clean("maybe")


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"])
def test_neutralise_formula(text):
    assert neutralise_formula(text) == "'" + text


def test_resources_take_their_columns_from_the_one_list(engagement):
    participant = ParticipantResource(engagement=engagement)
    person = PersonResource()
    assert [f.column_name for f in participant.get_export_fields()] == [
        "First name",
        "Last name",
        "Email",
        "Phone",
        "Organization",
        "Sector",
        "ZIP code",
        "Preferred language",
        "Consent to contact",
        "Role",
        "Status",
        "Registered on",
        "External ID",
    ]
    assert list(participant.fields) == [*PERSON_FIELDS, *PARTICIPATION_FIELDS]
    assert list(person.fields) == list(PERSON_FIELDS)
    assert participant.fields["email"].attribute == "person__email"
    assert person.fields["email"].attribute == "email"


def test_resource_export_dataset(engagement, run_import):
    run_import("signups-utf8.csv")
    dataset = ParticipantResource(engagement=engagement).export()
    assert dataset.headers[:3] == ["First name", "Last name", "Email"]
    assert len(dataset) == 4


def test_formula_with_a_saved_result_imports_the_result(run_import):
    """A workbook saved by Excel keeps each formula's result; the importer reads it."""
    source = zipfile.ZipFile(io.BytesIO(sample("formulas.xlsx")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<f>A2&amp;" "&amp;B2</f><v />', b"<f>A2</f><v>Ida Wells</v>")
                data = data.replace(b'<f>A3&amp;" "&amp;B3</f><v />', b"<f>A3</f><v>Max Ray</v>")
            target.writestr(item, data)
    batch = run_import(
        "formulas.xlsx",
        data=buffer.getvalue(),
        mapping={"firstname": "", "lastname": "", "email": "email", "full": "full_name"},
    )
    assert batch.new_count == 2
    assert Person.objects.get(email="ida.wells@example.org").last_name == "Wells"


@pytest.mark.parametrize(
    "text, region, expected, shortcut",
    [
        ("(512) 555-0101", "US", "+15125550101", True),
        ("1-512-555-0101", "US", "+15125550101", True),
        ("+1 416 555 0101", "US", "+14165550101", False),  # Canadian number, U.S. default region
        ("416.555.0101", "CA", "+14165550101", True),
        ("+44 20 7946 0958", "US", "+442079460958", False),
        ("512-555-0101 ext. 12", "US", "+15125550101;ext=12", False),
    ],
)
def test_phone_shortcut_agrees_with_phonenumbers(text, region, expected, shortcut):
    general = phonenumbers.format_number(
        phonenumbers.parse(text, region), phonenumbers.PhoneNumberFormat.E164
    )
    fast = _north_american_number(text, region)
    assert (fast is not None) == shortcut
    if shortcut:
        assert fast == general
    assert normalise_phone(text, region) == expected
    assert expected.partition(";ext=")[0] == general  # an extension is kept after it


@pytest.mark.parametrize(
    "text, error",
    [
        ("(012) 555-0101", ValueError),
        ("123", ValueError),
        ("555-0101", ValueError),
        ("(999) 555-0101", ValueError),
        ("1", phonenumbers.NumberParseException),
        ("not a number", phonenumbers.NumberParseException),
    ],
)
def test_phone_invalid(text, error):
    with pytest.raises(error):
        normalise_phone(text, "US")
