"""The public JSON API: office lookup and the office list. Only public fields leave here.

``GET offices/lookup?q=`` takes a ZIP or ZIP+4 (or an address holding one), a city
(“Galveston, TX”, or “Galveston” to list the choices) or a state name or code, and
answers with ``status``:

- ``found`` (200): ``match`` (zip, city, state or military), ``place`` (ZIP or city with
  coordinates, or null), ``state``, ``region`` with the states it serves, ``regional_office``,
  the region's ``field_offices`` nearest first (with ``distance_miles`` when the place is known),
  and ``headquarters`` when it serves the place itself (military mail, or no region assigned);
- ``ambiguous`` (200): ``message`` and ``choices``, each with a ``query`` to send back;
- ``not_found`` (404): ``message`` and ``suggestions``;
- ``invalid`` (400): a missing, empty or over-long ``q``, with a ``message``.

``GET offices/`` lists every office with its region and the states the region serves.
"""

from django.db.models import F
from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from .finder import LookupResult, Status, lookup
from .models import Office, RegionState
from .states import place_name

HTTP_STATUS = {Status.FOUND: 200, Status.AMBIGUOUS: 200, Status.NOT_FOUND: 404, Status.INVALID: 400}

OFFICE_FIELDS = [
    "name",
    "slug",
    "kind",
    "address_line1",
    "address_line2",
    "city",
    "state",
    "zip_code",
    "phone",
    "fax",
    "email",
    "hours",
    "contact_title",
]


def office_data(office, distance_miles=None) -> dict:
    data = {name: getattr(office, name) for name in OFFICE_FIELDS}
    data["kind_label"] = str(office.get_kind_display())
    data["latitude"] = float(office.latitude) if office.latitude is not None else None
    data["longitude"] = float(office.longitude) if office.longitude is not None else None
    if distance_miles is not None:
        data["distance_miles"] = distance_miles
    return data


def state_data(code: str) -> dict:
    return {"code": code, "name": place_name(code)}


def region_data(region, state_codes) -> dict:
    return {
        "name": region.name,
        "slug": region.slug,
        "states": [state_data(code) for code in state_codes],
    }


def _at_distance(item) -> dict | None:
    return office_data(item.office, item.miles) if item else None


def lookup_data(result: LookupResult) -> dict:
    data = {"status": result.status.value, "query": result.query}
    if result.status != Status.FOUND:
        data["message"] = result.message
        if result.status == Status.AMBIGUOUS:
            data["choices"] = [
                {"label": p.label, "city": p.city, "state": p.state, "query": p.label}
                for p in result.choices
            ]
        elif result.status == Status.NOT_FOUND:
            data["suggestions"] = result.suggestions
        return data
    place = result.place
    data |= {
        "match": result.kind.value,
        "place": {
            "zip_code": place.zip_code or None,
            "city": place.city,
            "state": place.state,
            "latitude": place.latitude,
            "longitude": place.longitude,
        }
        if place
        else None,
        "state": state_data(result.state),
        "region": region_data(result.region, [s.code for s in result.states])
        if result.region
        else None,
        "regional_office": _at_distance(result.regional_office),
        "field_offices": [_at_distance(item) for item in result.field_offices],
        "headquarters": _at_distance(result.headquarters),
    }
    return data


def _json(data, status=200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    patch_vary_headers(response, ["Accept-Language"])
    return response


@require_safe
@cache_control(public=True, max_age=300)
def office_lookup(request):
    """Find the offices serving a ZIP or ZIP+4, a city or a state (``?q=``).

    Messages follow ``Accept-Language`` even where ``i18n_patterns`` fixes the language of
    unprefixed URLs (the API has no language prefix).
    """
    with translation.override(translation.get_language_from_request(request)):
        result = lookup(request.GET.get("q", ""))
        return _json(lookup_data(result), status=HTTP_STATUS[result.status])


@require_safe
@cache_control(public=True, max_age=300)
def office_list(request):
    """Every office with its region and the states that region serves (two queries)."""
    states_by_region = {}
    for state in RegionState.objects.order_by("code"):
        states_by_region.setdefault(state.region_id, []).append(state.code)
    offices = Office.objects.select_related("region").order_by(
        F("region__sort_order").asc(nulls_first=True), "kind", "name"
    )
    data = [
        office_data(office)
        | {
            "region": region_data(office.region, states_by_region.get(office.region_id, []))
            if office.region
            else None
        }
        for office in offices
    ]
    return _json({"count": len(data), "offices": data})
