"""The offices serving a state, with field offices ordered by distance from a place."""

from dataclasses import dataclass, field
from math import asin, cos, radians, sin, sqrt

from django.db.models import Q

from ..choices import OfficeKind
from ..models.offices import Office, RegionState
from .places import Place

EARTH_RADIUS_MILES = 3958.8


@dataclass(frozen=True)
class OfficeAtDistance:
    """An office and how far it is from the place looked up, when both positions are known."""

    office: object
    miles: float | None = None


@dataclass
class ServingOffices:
    region: object = None
    states: list = field(default_factory=list)
    regional_office: OfficeAtDistance | None = None
    field_offices: list[OfficeAtDistance] = field(default_factory=list)
    headquarters: OfficeAtDistance | None = None


def distance_miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in miles."""
    lat1, lon1, lat2, lon2 = map(radians, (lat1, lon1, lat2, lon2))
    a = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * asin(sqrt(a))


def at_distance(office, place: Place | None) -> OfficeAtDistance:
    if not (place and place.has_coordinates and office.latitude is not None):
        return OfficeAtDistance(office)
    if office.longitude is None:
        return OfficeAtDistance(office)
    miles = distance_miles(
        place.latitude, place.longitude, float(office.latitude), float(office.longitude)
    )
    return OfficeAtDistance(office, round(miles, 1))


def by_distance(offices, place: Place | None) -> list[OfficeAtDistance]:
    """Offices nearest first; without a known place (or position), by name."""
    located = [at_distance(office, place) for office in offices]
    return sorted(
        located,
        key=lambda item: (item.miles is None, item.miles or 0, item.office.name),
    )


def find_offices(state: str, place: Place | None = None, military: bool = False) -> ServingOffices:
    """The region serving ``state``, its offices, and headquarters when no region serves it.

    Two queries: the region's states (with the region), then its offices and headquarters.
    Military mail (AA, AE, AP) and codes no region serves go to headquarters.
    """
    states = []
    if not military:
        states = list(
            RegionState.objects.filter(region__states__code=state)
            .select_related("region")
            .order_by("code")
        )
    region = states[0].region if states else None
    office_filter = Q(kind=OfficeKind.HEADQUARTERS)
    if region is not None:
        office_filter |= Q(region=region)
    offices = list(Office.objects.filter(office_filter).order_by("name"))

    regional = [o for o in offices if o.region_id and o.kind == OfficeKind.REGIONAL]
    field_offices = [o for o in offices if o.region_id and o.kind == OfficeKind.FIELD]
    headquarters = next((o for o in offices if o.kind == OfficeKind.HEADQUARTERS), None)
    result = ServingOffices(
        region=region,
        states=states,
        field_offices=by_distance(field_offices, place),
    )
    if regional:
        result.regional_office = by_distance(regional, place)[0]
    elif headquarters is not None:
        result.headquarters = at_distance(headquarters, place)
    return result
