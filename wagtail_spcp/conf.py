"""The app's settings, each read in one place with its default.

Every setting the app reads is named here, with the ``SPCP_`` prefix (the agency identity
keeps ``WAGTAIL_SPCP_AGENCY``). Read at call time, so ``override_settings`` works in tests.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, InvalidStorageError, storages

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def _setting(name, default):
    return getattr(settings, name, default)


def phone_region() -> str:
    """``SPCP_PHONE_REGION``: the region for phone numbers written without a country code."""
    return _setting("SPCP_PHONE_REGION", "US")


def agency() -> dict:
    """``WAGTAIL_SPCP_AGENCY``: the agency named in the footer and the JSON-LD."""
    return _setting("WAGTAIL_SPCP_AGENCY", {})


def uswds_static() -> str:
    """``SPCP_USWDS_STATIC``: the static path where the site serves USWDS's ``dist`` folder.

    The public templates take USWDS's icons from there (default ``vendor/uswds``).
    """
    return str(_setting("SPCP_USWDS_STATIC", "vendor/uswds")).strip("/")


def fragment_cache_enabled() -> bool:
    """``SPCP_FRAGMENT_CACHE``: cache shared fragments of the public pages (default True)."""
    return bool(_setting("SPCP_FRAGMENT_CACHE", True))


def fragment_cache_alias() -> str:
    """``SPCP_FRAGMENT_CACHE_ALIAS``: the cache (in ``CACHES``) holding fragments (default)."""
    return _setting("SPCP_FRAGMENT_CACHE_ALIAS", "default")


def fragment_cache_seconds() -> int:
    """``SPCP_FRAGMENT_CACHE_SECONDS``: the longest a fragment is kept (default 15 minutes).

    Edits replace fragments at once through the content version; the limit only bounds how
    long a cache that some processes do not share (the per-process default) can lag.
    """
    return int(_setting("SPCP_FRAGMENT_CACHE_SECONDS", 900))


def fragment_cache_models() -> list[str]:
    """``SPCP_FRAGMENT_CACHE_MODELS``: more models (``"app.Model"``) whose saves and
    deletions refresh the cached fragments, for a site that shows its own in them."""
    return list(_setting("SPCP_FRAGMENT_CACHE_MODELS", ()))


def max_upload_bytes() -> int:
    """``SPCP_IMPORT_MAX_BYTES``: the largest file the importer accepts (default 10 MB)."""
    return int(_setting("SPCP_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))


def max_uncompressed_bytes() -> int:
    """``SPCP_IMPORT_MAX_UNCOMPRESSED_BYTES``: the most a workbook may unpack to."""
    return int(_setting("SPCP_IMPORT_MAX_UNCOMPRESSED_BYTES", 30 * max_upload_bytes()))


def max_rows() -> int:
    """``SPCP_IMPORT_MAX_ROWS``: the most data rows a file may hold (default 200,000)."""
    return int(_setting("SPCP_IMPORT_MAX_ROWS", 200_000))


def max_columns() -> int:
    """``SPCP_IMPORT_MAX_COLUMNS``: the most columns a sheet may span (default 200)."""
    return int(_setting("SPCP_IMPORT_MAX_COLUMNS", 200))


def task_row_threshold() -> int:
    """``SPCP_IMPORT_TASK_ROWS``: imports with more rows run as a background task."""
    return int(_setting("SPCP_IMPORT_TASK_ROWS", 2000))


def stale_after_minutes() -> int:
    """``SPCP_IMPORT_STALE_MINUTES``: a running import with no progress this long is stale."""
    return int(_setting("SPCP_IMPORT_STALE_MINUTES", 30))


def file_lifetime_seconds() -> int:
    """``SPCP_IMPORT_FILE_LIFETIME``: how long error workbooks and wizard links stay valid."""
    return int(_setting("SPCP_IMPORT_FILE_LIFETIME", 7 * 24 * 3600))


def import_storage():
    """The private storage for uploads and error workbooks, never the public media storage.

    ``STORAGES["spcp_imports"]`` when configured, else ``SPCP_IMPORT_ROOT`` (default: a
    ``spcp-private`` folder next to ``MEDIA_ROOT``, not under it), with no public URL.
    """
    try:
        return storages["spcp_imports"]
    except InvalidStorageError:
        pass
    location = _setting("SPCP_IMPORT_ROOT", None) or (
        Path(settings.MEDIA_ROOT).parent / "spcp-private"
    )
    return FileSystemStorage(location=location, base_url=None)


def forms_rate_limit() -> int:
    """``SPCP_FORMS_RATE_LIMIT``: the most public-form submissions one address may send in
    ``SPCP_FORMS_RATE_WINDOW`` (default 10); 0 turns the limit off."""
    return int(_setting("SPCP_FORMS_RATE_LIMIT", 10))


def forms_rate_window() -> int:
    """``SPCP_FORMS_RATE_WINDOW``: the seconds the rate limit counts over (default 1 hour)."""
    return int(_setting("SPCP_FORMS_RATE_WINDOW", 3600))


def forms_min_seconds() -> int:
    """``SPCP_FORMS_MIN_SECONDS``: a public form sent sooner after it was shown is refused
    as automated (default 3 seconds)."""
    return int(_setting("SPCP_FORMS_MIN_SECONDS", 3))


def forms_cache_alias() -> str:
    """``SPCP_FORMS_CACHE_ALIAS``: the cache (in ``CACHES``) counting submissions per address.

    Use a cache every process shares (Redis, Memcached, the database) in production.
    """
    return _setting("SPCP_FORMS_CACHE_ALIAS", "default")


def forms_from_email() -> str | None:
    """``SPCP_FORMS_FROM_EMAIL``: the sender of the forms' emails (default
    ``DEFAULT_FROM_EMAIL``)."""
    return _setting("SPCP_FORMS_FROM_EMAIL", None) or settings.DEFAULT_FROM_EMAIL


def request_duplicate_days() -> int:
    """``SPCP_REQUEST_DUPLICATE_DAYS``: a request from a community that asked this many days
    before is flagged as a possible duplicate (default 90)."""
    return int(_setting("SPCP_REQUEST_DUPLICATE_DAYS", 90))


def survey_min_responses() -> int:
    """``SPCP_SURVEY_MIN_RESPONSES``: the fewest responses a survey figure is shown from
    (default 5); a figure from fewer is withheld, in the admin and in the export."""
    return max(1, int(_setting("SPCP_SURVEY_MIN_RESPONSES", 5)))


def council_quiet_days() -> int:
    """``SPCP_COUNCIL_QUIET_DAYS``: the dashboard flags a council with no meeting in this
    many days (default 90)."""
    return int(_setting("SPCP_COUNCIL_QUIET_DAYS", 90))
