"""Benchmark: import and export of a 100,000-row sign-up workbook.

    .venv/bin/python bench/spreadsheet_import.py [--rows 100000] [--stock-rows 10000]

Prints rows/s for (a) our import, (a2) the same rows under a two-row header, (b) a stock
django-import-export ModelResource import of the same file into the same table, (c) the
floor: python-calamine's parse plus ``bulk_create``; a re-import of the same file (every
row unchanged); the peak memory growth of our import; and export speed against a stock
django-import-export XLSX export. The stock import is slow, so by default it runs on the
first ``--stock-rows`` rows and its rate is reported per row. Uses a throwaway SQLite
database unless DATABASE_URL is set (then that database's tables are emptied: never point
it at real data).
"""

import argparse
import io
import os
import resource
import sys
import tempfile
import time
import warnings
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]


def setup(tmp):
    warnings.filterwarnings("ignore", message="Limit for query logging exceeded")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spcp_demo.settings.test")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.STORAGES["spcp_imports"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(Path(tmp) / "private")},
    }
    settings.SPCP_IMPORT_MAX_BYTES = 200 * 1024 * 1024
    call_command("migrate", verbosity=0, interactive=False)
    call_command("loaddata", "crs_offices", verbosity=0)


HEADERS = [
    "First Name",
    "Last Name",
    "E-mail",
    "Phone #",
    "Organization",
    "Sector",
    "Zip",
    "Status",
]
# The same columns under a survey tool's two header rows: questions, then labels.
QUESTIONS = ["Contact details", "", "", "", "", "Sector", "Zip", "Status"]
LABELS = ["First Name", "Last Name", "E-mail", "Phone #", "Organization", "Response", "", ""]


def make_workbook(rows: int, two_row_header: bool = False) -> bytes:
    import openpyxl

    sectors = ["Faith", "youth", "Police", "business", "school", ""]
    statuses = ["registered", "attended", "no show", "waitlisted"]
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Sign-ups")
    for header in (QUESTIONS, LABELS) if two_row_header else (HEADERS,):
        sheet.append(header)
    for n in range(rows):
        sheet.append(
            [
                f"First{n}",
                f"Last{n % 997}",
                f"person{n}@example.org",
                f"(512) {200 + n // 10000:03d}-{n % 10000:04d}",
                f"Organization {n % 311}",
                sectors[n % len(sectors)],
                f"{78701 + n % 50}",
                statuses[n % len(statuses)],
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def clear():
    from wagtail_spcp.models import ImportBatch, ImportFile, Participation, Person

    Participation.objects.all().delete()
    Person.objects.all().delete()
    ImportBatch.objects.all().delete()
    ImportFile.objects.all().delete()


def check(condition, message):
    if not condition:
        raise SystemExit(message)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label, rows, function):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        result = function()
        seconds = time.perf_counter() - start
    print(f"{label:<46} {rows:>7} rows {seconds:8.2f} s {rows / seconds:>10,.0f} rows/s")
    return result, rows / seconds, len(queries)


def our_import(data, engagement):
    from wagtail_spcp.importing.batches import create_batch, execute_batch
    from wagtail_spcp.importing.storage import store_file

    batch = create_batch(upload=store_file(data, "signups.xlsx"), engagement=engagement)
    return execute_batch(batch, data)


def stock_import(data, rows):
    import tablib
    from import_export import resources

    from wagtail_spcp.models import Person

    class PersonResource(resources.ModelResource):
        class Meta:
            model = Person
            fields = ("first_name", "last_name", "email", "phone", "organisation", "zip_code")
            import_id_fields = ("email",)

    dataset = tablib.Dataset().load(io.BytesIO(data), format="xlsx")
    dataset.headers = [
        "first_name",
        "last_name",
        "email",
        "phone",
        "organisation",
        "x",
        "zip_code",
        "y",
    ]
    subset = tablib.Dataset(*dataset[:rows], headers=dataset.headers)
    result = PersonResource().import_data(subset, dry_run=False)
    check(not result.has_errors() and not result.has_validation_errors(), "stock import failed")
    return result


def floor(data, engagement):
    from python_calamine import CalamineWorkbook

    from wagtail_spcp.models import Participation, Person

    rows = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()
    people = [
        Person(
            region=engagement.office.region,
            first_name=r[0],
            last_name=r[1],
            email=r[2],
            phone=r[3],
            organisation=r[4],
        )
        for r in rows[1:]
    ]
    Person.objects.bulk_create(people, batch_size=900)
    Participation.objects.bulk_create(
        [Participation(person=p, engagement=engagement) for p in people], batch_size=900
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--stock-rows", type=int, default=10_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        setup(tmp)
        from django.db import connection

        from wagtail_spcp.importing.exporting import export_participants
        from wagtail_spcp.models import Engagement, Office

        print(f"database: {connection.vendor}")
        clear()
        Engagement.objects.filter(slug="bench").delete()
        engagement = Engagement.objects.create(
            slug="bench",
            title="Benchmark",
            office=Office.objects.get(slug="southwest"),
            community_city="Riverton",
            community_state="TX",
        )
        start = time.perf_counter()
        data = make_workbook(args.rows)
        print(
            f"workbook: {args.rows} rows, {len(data) / 1e6:.1f} MB, "
            f"made in {time.perf_counter() - start:.1f} s"
        )

        clear()
        rss_before = peak_rss_mb()
        batch, ours, queries = timed(
            "(a) our import", args.rows, lambda: our_import(data, engagement)
        )
        memory = peak_rss_mb() - rss_before
        check(batch.new_count == args.rows, f"our import: {batch.invalid_count} invalid rows")
        print(f"    queries: {queries}; peak memory growth: {memory:.0f} MB")
        again, reimport, queries = timed(
            "re-import (all unchanged)", args.rows, lambda: our_import(data, engagement)
        )
        check(again.unchanged_count == args.rows, "the re-import changed rows")
        print(f"    queries: {queries}")

        clear()
        two_rows = make_workbook(args.rows, two_row_header=True)
        two_batch, ours_two_rows, _q = timed(
            "(a2) our import, two-row header", args.rows, lambda: our_import(two_rows, engagement)
        )
        check(two_batch.new_count == args.rows, "two-row header: rows not imported")

        dataset_rows = min(args.stock_rows, args.rows)
        _result, ours_export, _q = timed(
            "export, ours (xlsx)", args.rows, lambda: export_participants(engagement, "xlsx")
        )
        _result, stock_export, _q = timed(
            "export, stock django-import-export (xlsx)",
            args.rows,
            lambda: _stock_export(engagement),
        )

        clear()
        _result, stock, _q = timed(
            "(b) stock ModelResource import", dataset_rows, lambda: stock_import(data, dataset_rows)
        )
        clear()
        _result, floor_rate, _q = timed(
            "(c) floor: calamine + bulk_create", args.rows, lambda: floor(data, engagement)
        )
        clear()

        print()
        print(f"ours / stock import:      {ours / stock:6.1f}x  (target >= 10x)")
        print(f"floor / ours:             {floor_rate / ours:6.1f}x  (target <= 2x)")
        print(f"re-import / stock import: {reimport / stock:6.1f}x  (target >= 10x)")
        print(f"two-row / one-row header: {ours / ours_two_rows:6.2f}x  (target <= 1.1x)")
        print(f"peak memory growth:       {memory:6.0f} MB (target < 300 MB)")
        print(f"export ours / stock:      {ours_export / stock_export:6.1f}x  (target >= 2x)")


def _stock_export(engagement):
    from import_export import resources

    from wagtail_spcp.models import Participation

    class StockParticipantResource(resources.ModelResource):
        class Meta:
            model = Participation
            fields = (
                "person__first_name",
                "person__last_name",
                "person__email",
                "person__phone",
                "person__organisation",
                "person__sector",
                "person__zip_code",
                "person__preferred_language",
                "person__consent_to_contact",
                "role",
                "status",
            )

    queryset = Participation.objects.filter(engagement=engagement).select_related("person")
    return StockParticipantResource().export(queryset).export("xlsx")


if __name__ == "__main__":
    main()
