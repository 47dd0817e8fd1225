"""Keeping uploaded spreadsheets and error workbooks in the private import storage."""

import hashlib
from pathlib import Path

from django.core.files.base import ContentFile

from ..models import ImportFile


def store_file(data: bytes, original_name: str, owner=None, kind=None):
    """Keep ``data`` privately and return its ``ImportFile`` record."""
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
