"""ZIP codes and cities with their coordinates, from the offline ``zipcodes`` data.

ZIP codes and cities are indexed once per process, in one pass over the data: ``zipcodes``
itself scans all 42,000 records for each ZIP code it is asked about (about 2 ms), the index
answers in microseconds. Nothing here touches the database.
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from difflib import get_close_matches
from functools import cache

import zipcodes

_ABBREVIATIONS = {"saint": "st", "sainte": "ste", "fort": "ft", "mount": "mt", "point": "pt"}


@dataclass(frozen=True, slots=True)
class Place:
    """A ZIP code or a city, in a state or territory, with its coordinates when known."""

    city: str
    state: str
    zip_code: str = ""
    latitude: float | None = None
    longitude: float | None = None

    @property
    def label(self) -> str:
        """How the place reads in a list of choices, for example “Galveston, TX”."""
        return f"{self.city}, {self.state}"

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def normalise_city(name: str) -> str:
    """Fold case, accents, punctuation and common abbreviations so spellings compare equal."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9 ]+", " ", text.lower().replace("'", "")).split()
    return " ".join(_ABBREVIATIONS.get(word, word) for word in words)


def _coordinates(row: dict) -> tuple[float | None, float | None]:
    try:
        latitude, longitude = float(row["lat"]), float(row["long"])
    except (TypeError, ValueError):
        return None, None
    if latitude == 0 and longitude == 0:  # military and some PO boxes have no position
        return None, None
    return latitude, longitude


def _centroid(places: list[Place]) -> tuple[float | None, float | None]:
    located = [p for p in places if p.has_coordinates]
    if not located:
        return None, None
    return (
        round(sum(p.latitude for p in located) / len(located), 4),
        round(sum(p.longitude for p in located) / len(located), 4),
    )


def _rows():
    """Every ZIP code record, read in slices of one two-digit prefix to keep memory low.

    ``zipcodes.list_all()`` would hold all 42,000 records as Python dicts for the
    life of the process; the slices are dropped once the city index is built.
    """
    for prefix in range(100):
        yield from zipcodes.similar_to(f"{prefix:02d}")


MILITARY_STATES = frozenset({"AA", "AE", "AP"})


def _place(row: dict, city: str | None = None) -> Place:
    latitude, longitude = _coordinates(row)
    city = city or row["city"]
    if row["state"] in MILITARY_STATES:  # the data spells them "Apo", "Fpo", "Dpo"
        city = city.upper()
    return Place(city, row["state"], row["zip_code"], latitude, longitude)


class _Index:
    """Places by ZIP code, and cities by normalised name and state (official names apart from
    accepted alternatives)."""

    def __init__(self, rows):
        self.zips: dict[str, Place] = {}
        by_name: dict[tuple[str, str], list[Place]] = defaultdict(list)
        aliases: dict[tuple[str, str], list[Place]] = defaultdict(list)
        for row in rows:
            place = _place(row)
            self.zips.setdefault(place.zip_code, place)
            by_name[normalise_city(place.city), place.state].append(place)
            for alias in row.get("acceptable_cities") or ():
                aliases[normalise_city(alias), place.state].append(_place(row, alias))
        self.cities = self._group(by_name)
        self.city_aliases = self._group(aliases)

    @staticmethod
    def _group(places_by_key) -> dict[str, dict[str, Place]]:
        """One place per (name, state), at the centroid of its ZIP codes."""
        grouped: dict[str, dict[str, Place]] = defaultdict(dict)
        for (name, state), places in places_by_key.items():
            latitude, longitude = _centroid(places)
            grouped[name][state] = Place(places[0].city, state, "", latitude, longitude)
        return dict(grouped)


@cache
def _index() -> _Index:
    return _Index(_rows())


def warm() -> None:
    """Build the index now: in a pre-forking server's master process, so that the workers
    share it instead of each building it on its first finder request."""
    _index()


def place_for_zip(zip5: str) -> Place | None:
    """The place a five-digit ZIP code belongs to, or ``None`` if it is not a real ZIP."""
    if not (len(zip5) == 5 and zip5.isdigit()):
        return None
    return _index().zips.get(zip5)


def places_for_city(city: str, state: str | None = None) -> list[Place]:
    """Cities with this name (one per state), optionally only in ``state``.

    Official city names win; alternative names the Postal Service accepts are
    used only when no official name matches.
    """
    name = normalise_city(city)
    index = _index()
    for table in (index.cities, index.city_aliases):
        by_state = table.get(name, {})
        if state:
            places = [by_state[state]] if state in by_state else []
        else:
            places = list(by_state.values())
        if places:
            return sorted(places, key=lambda place: place.state)
    return []


def similar_cities(city: str, state: str | None = None, limit: int = 5) -> list[Place]:
    """Cities whose names are close to a misspelt ``city``, for suggestions."""
    name = normalise_city(city)
    if not name:
        return []
    cities = _index().cities
    candidates = [key for key in cities if key[:1] == name[:1]]
    matches = get_close_matches(name, candidates, n=limit * 2, cutoff=0.8)
    places = [
        place
        for key in matches
        for place in cities[key].values()
        if state is None or place.state == state
    ]
    return places[:limit]


def all_zip_codes() -> list[str]:
    """Every ZIP code in the data, for benchmarks."""
    return list(_index().zips)
