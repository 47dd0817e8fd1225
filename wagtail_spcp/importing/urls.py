"""Admin URLs of the import wizard, batches and exports."""

from django.urls import path

from . import views

app_name = "wagtail_spcp_importing"

urlpatterns = [
    path("", views.batch_index, name="batches"),
]
