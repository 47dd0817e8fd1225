"""Settings for the test suite: SQLite unless DATABASE_URL says otherwise."""

import dj_database_url

from .base import *  # noqa: F403
from .base import REPO_DIR

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
