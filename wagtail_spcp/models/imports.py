"""Import batches: one record per spreadsheet import, enough to report and undo it (staff only)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import DuplicatePolicy, ImportStatus


class ImportBatch(models.Model):
    """Who imported which file into which engagement, with what mapping, policy and result."""

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
