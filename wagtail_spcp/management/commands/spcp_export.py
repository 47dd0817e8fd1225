"""Export an engagement's participants to XLSX or CSV."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wagtail.log_actions import log

from wagtail_spcp.importing.batches import ACTION_EXPORT
from wagtail_spcp.importing.exporting import FORMATS, export_participants
from wagtail_spcp.models import Engagement


class Command(BaseCommand):
    help = "Export the participants of an engagement to an XLSX or CSV file."

    def add_arguments(self, parser):
        parser.add_argument("--engagement", required=True, help="The engagement's slug.")
        parser.add_argument("--format", choices=FORMATS, default="xlsx")
        parser.add_argument("-o", "--output", required=True, help="The file to write.")

    def handle(self, *args, **options):
        try:
            engagement = Engagement.objects.get(slug=options["engagement"])
        except Engagement.DoesNotExist:
            raise CommandError(f"No engagement with the slug {options['engagement']!r}.") from None
        data = export_participants(engagement, options["format"])
        try:
            Path(options["output"]).write_bytes(data)
        except OSError as error:
            raise CommandError(f"Cannot write {options['output']}: {error}") from None
        log(engagement, ACTION_EXPORT, data={"format": options["format"]})
        rows = engagement.participations.count()
        self.stdout.write(f"exported={rows}")
