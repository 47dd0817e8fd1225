"""Settings shared by every environment of the demo site."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

SITE_DIR = Path(__file__).resolve().parent.parent.parent
REPO_DIR = SITE_DIR.parent
PROJECT_DIR = SITE_DIR / "spcp_demo"

INSTALLED_APPS = [
    "spcp_demo.home",
    "wagtail_spcp",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "import_export",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Finds the request's Wagtail site without a query (see docs/deploying.md).
    "wagtail_spcp.sites.SiteMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "spcp_demo.urls"

# Security headers on every response; a strict Content Security Policy on the public site.
# The Wagtail admin is left out of the policy because its pages use inline styles.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "spcp_demo.wsgi.application"

# SQLite by default; DATABASE_URL (for example postgres://postgres@127.0.0.1:5432/spcp)
# points the site at PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{REPO_DIR / 'db.sqlite3'}", conn_max_age=600
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Pages exist in U.S. English (at "/") and Spanish (under "/es/"); see docs/public-site.md.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "America/New_York"
USE_I18N = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]
USE_TZ = True

STATIC_ROOT = REPO_DIR / "var" / "static"
STATIC_URL = "/static/"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_ROOT = REPO_DIR / "var" / "media"
MEDIA_URL = "/media/"

FIXTURE_DIRS = [REPO_DIR / "fixtures"]

WAGTAIL_SITE_NAME = "Community Partnerships demo"
# The agency named in the footer identifier and as the offices' parent organisation (JSON-LD).
WAGTAIL_SPCP_AGENCY = {"name": "Community Relations Service", "url": "https://www.justice.gov/crs"}
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]

# Participant data is confidential: never write personal details to logs. Admin searches
# carry names and emails in the query string, so the development server's access log
# leaves out the query string of admin requests, and of the public site search (in each
# language), where a visitor may type a name (for gunicorn, see docs/deploying.md).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "strip_admin_queries": {
            "()": "wagtail_spcp.log_filters.StripQueryStrings",
            "paths": ["/admin/", "/search/", "/es/search/"],
        },
    },
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
        },
    },
    "loggers": {
        "django.server": {
            "handlers": ["django.server"],
            "filters": ["strip_admin_queries"],
            "level": "INFO",
            "propagate": False,
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Staff avatars: never ask a third-party service (Gravatar) for them, which would send a
# hash of each staff member's email address from every admin page view.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor ask releases.wagtail.io for the latest version from administrators' browsers.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Background tasks (large imports). The immediate backend runs a task in the request;
# a site with a worker sets "django_tasks_db.DatabaseBackend" and runs `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Uploaded spreadsheets and error workbooks are personal data: kept outside MEDIA_ROOT.
SPCP_IMPORT_ROOT = REPO_DIR / "var" / "private"
