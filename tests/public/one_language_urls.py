"""A site's URLconf without ``i18n_patterns``: one language, as before Spanish pages."""

from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.contrib.sitemaps.views import sitemap

from wagtail_spcp import urls as spcp_urls
from wagtail_spcp.search import urls as spcp_search_urls
from wagtail_spcp.sitemaps import TranslatedSitemap

urlpatterns = [
    path("api/spcp/", include(spcp_urls)),
    path("search/", include(spcp_search_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": TranslatedSitemap}}),
    path("", include(wagtail_urls)),
]
