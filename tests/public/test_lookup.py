"""Table-driven finder lookups: every region, ZIP+4, territories, DC, military, bad input."""

import pytest

from wagtail_spcp.finder import MAX_QUERY_LENGTH, MatchKind, Status, lookup, parse_query

pytestmark = pytest.mark.django_db

FOUND = [
    # query, match kind, state, region slug, serving office slug
    ("02110", MatchKind.ZIP, "MA", "new-england", "new-england"),
    ("10001", MatchKind.ZIP, "NY", "northeast", "northeast"),
    ("19106", MatchKind.ZIP, "PA", "mid-atlantic", "mid-atlantic"),
    ("30303", MatchKind.ZIP, "GA", "southeast", "southeast"),
    ("60604", MatchKind.ZIP, "IL", "midwest", "midwest"),
    ("77550", MatchKind.ZIP, "TX", "southwest", "southwest"),
    ("64106", MatchKind.ZIP, "MO", "central", "central"),
    ("80204", MatchKind.ZIP, "CO", "rocky-mountain", "rocky-mountain"),
    ("90017", MatchKind.ZIP, "CA", "western", "western"),
    ("98174", MatchKind.ZIP, "WA", "northwest", "northwest"),
    ("77550-1234", MatchKind.ZIP, "TX", "southwest", "southwest"),
    ("775501234", MatchKind.ZIP, "TX", "southwest", "southwest"),
    ("1999 Bryan St, Dallas, TX 75201-1234", MatchKind.ZIP, "TX", "southwest", "southwest"),
    (" 99501 ", MatchKind.ZIP, "AK", "northwest", "northwest"),
    ("00901", MatchKind.ZIP, "PR", "northeast", "northeast"),
    ("00802", MatchKind.ZIP, "VI", "northeast", "northeast"),
    ("96910", MatchKind.ZIP, "GU", "western", "western"),
    ("96799", MatchKind.ZIP, "AS", "western", "western"),
    ("96950", MatchKind.ZIP, "MP", "western", "western"),
    ("20530", MatchKind.ZIP, "DC", "mid-atlantic", "mid-atlantic"),
    ("DC", MatchKind.STATE, "DC", "mid-atlantic", "mid-atlantic"),
    ("District of Columbia", MatchKind.STATE, "DC", "mid-atlantic", "mid-atlantic"),
    ("Washington, DC", MatchKind.CITY, "DC", "mid-atlantic", "mid-atlantic"),
    ("Puerto Rico", MatchKind.STATE, "PR", "northeast", "northeast"),
    ("Virgin Islands", MatchKind.STATE, "VI", "northeast", "northeast"),
    ("guam", MatchKind.STATE, "GU", "western", "western"),
    ("American Samoa", MatchKind.STATE, "AS", "western", "western"),
    ("Northern Mariana Islands", MatchKind.STATE, "MP", "western", "western"),
    ("TX", MatchKind.STATE, "TX", "southwest", "southwest"),
    ("texas", MatchKind.STATE, "TX", "southwest", "southwest"),
    ("Galveston, TX", MatchKind.CITY, "TX", "southwest", "southwest"),
    ("galveston texas", MatchKind.CITY, "TX", "southwest", "southwest"),
    ("Santa Fe, New Mexico", MatchKind.CITY, "NM", "southwest", "southwest"),
    ("St. Louis, MO", MatchKind.CITY, "MO", "central", "central"),
    ("San Juan, PR", MatchKind.CITY, "PR", "northeast", "northeast"),
    ("AE", MatchKind.MILITARY, "AE", None, "headquarters"),
    ("AA", MatchKind.MILITARY, "AA", None, "headquarters"),
    ("ap", MatchKind.MILITARY, "AP", None, "headquarters"),
    ("09001", MatchKind.MILITARY, "AE", None, "headquarters"),
    ("34002", MatchKind.MILITARY, "AA", None, "headquarters"),
]


@pytest.mark.parametrize("query,kind,state,region,office", FOUND)
def test_lookup_finds_the_serving_office(reference_offices, query, kind, state, region, office):
    result = lookup(query)
    assert result.status == Status.FOUND, result.message
    assert result.kind == kind
    assert result.state == state
    assert (result.region.slug if result.region else None) == region
    assert result.serving_office.office.slug == office


def test_field_offices_are_ordered_by_distance_from_the_place(reference_offices):
    from wagtail_spcp.models import Office, Region

    Office.objects.create(
        name="El Paso Field Office",
        slug="el-paso",
        kind="field",
        region=Region.objects.get(slug="southwest"),
        address_line1="1 Main St",
        city="El Paso",
        state="TX",
        zip_code="79901",
        latitude="31.7587",
        longitude="-106.4869",
    )
    near_houston = lookup("77550")
    near_el_paso = lookup("El Paso, TX")
    assert [o.office.slug for o in near_houston.field_offices] == ["houston", "el-paso"]
    assert [o.office.slug for o in near_el_paso.field_offices] == ["el-paso", "houston"]
    assert near_houston.field_offices[0].miles < near_houston.field_offices[1].miles
    assert lookup("TX").field_offices[0].miles is None  # no place, so no distance


def test_state_without_a_region_goes_to_headquarters(reference_offices):
    result = lookup("96941")  # Micronesia: a real ZIP no region serves
    assert result.status == Status.FOUND
    assert result.region is None
    assert result.serving_office.office.slug == "headquarters"


@pytest.mark.parametrize("query,choices", [
    ("Galveston", ["Galveston, IN", "Galveston, TX"]),
    ("Kansas City", ["Kansas City, KS", "Kansas City, MO"]),
])  # fmt: skip
def test_ambiguous_city_lists_choices(query, choices):
    result = parse_query(query)
    assert result.status == Status.AMBIGUOUS
    assert [place.label for place in result.choices] == choices
    assert "Choose" in result.message


@pytest.mark.parametrize(
    "query", ["Xyzzyville", "00000", "1234", "Springfeld, Nowhere", "<b>x</b>"]
)
def test_unknown_input_gets_a_message_and_suggestions(query):
    result = parse_query(query)
    assert result.status == Status.NOT_FOUND
    assert result.message
    assert result.suggestions


def test_misspelt_city_suggests_close_names():
    assert "Springfield, IL" in parse_query("Springfeld, IL").suggestions
    assert parse_query("Calfornia").suggestions[0] == "California"


@pytest.mark.parametrize("query", ["", "   ", None, "9" * (MAX_QUERY_LENGTH + 1)])
def test_empty_or_over_long_input_is_invalid(query):
    result = parse_query(query)
    assert result.status == Status.INVALID
    assert result.message
    assert result.suggestions
    assert result.query == ""


def test_military_names_resolve_whatever_language_came_first():
    from django.utils import translation

    from wagtail_spcp.finder.lookup import _state_codes_by_name, resolve_state

    _state_codes_by_name.cache_clear()
    with translation.override("es"):
        assert resolve_state("AE") == "AE"
    assert resolve_state("Armed Forces Europe") == "AE"


def test_region_without_a_regional_office_falls_back_to_headquarters(reference_offices):
    from wagtail_spcp.models import Office

    Office.objects.filter(slug="southwest").delete()
    result = lookup("77550")
    assert result.region.slug == "southwest"
    assert result.regional_office is None
    assert result.serving_office.office.slug == "headquarters"
    assert [o.office.slug for o in result.field_offices] == ["houston"]
