"""The tile-grid map covers every state and territory once, colored by region."""

import pytest

from wagtail_spcp.finder.tilemap import (
    REGION_COLORS,
    TILE_POSITIONS,
    UNSERVED_COLOR,
    load_tile_map,
)
from wagtail_spcp.states import place_names

pytestmark = pytest.mark.django_db


def test_every_place_has_exactly_one_tile():
    assert set(TILE_POSITIONS) == set(place_names())
    assert len(set(TILE_POSITIONS.values())) == len(TILE_POSITIONS)


def test_tiles_are_colored_and_linked_by_region(reference_offices, django_assert_num_queries):
    with django_assert_num_queries(1):
        tile_map = load_tile_map(lambda code: f"/offices/?q={code}")
    tiles = {tile.code: tile for tile in tile_map.tiles}
    assert tiles["TX"].region.slug == "southwest"
    assert tiles["TX"].color == tiles["OK"].color != tiles["CA"].color
    assert tiles["TX"].url == "/offices/?q=TX"
    assert {tile.color for tile in tile_map.tiles} <= set(REGION_COLORS)
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
    assert tiles["GU"].color == UNSERVED_COLOR


def test_cached_map_shows_an_edited_region_at_once(client, public_site):
    from wagtail_spcp.models import Region

    finder_url = public_site.finder.url
    assert "Southwest" in client.get(finder_url).content.decode()

    region = Region.objects.get(slug="southwest")
    region.name = "South Central"
    region.save()

    body = client.get(finder_url).content.decode()
    assert "South Central" in body
    assert "Southwest" not in body


def test_map_is_rendered_from_the_cache_on_repeat_visits(client, public_site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    finder_url = public_site.finder.url
    with CaptureQueriesContext(connection) as first_visit:
        client.get(finder_url)
    with CaptureQueriesContext(connection) as second_visit:
        client.get(finder_url)

    def reads_states(queries):
        return any("regionstate" in query["sql"].lower() for query in queries)

    assert reads_states(first_visit.captured_queries)
    assert not reads_states(second_visit.captured_queries)
