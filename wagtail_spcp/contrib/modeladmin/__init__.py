"""The staff admin through wagtail-modeladmin, for sites that still standardise on it.

Add ``"wagtail_modeladmin"`` and ``"wagtail_spcp.contrib.modeladmin"`` to ``INSTALLED_APPS``.
Querysets, forms and permission checks are those of ``wagtail_spcp.admin``.
"""
