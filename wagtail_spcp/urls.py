"""The app's own URLconf, mounted by a site (the demo mounts it at ``/api/spcp/``)."""

app_name = "wagtail_spcp"

urlpatterns = []
