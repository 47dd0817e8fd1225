"""The public forms' URLs; mount inside ``i18n_patterns`` before Wagtail's pages.

A program page also answers its own ``request/`` address with the request form.
"""

from django.urls import path

from . import views

app_name = "spcp_public_forms"

urlpatterns = [
    path("request-a-program/", views.request_program, name="request"),
    path("register/<str:token>/", views.register, name="register"),
    path("register/cancel/<str:token>/", views.cancel, name="cancel"),
]
