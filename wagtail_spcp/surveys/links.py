"""The public address of each wave of a survey, and its QR code for print.

The address names the survey's token and the wave only, never a person. It is built in
the site's default language (the page offers the other language) on the request's site.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from wagtail.models import Site

import segno

URL_NAME = "wagtail_spcp_surveys:take"


def survey_path(survey, wave) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return reverse(URL_NAME, kwargs={"token": survey.token, "wave": wave})


def survey_url(survey, wave, request) -> str:
    """The full address of ``wave``, on the site of ``request`` (the root URL staff set)."""
    site = Site.find_for_request(request)
    path = survey_path(survey, wave)
    if site is not None and site.root_url:
        return site.root_url.rstrip("/") + path
    return request.build_absolute_uri(path)


def qr_code_svg(url: str, title: str) -> str:
    """An inline SVG QR code of ``url`` (error correction "M", a quiet zone of 4 modules)."""
    return segno.make_qr(url, error="m").svg_inline(
        scale=5, title=title, dark="#000", light="#fff", border=4
    )
