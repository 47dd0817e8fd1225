"""Import a sign-up spreadsheet into an engagement: the admin wizard's pipeline, from a shell.

Besides the column mapping, the options say where the table is (``--sheet``,
``--header-row``), how slashed dates read (``--day-first``, ``--month-first``) and how rows
find the people already in the database (``--match-on``). A saved mapping given with
``--mapping`` brings its value map, matching key and date order; options override them.
"""

from argparse import ArgumentTypeError
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import F, Q

from wagtail_spcp.choices import DuplicatePolicy, MatchKey
from wagtail_spcp.importing.batches import ImportFailed, import_file, summary_line
from wagtail_spcp.importing.mappings import engagement_region
from wagtail_spcp.importing.reading import UnreadableFile, check_size
from wagtail_spcp.models import Engagement, ImportMapping

# ``--match-on`` values as typed (hyphens or underscores), "auto" for the automatic choice.
MATCH_KEYS = ["auto", *(key.replace("_", "-") for key in MatchKey.values if key)]


def match_key(value: str) -> str:
    """A ``MatchKey`` value from ``--match-on`` ("name-phone" or "name_phone"; "auto": "")."""
    key = value.strip().lower().replace("-", "_")
    if key == "auto":
        return MatchKey.AUTO
    if key not in MatchKey.values:
        raise ArgumentTypeError(
            f"{value!r} is not a matching key; use one of {', '.join(MATCH_KEYS)}"
        )
    return key


def header_row(value: str) -> int:
    """A 1-based row number from ``--header-row``."""
    try:
        number = int(value)
    except ValueError:
        raise ArgumentTypeError(f"{value!r} is not a row number") from None
    if number < 1:
        raise ArgumentTypeError(f"rows are numbered from 1, not {number}")
    return number


def sheet_name(value: str) -> str:
    if not value.strip():
        raise ArgumentTypeError("give the name of a sheet of the workbook")
    return value


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
        parser.add_argument(
            "--mapping",
            help=(
                "The name of a saved column mapping; its value map, matching key and date "
                "order apply unless the options below say otherwise."
            ),
        )
        parser.add_argument(
            "--sheet",
            type=sheet_name,
            help="The workbook's sheet to import (default: the one the import finds).",
        )
        parser.add_argument(
            "--header-row",
            type=header_row,
            metavar="N",
            help="The row holding the column headers, from 1 (default: the one the import finds).",
        )
        dates = parser.add_mutually_exclusive_group()
        dates.add_argument(
            "--day-first",
            dest="day_first",
            action="store_const",
            const=True,
            help="Read 03/04/2026 as April 3 (default: decided from each date column).",
        )
        dates.add_argument(
            "--month-first",
            dest="day_first",
            action="store_const",
            const=False,
            help="Read 03/04/2026 as March 4 (default: decided from each date column).",
        )
        parser.add_argument(
            "--match-on",
            type=match_key,
            metavar="{" + ",".join(MATCH_KEYS) + "}",
            help=(
                "How rows find people already in the database: email, name and phone, "
                "external ID (an order or attendee number) or name (default: email, or name "
                "when the file has no email or phone)."
            ),
        )

    def handle(self, *args, **options):
        try:
            engagement = Engagement.objects.get(slug=options["engagement"])
        except Engagement.DoesNotExist:
            raise CommandError(f"No engagement with the slug {options['engagement']!r}.") from None
        saved = self.saved_mapping(options["mapping"], engagement) if options["mapping"] else None
        settings = {"sheet": options["sheet"], "header_row": options["header_row"]}
        if saved is not None:
            settings.update(
                value_map=saved.value_map, match_on=saved.match_on, day_first=saved.day_first
            )
        for name in ("match_on", "day_first"):
            if options.get(name) is not None:
                settings[name] = options[name]
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
                mapping=saved.columns if saved is not None else None,
                dry_run=options["dry_run"],
                saved_mapping=saved,
                **settings,
            )
        except ImportFailed as error:
            raise CommandError(f"Cannot import {path.name}: {error}") from None
        self.stdout.write(summary_line(batch))

    @staticmethod
    def saved_mapping(name, engagement):
        """The engagement's region's mapping called ``name``, else the shared one."""
        saved = (
            ImportMapping.objects.filter(name=name)
            .filter(Q(region=engagement_region(engagement)) | Q(region__isnull=True))
            .order_by(F("region").asc(nulls_last=True))
            .first()
        )
        if saved is None:
            raise CommandError(f"No saved mapping named {name!r}.")
        return saved
