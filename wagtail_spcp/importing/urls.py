"""Admin URLs of the import wizard, import batches and exports."""

from django.urls import path

from . import views, wizard

app_name = "wagtail_spcp_importing"

urlpatterns = [
    path("new/", wizard.upload, name="upload"),
    path("engagement/<int:engagement_id>/", views.start_for_engagement, name="start"),
    path(
        "engagement/<int:engagement_id>/export/<str:file_format>/",
        views.export,
        name="export",
    ),
    path(
        "engagement/<int:engagement_id>/sign-in-sheet/",
        views.sign_in_sheet,
        name="sign_in_sheet",
    ),
    path("map/<str:token>/", wizard.map_columns, name="map"),
    path("<int:pk>/", views.batch_detail, name="batch"),
    path("<int:pk>/progress/", views.batch_progress, name="progress"),
    path("<int:pk>/values/", wizard.map_values, name="values"),
    path("<int:pk>/restart/", wizard.restart, name="restart"),
    path("<int:pk>/preview/", wizard.preview, name="preview"),
    path("<int:pk>/confirm/", wizard.confirm, name="confirm"),
    path("<int:pk>/errors/", views.error_workbook, name="errors"),
    path("<int:pk>/undo/", views.undo, name="undo"),
]
