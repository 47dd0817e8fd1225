"""Fragment caching for the public pages, keyed on a content version.

Parts of a page that every visitor sees the same (the header's logo and menu, the footer
identifier, program and case study content, the finder's tile map, the agency identity, the
list of sites) are cached under a key made of the fragment's name, the site, the active
language, optional vary-on values and the *content version*: a token replaced whenever an
editor publishes, unpublishes, moves or deletes a page, or saves a snippet or setting that
public pages show (regions, offices, councils, the agency identity, sites, view
restrictions, images, documents). An edit therefore shows on the next render.

Only anonymous visitors' ordinary requests read or fill the cache: a signed-in user or a
preview renders everything afresh and stores nothing, so drafts and staff-only details never
reach a fragment that another visitor gets. ``SPCP_FRAGMENT_CACHE = False`` turns it off.
"""

import hashlib
import time

from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import conf

VERSION_KEY = "wagtail_spcp:content-version"
KEY_PREFIX = "wagtail_spcp:fragment"
MISSING = object()

# What public pages show besides the pages themselves; a site adds its own models with
# SPCP_FRAGMENT_CACHE_MODELS.
VERSIONED_MODELS = (
    "wagtailcore.Page",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "wagtail_spcp.AgencyIdentity",
    "wagtail_spcp.Region",
    "wagtail_spcp.RegionState",
    "wagtail_spcp.Office",
    "wagtail_spcp.Council",
    "wagtail_spcp.CouncilMeeting",
)


def _cache():
    return caches[conf.fragment_cache_alias()]


def content_version(request=None) -> str:
    """The current content version, read once per request when given one.

    A new version is made (and kept) when none is stored.
    """
    if request is not None and hasattr(request, "_spcp_content_version"):
        return request._spcp_content_version
    cache = _cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, str(time.time_ns()), timeout=None)
        version = cache.get(VERSION_KEY) or "0"
    if request is not None:
        request._spcp_content_version = version
    return version


def bump_content_version(**kwargs) -> None:
    """Replace the content version: every cached fragment is rendered afresh next time."""
    _cache().set(VERSION_KEY, str(time.time_ns()), timeout=None)


def is_cacheable(request) -> bool:
    """Whether a fragment may be read from or stored in the shared cache for ``request``."""
    if not conf.fragment_cache_enabled() or request is None:
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def fragment_key(request, name: str, *vary_on) -> str:
    """The cache key of fragment ``name``: site, language, content version and ``vary_on``."""
    site = Site.find_for_request(request)
    parts = [
        name,
        str(getattr(site, "pk", "")),
        get_language() or "",
        content_version(request),
        *(str(value) for value in vary_on),
    ]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"{KEY_PREFIX}:{name}:{digest}"


def cached_fragment(request, name: str, build, *vary_on):
    """``build()``'s result (rendered HTML or another picklable public value), from the
    cache when ``request`` may share it.

    ``build`` runs when the fragment is missing or the request is not cacheable (signed-in
    users, previews, cache turned off); only what an anonymous request built is stored.
    """
    if not is_cacheable(request):
        return build()
    cache = _cache()
    key = fragment_key(request, name, *vary_on)
    value = cache.get(key, MISSING)
    if value is MISSING:
        value = build()
        cache.set(key, value, conf.fragment_cache_seconds())
    return value


def shared_value(name: str, build):
    """``build()``'s result, kept until content changes, for values that never depend on
    who asks or what they may see (the list of sites); any other value goes through
    ``cached_fragment``."""
    if not conf.fragment_cache_enabled():
        return build()
    cache = _cache()
    key = f"{KEY_PREFIX}:{name}:{content_version()}"
    value = cache.get(key, MISSING)
    if value is MISSING:
        value = build()
        cache.set(key, value, conf.fragment_cache_seconds())
    return value


def connect_signals() -> None:
    """Bump the content version on page publish/unpublish/move/delete and model saves."""
    page_signals = {"published": page_published, "unpublished": page_unpublished}
    page_signals["moved"] = post_page_move
    for name, signal in page_signals.items():
        signal.connect(bump_content_version, dispatch_uid=f"spcp-version-page-{name}")
    for label in (*VERSIONED_MODELS, *conf.fragment_cache_models()):
        post_save.connect(
            bump_content_version, sender=label, dispatch_uid=f"spcp-version-save-{label}"
        )
        post_delete.connect(
            bump_content_version, sender=label, dispatch_uid=f"spcp-version-delete-{label}"
        )
