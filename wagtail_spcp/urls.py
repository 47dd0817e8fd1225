"""The app's own URLconf, mounted by a site (the demo mounts it at ``/api/spcp/``)."""

from django.urls import path, re_path

from . import api

app_name = "wagtail_spcp"

urlpatterns = [
    path("offices/", api.office_list, name="office_list"),
    re_path(r"^offices/lookup/?$", api.office_lookup, name="office_lookup"),
]
