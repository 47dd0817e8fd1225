"""A U.S. tile-grid map: one square per state and territory, colored by region.

The layout is the familiar tile grid (Alaska top left, Maine top right, Hawaii
and Texas along the bottom), with DC beside Maryland, Puerto Rico and the
Virgin Islands to the south-east, and the Pacific territories below Hawaii.
The SVG itself is rendered by a template so a site can restyle it.
"""

from dataclasses import dataclass

from ..models.offices import RegionState
from ..states import place_name

# (column, row) of each USPS code.
TILE_POSITIONS = {
    "AK": (0, 0), "ME": (11, 0),
    "VT": (10, 1), "NH": (11, 1),
    "WA": (1, 2), "ID": (2, 2), "MT": (3, 2), "ND": (4, 2), "MN": (5, 2), "IL": (6, 2),
    "WI": (7, 2), "MI": (8, 2), "NY": (9, 2), "RI": (10, 2), "MA": (11, 2),
    "OR": (1, 3), "NV": (2, 3), "WY": (3, 3), "SD": (4, 3), "IA": (5, 3), "IN": (6, 3),
    "OH": (7, 3), "PA": (8, 3), "NJ": (9, 3), "CT": (10, 3),
    "CA": (1, 4), "UT": (2, 4), "CO": (3, 4), "NE": (4, 4), "MO": (5, 4), "KY": (6, 4),
    "WV": (7, 4), "VA": (8, 4), "MD": (9, 4), "DE": (10, 4),
    "AZ": (2, 5), "NM": (3, 5), "KS": (4, 5), "AR": (5, 5), "TN": (6, 5), "NC": (7, 5),
    "SC": (8, 5), "DC": (9, 5),
    "OK": (4, 6), "LA": (5, 6), "MS": (6, 6), "AL": (7, 6), "GA": (8, 6),
    "HI": (0, 7), "TX": (4, 7), "FL": (9, 7), "PR": (10, 7), "VI": (11, 7),
    "GU": (0, 8), "MP": (1, 8), "AS": (2, 8),
}  # fmt: skip

# Light fills that keep dark text readable (contrast above 7:1), one per region in order.
REGION_COLORS = [
    "#8ecae6", "#ffc971", "#a7d49b", "#f4a98a", "#cdb4db",
    "#ffb3c6", "#a3c4f3", "#e9d985", "#84dcc6", "#d9b99b",
]  # fmt: skip
UNSERVED_COLOR = "#dfe1e2"

TILE_SIZE = 44
TILE_GAP = 4


@dataclass(frozen=True)
class Tile:
    code: str
    name: str
    x: int
    y: int
    color: str
    region: object = None
    url: str = ""

    @property
    def centre_x(self) -> int:
        return self.x + TILE_SIZE // 2

    @property
    def centre_y(self) -> int:
        return self.y + TILE_SIZE // 2


@dataclass(frozen=True)
class RegionEntry:
    """A region in the map's legend and text alternative."""

    region: object
    color: str
    tiles: list


@dataclass(frozen=True)
class TileMap:
    tiles: list[Tile]
    regions: list[RegionEntry]
    width: int
    height: int
    tile_size: int = TILE_SIZE


def build_tile_map(region_states, url_for_code=None) -> TileMap:
    """Lay out every tile; ``region_states`` are RegionState rows with their region loaded."""
    region_of = {state.code: state.region for state in region_states}
    regions = sorted(
        {region.pk: region for region in region_of.values()}.values(),
        key=lambda region: (region.sort_order, region.name),
    )
    color_of = {
        region.pk: REGION_COLORS[i % len(REGION_COLORS)] for i, region in enumerate(regions)
    }
    step = TILE_SIZE + TILE_GAP
    tiles = []
    for code, (column, row) in TILE_POSITIONS.items():
        region = region_of.get(code)
        tiles.append(
            Tile(
                code=code,
                name=place_name(code),
                x=column * step,
                y=row * step + (TILE_GAP * 2 if row == 8 else 0),
                color=color_of[region.pk] if region else UNSERVED_COLOR,
                region=region,
                url=url_for_code(code) if url_for_code else "",
            )
        )
    entries = [
        RegionEntry(
            region,
            color_of[region.pk],
            sorted((t for t in tiles if t.region == region), key=lambda t: t.name),
        )
        for region in regions
    ]
    columns = 1 + max(column for column, _ in TILE_POSITIONS.values())
    rows = 1 + max(row for _, row in TILE_POSITIONS.values())
    return TileMap(tiles, entries, columns * step, rows * step + TILE_GAP * 2)


def load_tile_map(url_for_code=None) -> TileMap:
    """Build the map from the database in one query."""
    return build_tile_map(RegionState.objects.select_related("region"), url_for_code)
