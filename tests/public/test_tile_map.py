"""The tile-grid map covers every state and territory once, coloured by region."""

import pytest

from wagtail_spcp.finder.tilemap import (
    REGION_COLOURS,
    TILE_POSITIONS,
    UNSERVED_COLOUR,
    load_tile_map,
)
from wagtail_spcp.states import place_names

pytestmark = pytest.mark.django_db


def test_every_place_has_exactly_one_tile():
    assert set(TILE_POSITIONS) == set(place_names())
    assert len(set(TILE_POSITIONS.values())) == len(TILE_POSITIONS)


def test_tiles_are_coloured_and_linked_by_region(reference_offices, django_assert_num_queries):
    with django_assert_num_queries(1):
        tile_map = load_tile_map(lambda code: f"/offices/?q={code}")
    tiles = {tile.code: tile for tile in tile_map.tiles}
    assert tiles["TX"].region.slug == "southwest"
    assert tiles["TX"].colour == tiles["OK"].colour != tiles["CA"].colour
    assert tiles["TX"].url == "/offices/?q=TX"
    assert {tile.colour for tile in tile_map.tiles} <= set(REGION_COLOURS)
    assert [entry.region.slug for entry in tile_map.regions][:2] == ["new-england", "northeast"]
    northeast = tile_map.regions[1]
    assert [tile.name for tile in northeast.tiles] == [
        "New Jersey",
        "New York",
        "Puerto Rico",
        "Virgin Islands",
    ]


def test_a_place_no_region_serves_is_grey(reference_offices):
    from wagtail_spcp.models import RegionState

    RegionState.objects.filter(code="GU").delete()
    tiles = {tile.code: tile for tile in load_tile_map().tiles}
    assert tiles["GU"].region is None
    assert tiles["GU"].colour == UNSERVED_COLOUR
