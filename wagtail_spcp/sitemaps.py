"""A sitemap of every language's pages, each URL listing its translations as alternates.

Wagtail's own sitemap lists the pages below the site's root page, which holds one language;
``TranslatedSitemap`` adds the root page's translations and their trees, and gives each URL
(a routable sub-page too) ``xhtml:link`` alternates to the same URL in each language, plus
``x-default``. With i18n off it lists what Wagtail's sitemap lists, without alternates.
A site mounts it with Wagtail's view:
``path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": TranslatedSitemap}})``.
"""

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale

from .languages import X_DEFAULT, i18n_enabled
from .models.base import Page


class TranslatedSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        if not i18n_enabled():
            return super().items()
        trees = Q()
        for translated_root in root.get_translations(inclusive=True):
            trees |= Page.objects.descendant_of_q(translated_root, inclusive=True)
        return (
            Page.objects.filter(trees)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        translations = self._translations(items) if i18n_enabled() else {}
        default_language = Locale.get_default().language_code
        urls = []
        last_mods = set()
        for item in items:
            siblings = translations.get(item.translation_key, {})
            base = item.get_full_url(self.request)
            for url_info in item.get_sitemap_urls(self.request):
                if len(siblings) > 1 and "alternates" not in url_info:
                    below = url_info["location"].removeprefix(base)
                    url_info["alternates"] = alternates(siblings, below, default_language)
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _translations(self, items) -> dict:
        """Each item's live, public translations (itself included) by language, in one query."""
        keys = {item.translation_key for item in items}
        found = {}
        pages = Page.objects.filter(translation_key__in=keys).live().public()
        for translated in pages.select_related("locale"):
            found.setdefault(translated.translation_key, {})[translated.locale.language_code] = (
                translated.get_full_url(self.request)
            )
        return found


def alternates(full_urls: dict[str, str], below: str, default_language: str) -> list[dict]:
    """Django's sitemap alternates: ``below`` (a sub-page's path) in each language."""
    links = [
        {"lang_code": code, "location": url + below} for code, url in sorted(full_urls.items())
    ]
    if default_language in full_urls:
        links.append({"lang_code": X_DEFAULT, "location": full_urls[default_language] + below})
    return links
