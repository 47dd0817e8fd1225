"""Registration only."""

from wagtail_modeladmin.options import modeladmin_register

from .options import PartnershipsModelAdminGroup

modeladmin_register(PartnershipsModelAdminGroup)
