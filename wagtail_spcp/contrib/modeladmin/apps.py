from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailSpcpModelAdminConfig(AppConfig):
    """Registers the partnership models with wagtail-modeladmin."""

    name = "wagtail_spcp.contrib.modeladmin"
    label = "wagtail_spcp_modeladmin"
    verbose_name = _("Community partnerships (ModelAdmin)")
