from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailSpcpConfig(AppConfig):
    """App config for wagtail_spcp."""

    name = "wagtail_spcp"
    label = "wagtail_spcp"
    verbose_name = _("Community partnerships")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Both modules import models, which cannot be imported before the app registry is
        # ready: Django's documented place for this is ``AppConfig.ready()``.
        from . import checks  # noqa: F401 (registers the system checks)
        from .admin.permissions import register_permission_policies
        from .cache import connect_signals

        register_permission_policies()
        connect_signals()
