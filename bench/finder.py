"""Benchmark the office finder: 1,000 random real ZIP codes looked up in process.

Run from the repository root: ``.venv/bin/python bench/finder.py``. It builds a
throw-away test database (SQLite in memory, or ``DATABASE_URL``), loads the
reference offices, and prints p50 and p95 for ``lookup()`` and for the JSON API.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO_DIR / "site"), str(REPO_DIR)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spcp_demo.settings.test")

SAMPLE_SIZE = 1000
SEED = 20261121


def percentiles(timings_ms):
    cuts = statistics.quantiles(timings_ms, n=100)
    return cuts[49], cuts[94]


def time_each(function, queries):
    timings = []
    for query in queries:
        start = time.perf_counter()
        function(query)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def main():
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from wagtail_spcp.finder import Status, lookup
    from wagtail_spcp.finder.places import all_zip_codes

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("loaddata", "crs_offices", verbosity=0)
        sampler = random.Random(SEED)  # noqa: S311 (a reproducible sample, not a secret)
        zip_codes = sampler.sample(sorted(all_zip_codes()), SAMPLE_SIZE)
        lookup(zip_codes[0])  # load the ZIP index once, as a running server would

        results = [lookup(code) for code in zip_codes]
        found = sum(result.status == Status.FOUND for result in results)
        client = Client()
        rows = [
            ("lookup()", time_each(lookup, zip_codes)),
            (
                "GET offices/lookup",
                time_each(lambda q: client.get("/api/spcp/offices/lookup", {"q": q}), zip_codes),
            ),
        ]
        print(f"{SAMPLE_SIZE} random real ZIP codes on {connection.vendor}, {found} found")
        for label, timings in rows:
            p50, p95 = percentiles(timings)
            print(f"{label:<20} p50 {p50:6.2f} ms   p95 {p95:6.2f} ms")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
