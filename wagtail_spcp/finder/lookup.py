"""Read what a visitor typed as a ZIP code, a city or a state, and find the offices serving it.

``lookup()`` is the finder's one entry point, shared by the finder page and the
JSON API. Parsing needs no database; finding the offices takes at most two
queries, whatever the number of offices.
"""

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from django.utils import translation
from django.utils.translation import gettext as _

import us

from ..states import MILITARY_CODES, place_name, place_names
from .nearest import OfficeAtDistance, find_offices
from .places import Place, normalise_city, place_for_zip, places_for_city, similar_cities

MAX_QUERY_LENGTH = 100
ZIP_PATTERN = re.compile(r"^(\d{5})(?:[-\s]?(\d{4}))?$")
ZIP_IN_TEXT = re.compile(r"(?<!\d)\d{5}(?:-\d{4})?(?!\d)")


class Status(StrEnum):
    FOUND = "found"
    AMBIGUOUS = "ambiguous"
    NOT_FOUND = "not_found"
    INVALID = "invalid"


class MatchKind(StrEnum):
    ZIP = "zip"
    CITY = "city"
    STATE = "state"
    MILITARY = "military"


@dataclass
class LookupResult:
    """What a query matched and, when found, the offices that serve it."""

    query: str
    status: Status
    kind: MatchKind | None = None
    state: str = ""
    place: Place | None = None
    choices: list[Place] = field(default_factory=list)
    message: str = ""
    suggestions: list[str] = field(default_factory=list)
    region: object = None
    states: list = field(default_factory=list)
    regional_office: OfficeAtDistance | None = None
    field_offices: list[OfficeAtDistance] = field(default_factory=list)
    headquarters: OfficeAtDistance | None = None

    @property
    def found(self) -> bool:
        return self.status == Status.FOUND

    @property
    def state_name(self) -> str:
        return place_name(self.state) if self.state else ""

    @property
    def serving_office(self) -> OfficeAtDistance | None:
        """The regional office, or headquarters where no region serves the place."""
        return self.regional_office or self.headquarters


def lookup(query: str | None) -> LookupResult:
    """Find the offices serving a ZIP or ZIP+4, a city (“Galveston, TX”) or a state."""
    result = parse_query(query)
    if result.found:
        offices = find_offices(
            result.state, result.place, military=result.kind == MatchKind.MILITARY
        )
        result.region = offices.region
        result.states = offices.states
        result.regional_office = offices.regional_office
        result.field_offices = offices.field_offices
        result.headquarters = offices.headquarters
    return result


def parse_query(query: str | None) -> LookupResult:
    """Match the query to a place without touching the database."""
    text = " ".join((query or "").split())
    if not text:
        return LookupResult(
            "",
            Status.INVALID,
            message=_("Enter a ZIP code, a city or a state."),
            suggestions=_example_queries(),
        )
    if len(text) > MAX_QUERY_LENGTH:
        return LookupResult(
            "",
            Status.INVALID,
            message=_("That is too long for a ZIP code, a city or a state. Try a ZIP code."),
            suggestions=_example_queries(),
        )
    if any(char.isdigit() for char in text):
        return _parse_zip(text)
    state = resolve_state(text)
    if state:
        return _found(text, MatchKind.STATE, state)
    return _parse_city(text)


@cache
def _state_codes_by_name() -> dict[str, str]:
    with translation.override("en"):  # the cache must not depend on the first visitor's language
        military = {code: str(name) for code, name in MILITARY_CODES.items()}
    names = military | place_names()
    by_name = {normalise_city(name): code for code, name in names.items()}
    by_name |= {normalise_city(code): code for code in names}
    return by_name


def resolve_state(text: str) -> str | None:
    """The USPS code for a state, territory, DC or military name or code, else ``None``."""
    return _state_codes_by_name().get(normalise_city(text))


def _found(query, kind, state, place=None) -> LookupResult:
    if state in MILITARY_CODES:
        kind = MatchKind.MILITARY
    return LookupResult(query, Status.FOUND, kind=kind, state=state, place=place)


def _parse_zip(text: str) -> LookupResult:
    match = ZIP_PATTERN.match(text)
    if not match:  # an address such as "Houston, TX 77002": use its one ZIP code
        zips_in_text = ZIP_IN_TEXT.findall(text)
        match = ZIP_PATTERN.match(zips_in_text[0]) if len(zips_in_text) == 1 else None
    if not match:
        return LookupResult(
            text,
            Status.NOT_FOUND,
            message=_(
                "Enter a five-digit ZIP code or a ZIP+4 code, for example 77550 or 77550-1234."
            ),
            suggestions=_example_queries(),
        )
    place = place_for_zip(match.group(1))
    if place is None:
        return LookupResult(
            text,
            Status.NOT_FOUND,
            message=_("We could not find the ZIP code %(zip)s.") % {"zip": match.group(1)},
            suggestions=_example_queries(),
        )
    return _found(text, MatchKind.ZIP, place.state, place)


def _parse_city(text: str) -> LookupResult:
    if "," in text:
        city, state_text = (part.strip() for part in text.rsplit(",", 1))
        state = resolve_state(state_text)
        if not state:
            return LookupResult(
                text,
                Status.NOT_FOUND,
                message=_("“%(state)s” is not a state or territory we recognize.")
                % {"state": state_text},
                suggestions=_state_suggestions(state_text) + _example_queries(),
            )
        if not city:
            return _found(text, MatchKind.STATE, state)
        return _city_in_state(text, city, state)

    places = places_for_city(text)
    if len(places) == 1:
        return _found(text, MatchKind.CITY, places[0].state, places[0])
    if len(places) > 1:
        return LookupResult(
            text,
            Status.AMBIGUOUS,
            choices=places,
            message=_("More than one place is called %(city)s. Choose yours.")
            % {"city": places[0].city},
        )
    words = text.split()
    for size in (3, 2, 1):  # "Galveston TX", "Santa Fe New Mexico"
        if len(words) > size:
            state = resolve_state(" ".join(words[-size:]))
            if state:
                return _city_in_state(text, " ".join(words[:-size]), state)
    return _not_found(text, text)


def _city_in_state(text: str, city: str, state: str) -> LookupResult:
    places = places_for_city(city, state)
    if places:
        return _found(text, MatchKind.CITY, state, places[0])
    return _not_found(text, city, state)


def _not_found(text: str, city: str, state: str | None = None) -> LookupResult:
    if state:
        message = _("We could not find %(city)s in %(state)s.") % {
            "city": city,
            "state": place_name(state),
        }
    else:
        message = _("We could not find a ZIP code, city or state called “%(query)s”.") % {
            "query": text
        }
    suggestions = [] if state else _state_suggestions(text)
    suggestions += [place.label for place in similar_cities(city, state)]
    return LookupResult(
        text, Status.NOT_FOUND, message=message, suggestions=suggestions or _example_queries()
    )


def _state_suggestions(text: str) -> list[str]:
    """A state whose name sounds like ``text`` (“Calfornia”), using the ``us`` package."""
    if len(text) < 4 or not text.replace(" ", "").isalpha():
        return []
    state = us.states.lookup(text)
    return [state.name] if state and state.abbr in place_names() else []


def _example_queries() -> list[str]:
    return ["77550", "Galveston, TX", "Texas"]
