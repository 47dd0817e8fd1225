"""Find the request's Wagtail site without a query on each request.

Wagtail looks the site up with one query per request (``Site.find_for_request``), built
afresh each time around a ``CASE`` expression. ``SiteMiddleware`` keeps the list of sites
(with their root pages) in the fragment cache under the content version, which any site or
page change replaces, and picks the request's site from it by Wagtail's own rules; Wagtail
then reuses what it finds on the request.
"""

from django.http.request import split_domain_port

from wagtail.models import Site

from .cache import shared_value

# Wagtail's order of preference (``wagtail.models.sites.get_site_for_hostname``).
MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT, MATCH_DEFAULT, MATCH_HOSTNAME = range(4)


def match_site(sites, hostname: str, port: int):
    """The site Wagtail would choose for ``hostname`` and ``port`` among ``sites``, or None."""

    def match(site):
        if site.hostname == hostname and site.port == port:
            return MATCH_HOSTNAME_PORT
        if site.hostname == hostname and site.is_default_site:
            return MATCH_HOSTNAME_DEFAULT
        return MATCH_DEFAULT if site.is_default_site else MATCH_HOSTNAME

    candidates = sorted(
        (site for site in sites if site.hostname == hostname or site.is_default_site), key=match
    )
    if not candidates:
        return None
    best = match(candidates[0])
    if len(candidates) == 1 or best in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
        return candidates[0]
    if best == MATCH_DEFAULT:
        return candidates[len(candidates) == 2]
    return None


def find_site(request):
    """The request's site, as ``Site.find_for_request`` finds it, from the cached sites."""
    hostname = split_domain_port(request._get_raw_host())[0]
    return match_site(shared_value("sites", load_sites), hostname, request.get_port())


class SiteMiddleware:
    """Sets the request's Wagtail site from the cached list of sites."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = find_site(request)
        return self.get_response(request)


def load_sites() -> list:
    """Every site with its root page as its specific page type, which Wagtail routes from."""
    sites = list(Site.objects.select_related("root_page"))
    for site in sites:
        site.root_page = site.root_page.specific
    return sites
