"""schema.org JSON-LD for offices (GovernmentOffice), built from public fields only."""

import json

from django.conf import settings
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

from . import conf
from .choices import OfficeKind
from .states import place_name


def agency(identity=None) -> dict:
    """The agency the offices belong to.

    The site's ``AgencyIdentity`` when it names one, else ``WAGTAIL_SPCP_AGENCY``, else the
    site name.
    """
    if identity is not None and identity.agency_name:
        return {"name": identity.agency_name, "url": identity.agency_url}
    default = {"name": getattr(settings, "WAGTAIL_SITE_NAME", ""), "url": ""}
    return default | conf.agency()


def office_json_ld(office, state_codes=(), url: str = "", organisation=None) -> dict:
    """A GovernmentOffice with address, telephone, area served and parent organization."""
    organisation = organisation or agency()
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOffice",
        "name": office.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": ", ".join(filter(None, [office.address_line1, office.address_line2])),
            "addressLocality": office.city,
            "addressRegion": office.state,
            "postalCode": office.zip_code,
            "addressCountry": "US",
        },
        "telephone": office.phone,
        "areaServed": [{"@type": "State", "name": place_name(code)} for code in state_codes]
        if office.kind != OfficeKind.HEADQUARTERS
        else {"@type": "Country", "name": "United States"},
        "parentOrganization": {"@type": "GovernmentOrganization", "name": organisation["name"]},
    }
    if organisation.get("url"):
        data["parentOrganization"]["url"] = organisation["url"]
    if office.fax:
        data["faxNumber"] = office.fax
    if office.email:
        data["email"] = office.email
    if office.latitude is not None and office.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(office.latitude),
            "longitude": float(office.longitude),
        }
    if url:
        data["url"] = url
    return data


def json_ld_script(data) -> str:
    """A ``<script type="application/ld+json">`` element, escaped like ``json_script``."""
    payload = json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308
