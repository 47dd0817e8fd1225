from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "spcp_demo.home"
    label = "home"
    default_auto_field = "django.db.models.BigAutoField"
