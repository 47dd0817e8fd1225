"""Import batches: one record per spreadsheet import, enough to report and undo it (staff only)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import conf
from ..choices import DuplicatePolicy, ImportStatus, MatchKey
from .scoping import RegionOwned


class ImportBatch(RegionOwned):
    """Who imported which file into which engagement, with what mapping, policy and result."""

    region_path = "engagement__office__region"

    engagement = models.ForeignKey(
        "wagtail_spcp.Engagement",
        on_delete=models.CASCADE,
        related_name="import_batches",
        verbose_name=_("engagement"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imported by"),
    )
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    file_name = models.CharField(_("file name"), max_length=255)
    file_sha256 = models.CharField(_("SHA-256"), max_length=64)
    mapping = models.JSONField(_("column mapping"), default=dict, blank=True)
    duplicate_policy = models.CharField(
        _("duplicate policy"),
        max_length=10,
        choices=DuplicatePolicy.choices,
        default=DuplicatePolicy.UPDATE,
    )
    dry_run = models.BooleanField(_("dry run"), default=False)
    sheet = models.CharField(
        _("sheet"), max_length=255, blank=True, help_text=_("Blank: the sheet the import found.")
    )
    header_row = models.PositiveIntegerField(
        _("header row"), null=True, blank=True, help_text=_("Blank: the row the import found.")
    )
    value_map = models.JSONField(
        _("value map"),
        default=dict,
        blank=True,
        help_text=_("Column → value in the file → the choice it stands for (blank: none)."),
    )
    day_first = models.BooleanField(
        _("dates day first"),
        null=True,
        blank=True,
        help_text=_("Whether 03/04/2026 is April 3; blank: decided from each date column."),
    )
    match_on = models.CharField(
        _("match people by"), max_length=20, blank=True, choices=MatchKey.choices
    )
    report = models.JSONField(
        _("report"),
        default=dict,
        blank=True,
        help_text=_(
            "The recognized format, the first rows as stored, and the values the import "
            "rewrote or left blank."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows processed"), default=0)
    new_count = models.PositiveIntegerField(_("new"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    skipped_count = models.PositiveIntegerField(_("skipped"), default=0)
    duplicate_in_file_count = models.PositiveIntegerField(_("duplicates in file"), default=0)
    invalid_count = models.PositiveIntegerField(_("invalid"), default=0)
    errors = models.JSONField(
        _("errors"),
        default=list,
        blank=True,
        help_text=_("Row number, column and reason for each invalid row."),
    )
    changes = models.JSONField(
        _("changes"),
        default=dict,
        blank=True,
        help_text=_("What the import created and the values it replaced, so it can be undone."),
    )
    failure_message = models.TextField(_("failure message"), blank=True)
    source_file = models.ForeignKey(
        "wagtail_spcp.ImportFile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded file"),
    )
    saved_mapping = models.ForeignKey(
        "wagtail_spcp.ImportMapping",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("saved mapping"),
        help_text=_("The saved mapping this import's choices were saved as."),
    )
    error_file = models.ForeignKey(
        "wagtail_spcp.ImportFile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("error workbook"),
    )
    preview = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="confirmed_batch",
        verbose_name=_("preview"),
        help_text=_("The dry run this import confirmed; each preview is imported at most once."),
    )
    heartbeat_at = models.DateTimeField(
        _("last sign of progress"),
        null=True,
        blank=True,
        help_text=_("A running import that shows no progress for long is marked interrupted."),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")

    def __str__(self):
        return (
            f"{self.file_name} ({self.created_at:%Y-%m-%d %H:%M})"
            if self.created_at
            else self.file_name
        )

    @property
    def progress_percent(self) -> int:
        if not self.total_rows:
            return 0
        return min(100, round(100 * self.processed_rows / self.total_rows))


def import_file_storage():
    """The private storage for uploaded spreadsheets and error workbooks.

    Never the public media storage: a site configures ``STORAGES["spcp_imports"]``,
    otherwise files go to ``SPCP_IMPORT_ROOT`` (default: a ``spcp-private`` folder next
    to ``MEDIA_ROOT``, not under it), a storage with no public URL.
    """
    return conf.import_storage()


class ImportFile(models.Model):
    """A privately stored spreadsheet: an upload, or an error workbook made by an import."""

    class Kind(models.TextChoices):
        UPLOAD = "upload", _("Upload")
        ERROR_REPORT = "errors", _("Error workbook")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.UPLOAD)
    file = models.FileField(_("file"), storage=import_file_storage, upload_to="spcp-imports/")
    original_name = models.CharField(_("original file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    profile = models.JSONField(
        _("profile"),
        default=dict,
        blank=True,
        help_text=_(
            "What reading the file found: sheet, header row, headers, row count, format, "
            "sample values and the values of each column."
        ),
    )

    class Meta:
        verbose_name = _("import file")
        verbose_name_plural = _("import files")

    def __str__(self):
        return self.original_name


class ImportMapping(models.Model):
    """A named column mapping, saved from the import wizard and reused by later imports."""

    name = models.CharField(_("name"), max_length=100)
    region = models.ForeignKey(
        "wagtail_spcp.Region",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="import_mappings",
        verbose_name=_("region"),
        help_text=_("The region whose staff use this mapping; blank: shared by every region."),
    )
    columns = models.JSONField(
        _("columns"),
        default=dict,
        help_text=_("Normalized header → participant field (blank: do not import)."),
    )
    value_map = models.JSONField(
        _("value map"),
        default=dict,
        blank=True,
        help_text=_("Column → value in the file → the choice it stands for (blank: none)."),
    )
    day_first = models.BooleanField(_("dates day first"), null=True, blank=True)
    match_on = models.CharField(
        _("match people by"), max_length=20, blank=True, choices=MatchKey.choices
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("import mapping")
        verbose_name_plural = _("import mappings")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name"], name="spcp_importmapping_region_name_unique"
            ),
            models.UniqueConstraint(
                fields=["name"],
                condition=models.Q(region__isnull=True),
                name="spcp_importmapping_shared_name_unique",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.region})" if self.region_id else self.name

    @property
    def audit_region(self):
        """The region recorded with this mapping's audit log entries."""
        return self.region
