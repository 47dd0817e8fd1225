"""Settings for running the demo on a developer's machine."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-demo-only-key-change-me"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# The demo runs tasks at once, with no worker, so it sends no registration reminders
# (wagtail_spcp.W001 says so); production.py uses the database backend and a worker.
SILENCED_SYSTEM_CHECKS = ["wagtail_spcp.W001"]
