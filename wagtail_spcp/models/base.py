"""The site's base page model.

Wagtail 8 lets a project swap its base page model (``WAGTAIL_PAGE_MODEL``);
the app's concrete pages subclass whichever model the project uses. A project
that swaps it must list the app holding its base page before ``wagtail_spcp``.
"""

import swapper

swapper.set_app_prefix("wagtailcore", "wagtail")

Page = swapper.load_model("wagtailcore", "Page", require_ready=False)
