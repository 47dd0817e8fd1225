"""Private storage for uploaded spreadsheets and error workbooks, and the importer's settings."""

import hashlib
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, InvalidStorageError, storages

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def max_upload_bytes() -> int:
    """The largest file the importer accepts (``SPCP_IMPORT_MAX_BYTES``, default 10 MB)."""
    return int(getattr(settings, "SPCP_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))


def max_uncompressed_bytes() -> int:
    """The largest total a workbook may declare for its unpacked parts."""
    return int(getattr(settings, "SPCP_IMPORT_MAX_UNCOMPRESSED_BYTES", 30 * max_upload_bytes()))


def max_rows() -> int:
    """The most data rows a file may hold (``SPCP_IMPORT_MAX_ROWS``, default 200,000)."""
    return int(getattr(settings, "SPCP_IMPORT_MAX_ROWS", 200_000))


def max_columns() -> int:
    """The most columns a sheet may span (``SPCP_IMPORT_MAX_COLUMNS``, default 200)."""
    return int(getattr(settings, "SPCP_IMPORT_MAX_COLUMNS", 200))


def task_row_threshold() -> int:
    """Imports with more rows than this run as a background task."""
    return int(getattr(settings, "SPCP_IMPORT_TASK_ROWS", 2000))


def stale_after_minutes() -> int:
    """A running import with no progress for this long is taken as interrupted."""
    return int(getattr(settings, "SPCP_IMPORT_STALE_MINUTES", 30))


def file_lifetime_seconds() -> int:
    """How long an error workbook (and the signed wizard links) stay valid."""
    return int(getattr(settings, "SPCP_IMPORT_FILE_LIFETIME", 7 * 24 * 3600))


def get_import_storage():
    """``STORAGES["spcp_imports"]`` when configured, else a private folder with no URL."""
    try:
        return storages["spcp_imports"]
    except InvalidStorageError:
        pass
    location = getattr(settings, "SPCP_IMPORT_ROOT", None) or (
        Path(settings.MEDIA_ROOT).parent / "spcp-private"
    )
    return FileSystemStorage(location=location, base_url=None)


def store_file(data: bytes, original_name: str, owner=None, kind=None):
    """Keep ``data`` privately and return its ``ImportFile`` record."""
    from ..models import ImportFile

    digest = hashlib.sha256(data).hexdigest()
    suffix = Path(original_name).suffix.lower()[:10]
    record = ImportFile(
        kind=kind or ImportFile.Kind.UPLOAD,
        original_name=Path(original_name).name[:255],
        sha256=digest,
        size=len(data),
        owner=owner if owner is not None and owner.is_authenticated else None,
    )
    record.file.save(f"{digest[:16]}{suffix}", ContentFile(data), save=False)
    record.save()
    return record


def read_stored(record) -> bytes:
    with record.file.open("rb") as handle:
        return handle.read()
