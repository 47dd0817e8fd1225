"""Import a sign-up spreadsheet into an engagement: the admin wizard's pipeline, from a shell."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import F, Q

from wagtail_spcp.choices import DuplicatePolicy
from wagtail_spcp.importing.batches import ImportFailed, import_file, summary_line
from wagtail_spcp.importing.mappings import engagement_region
from wagtail_spcp.importing.reading import UnreadableFile, check_size
from wagtail_spcp.models import Engagement, ImportMapping


class Command(BaseCommand):
    help = (
        "Import participants from an XLSX or CSV file; prints new=N updated=N skipped=N invalid=N."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--engagement", required=True, help="The engagement's slug.")
        parser.add_argument("--dry-run", action="store_true", help="Report; change nothing.")
        parser.add_argument(
            "--on-duplicate",
            choices=DuplicatePolicy.values,
            default=DuplicatePolicy.UPDATE,
            help="What to do with a row for someone already in the database.",
        )
        parser.add_argument("--mapping", help="The name of a saved column mapping.")

    def handle(self, *args, **options):
        try:
            engagement = Engagement.objects.get(slug=options["engagement"])
        except Engagement.DoesNotExist:
            raise CommandError(f"No engagement with the slug {options['engagement']!r}.") from None
        mapping = None
        if options["mapping"]:
            # The engagement's region's mapping of that name, else a shared one.
            saved = (
                ImportMapping.objects.filter(name=options["mapping"])
                .filter(Q(region=engagement_region(engagement)) | Q(region__isnull=True))
                .order_by(F("region").asc(nulls_last=True))
                .first()
            )
            if saved is None:
                raise CommandError(f"No saved mapping named {options['mapping']!r}.")
            mapping = saved.columns
        path = Path(options["file"])
        try:
            check_size(path.stat().st_size)
            data = path.read_bytes()
        except (OSError, UnreadableFile) as error:
            raise CommandError(f"Cannot read {path}: {error}") from None
        try:
            batch = import_file(
                data,
                path.name,
                engagement=engagement,
                duplicate_policy=options["on_duplicate"],
                mapping=mapping,
                dry_run=options["dry_run"],
            )
        except ImportFailed as error:
            raise CommandError(f"Cannot import {path.name}: {error}") from None
        self.stdout.write(summary_line(batch))
