"""The public search page's URLconf: a site mounts it where its search lives (the demo: ``/search/``).

Include it before Wagtail's catch-all page URLs.
"""

from django.urls import path

from . import views

app_name = "wagtail_spcp_search"

urlpatterns = [path("", views.search, name="search")]
