"""Settings for the test suite: SQLite unless DATABASE_URL says otherwise."""

from importlib.util import find_spec

import dj_database_url

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, REPO_DIR

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DATABASES = {"default": dj_database_url.config(default="sqlite:///:memory:")}
MEDIA_ROOT = REPO_DIR / "var" / "test-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "spcp_imports": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}

# The optional wagtail-modeladmin integration is tested whenever its package is installed.
if find_spec("wagtail_modeladmin"):
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail_modeladmin", "wagtail_spcp.contrib.modeladmin"]
