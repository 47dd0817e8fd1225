"""The public search page's URLconf, mounted by a site where its search lives.

The demo mounts it at ``/search/``, before Wagtail's catch-all page URLs.
"""

from django.urls import path

from . import views

app_name = "wagtail_spcp_search"

urlpatterns = [path("", views.search, name="search")]
