"""Public forms: requesting a program and registering for a program day.

Mount ``wagtail_spcp.public_forms.urls`` in the site's URLconf (inside ``i18n_patterns``,
before Wagtail's pages); see docs/requests.md.
"""
