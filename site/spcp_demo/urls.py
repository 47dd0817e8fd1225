from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from wagtail_spcp import urls as spcp_urls
from wagtail_spcp.public_forms import urls as spcp_public_form_urls
from wagtail_spcp.search import urls as spcp_search_urls
from wagtail_spcp.sitemaps import TranslatedSitemap
from wagtail_spcp.surveys import urls as spcp_survey_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/spcp/", include(spcp_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": TranslatedSitemap}}),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages and the site search in each language: English at "/", Spanish under "/es/".
urlpatterns += i18n_patterns(
    path("search/", include(spcp_search_urls)),
    path("", include(spcp_public_form_urls)),
    path("survey/", include(spcp_survey_urls)),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
