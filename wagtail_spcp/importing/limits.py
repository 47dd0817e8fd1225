"""The importer's limits on a file, and the exception that refuses one.

Every limit is checked while the file is read, so a hostile file is refused after at
most the limit's worth of work: the upload size, the unpacked size of a workbook, the
number of rows and the number of columns.
"""

from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ..conf import max_columns, max_rows, max_upload_bytes


class UnreadableFile(Exception):
    """The file cannot be imported; the message says why in words a user understands."""


def check_size(size: int) -> None:
    limit = max_upload_bytes()
    if size > limit:
        raise UnreadableFile(
            _("The file is %(size)s; the largest file you can import is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )


def check_row_count(rows: int) -> None:
    """Refuse a file once it holds more data rows than ``SPCP_IMPORT_MAX_ROWS``."""
    limit = max_rows()
    if rows > limit:
        raise UnreadableFile(
            _(
                "The file has more than %(limit)s rows, the most one import reads. Split it "
                "into smaller files, or ask an administrator to raise the "
                "SPCP_IMPORT_MAX_ROWS setting."
            )
            % {"limit": number_format(limit, force_grouping=True)}
        )


def check_column_count(columns: int) -> None:
    """Refuse a sheet once it spans more columns than ``SPCP_IMPORT_MAX_COLUMNS``."""
    limit = max_columns()
    if columns > limit:
        raise UnreadableFile(
            _(
                "The file has more than %(limit)s columns, the most one import reads. Delete "
                "the columns you do not need (including stray cells far to the right), or "
                "ask an administrator to raise the SPCP_IMPORT_MAX_COLUMNS setting."
            )
            % {"limit": number_format(limit, force_grouping=True)}
        )
