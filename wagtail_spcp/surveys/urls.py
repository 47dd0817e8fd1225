"""The public survey pages' URLconf, mounted by a site inside ``i18n_patterns``.

The demo mounts it at ``/survey/``, before Wagtail's catch-all page URLs (docs/surveys.md).
"""

from django.urls import path

from . import views

app_name = "wagtail_spcp_surveys"

urlpatterns = [path("<str:token>/<str:wave>/", views.take_survey, name="take")]
