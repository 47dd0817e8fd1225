"""USPS codes for states, DC, territories and military mail, from the ``us`` package."""

from functools import cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

import us

MILITARY_CODES = {
    "AA": _("Armed Forces Americas"),
    "AE": _("Armed Forces Europe"),
    "AP": _("Armed Forces Pacific"),
}


@cache
def place_names() -> dict[str, str]:
    """Map each USPS code served by the app (states, DC, territories) to its name."""
    places = [*us.states.STATES_AND_TERRITORIES, us.states.DC]
    return {place.abbr: place.name for place in sorted(places, key=lambda p: p.abbr)}


def place_name(code: str) -> str:
    """The name of a USPS code, including military codes; the code itself if unknown."""
    code = (code or "").upper()
    return str(MILITARY_CODES.get(code) or place_names().get(code, code))


def validate_place_code(value: str) -> None:
    """Reject anything that is not a state, DC or territory USPS code."""
    if value not in place_names():
        raise ValidationError(
            _("“%(value)s” is not a U.S. state, territory or DC postal code."),
            code="invalid_place_code",
            params={"value": value},
        )


def validate_community_code(value: str) -> None:
    """A state, DC or territory code, or a military mail code (AA, AE, AP)."""
    if value in MILITARY_CODES:
        return
    validate_place_code(value)
