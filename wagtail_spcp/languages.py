"""Pages in several languages: the language switcher's links and the ``hreflang`` alternates.

Built on Wagtail's own i18n (``WAGTAIL_I18N_ENABLED``, ``WAGTAIL_CONTENT_LANGUAGES``): a page's
translations share its ``translation_key``. A routable sub-page (a region, a council, the
finder's ``?q=`` results) maps onto the same route below the translated page. With i18n off a
page has no translations: the switcher and the alternates render nothing.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Locale, Site

from .cache import cached_fragment
from .models.base import Page

X_DEFAULT = "x-default"


@dataclass(frozen=True)
class LanguageLink:
    """A link to the current page (or the nearest page) in another language."""

    language_code: str
    label: str
    url: str


def i18n_enabled() -> bool:
    return getattr(settings, "WAGTAIL_I18N_ENABLED", False)


def language_label(language_code: str) -> str:
    """The language's name in that language, as a visitor who reads it looks for it."""
    name = translation.get_language_info(language_code)["name_local"]
    return name[:1].upper() + name[1:]


def active_content_language() -> str:
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return Locale.get_default().language_code


def other_languages() -> list[str]:
    """The site's content languages other than the one being shown."""
    active = active_content_language()
    return [code for code in get_content_languages() if code != active]


def languages_of(request, page=None) -> dict:
    """The live, public translations of ``page`` and of the site's home page, by
    ``translation_key`` then language code.

    One query (and Wagtail's one for view restrictions) per request: the header's navigation,
    the logo, the switcher and the ``<head>`` all read it.
    """
    page = page if isinstance(page, Page) else None
    memo = request.__dict__.setdefault("_spcp_languages", {}) if request is not None else {}
    key = page.pk if page is not None else None
    if key not in memo:
        site = Site.find_for_request(request) if request is not None else None
        keys = {item.translation_key for item in (page, site and site.root_page) if item}
        pages = Page.objects.filter(translation_key__in=keys).live()
        if page is not None:  # the home pages alone are the navigation, shown in any case
            pages = pages.public()
        found = {}
        for translated in pages.select_related("locale"):
            found.setdefault(translated.translation_key, {})[translated.locale.language_code] = (
                translated
            )
        memo[key] = found
    return memo[key]


def live_translations(page, request=None) -> dict[str, Page]:
    """``page`` and its live, public translations, by language code."""
    return languages_of(request, page).get(page.translation_key, {})


def home_pages(request, page=None) -> dict[str, Page]:
    """The site's home page in each language it is live in."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    return languages_of(request, page).get(site.root_page.translation_key, {})


def home_page(request, page=None):
    """The site's home page in the language shown, else the site's root page."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return None
    if not i18n_enabled():
        return site.root_page
    return home_pages(request, page).get(active_content_language(), site.root_page)


def localized_url(request, url: str) -> str:
    """The address of the site's page at ``url`` (a path such as "/programs/") in the language
    shown, when that page has a live translation there; any other ``url`` unchanged."""
    site = Site.find_for_request(request) if request is not None else None
    if not i18n_enabled() or site is None or not url.startswith("/") or url.startswith("//"):
        return url
    path, mark, query = url.partition("?")
    url_path = site.root_page.url_path + path.lstrip("/")
    page = Page.objects.filter(url_path=url_path.rstrip("/") + "/").first()
    if page is None:
        return url
    translated = page.get_translation_or_none(Locale.get_active())
    if translated is None or not translated.live:
        return url
    return translated.get_url(request) + mark + query


def subpage_path(page, request) -> str:
    """The part of the request's path below ``page``'s own URL (a routable sub-page)."""
    page_url = page.get_url(request)
    if page_url and request.path.startswith(page_url):
        return request.path[len(page_url) :]
    return ""


def vary_on(request, page) -> tuple:
    """What the links of ``page`` depend on besides the site, language and content."""
    return (getattr(page, "pk", ""), request.path if request is not None else "")


def switcher_links(request, page=None) -> list[LanguageLink]:
    """One link per other content language: the same page (and sub-page, and query) there.

    A page with no live translation in a language links to that language's home page; a view
    under ``i18n_patterns`` (the site search) links to the same view in the other language.
    Kept in the fragment cache until content changes.
    """
    if not i18n_enabled() or request is None:
        return []
    return cached_fragment(
        request,
        "language-switcher",
        lambda: build_switcher_links(request, page),
        *vary_on(request, page),
        request.GET.urlencode(),
    )


def build_switcher_links(request, page=None) -> list[LanguageLink]:
    languages = other_languages()
    if not languages:
        return []
    query = request.GET.urlencode()  # re-encoded: a query may hold any character
    suffix = "?" + query if query else ""
    translations = live_translations(page, request) if isinstance(page, Page) else {}
    below = subpage_path(page, request) if translations else ""
    links = []
    for code in languages:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request) + below + suffix
        elif page is None and (translated := translate_url(request.path, code)) != request.path:
            url = translated + suffix
        elif home := home_pages(request, page).get(code):
            url = home.get_url(request)
        else:
            continue
        links.append(LanguageLink(code, language_label(code), url))
    return links


def alternate_links(request, page) -> list[tuple[str, str]]:
    """``(hreflang, absolute URL)`` for each live translation of ``page``, then ``x-default``.

    Empty when the page exists in one language only. Kept in the fragment cache until content
    changes.
    """
    if not i18n_enabled() or not isinstance(page, Page):
        return []
    return cached_fragment(
        request,
        "alternate-links",
        lambda: build_alternate_links(request, page),
        *vary_on(request, page),
    )


def build_alternate_links(request, page) -> list[tuple[str, str]]:
    translations = live_translations(page, request)
    if len(translations) < 2:
        return []
    below = subpage_path(page, request) if request is not None else ""
    links = [
        (code, translated.get_full_url(request) + below)
        for code, translated in sorted(translations.items())
    ]
    default = translations.get(get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if default is not None:
        links.append((X_DEFAULT, default.get_full_url(request) + below))
    return links
