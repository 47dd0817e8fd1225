"""Delete uploaded spreadsheets and error workbooks older than SPCP_IMPORT_FILE_LIFETIME."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from wagtail_spcp.conf import file_lifetime_seconds
from wagtail_spcp.models import ImportFile


class Command(BaseCommand):
    help = "Delete import uploads and error workbooks that have expired (run it daily)."

    def handle(self, *args, **options):
        cutoff = timezone.now() - datetime.timedelta(seconds=file_lifetime_seconds())
        expired = ImportFile.objects.filter(created_at__lt=cutoff)
        count = 0
        for record in expired.iterator():
            record.file.delete(save=False)
            record.delete()
            count += 1
        self.stdout.write(f"deleted={count}")
