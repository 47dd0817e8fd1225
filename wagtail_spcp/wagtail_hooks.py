"""Registration with the Wagtail admin; the logic lives in the modules named below."""

from wagtail import hooks

# --- Participant import and export: wagtail_spcp.importing -------------------------------
from .importing import admin as importing_admin

hooks.register("register_log_actions", importing_admin.register_log_actions)
hooks.register("register_admin_urls", importing_admin.register_admin_urls)
hooks.register("register_admin_menu_item", importing_admin.register_menu_item)
# --- end of participant import and export ------------------------------------------------
