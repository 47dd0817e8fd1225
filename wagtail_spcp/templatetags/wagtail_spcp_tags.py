"""Template helpers for the public pages: place names, JSON-LD, the agency identity, USWDS."""

from django import template
from django.templatetags.static import static

from .. import conf
from ..states import place_name as _place_name
from ..structured_data import agency, json_ld_script, office_json_ld

register = template.Library()


@register.filter
def place_name(code):
    """``{{ "TX"|place_name }}`` renders “Texas”."""
    return _place_name(code)


@register.simple_tag(takes_context=True)
def office_json_ld_script(context, office, state_codes=(), url=""):
    """A GovernmentOffice JSON-LD script; ``state_codes`` are codes or RegionState rows."""
    request = context.get("request")
    if url and request is not None:
        url = request.build_absolute_uri(url)
    codes = [getattr(state, "code", state) for state in state_codes or ()]
    return json_ld_script(office_json_ld(office, codes, url))


@register.simple_tag
def spcp_agency():
    """The agency's name and URL, for identifiers and footers."""
    return agency()


@register.simple_tag
def uswds_static(path):
    """The URL of a file in USWDS's ``dist`` folder, under ``SPCP_USWDS_STATIC``.

    ``{% uswds_static "img/us_flag_small.png" %}``
    """
    return static(f"{conf.uswds_static()}/{path}")
