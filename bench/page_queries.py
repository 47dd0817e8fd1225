"""Queries and server CPU per public page type, with the page cache off.

Builds a throw-away SQLite database with the demo data (as ``bench/load.py`` does), then
renders each public page type in process under the production settings with
``DJANGO_PAGE_CACHE_SECONDS=0``: the first render warms the caches, then ``--renders``
more are timed. Prints, per page type, the status, the queries of one warm render and
the median CPU milliseconds. ``--profile NAME`` prints a cProfile of that page type.

    .venv/bin/python bench/page_queries.py [--renders 30] [--profile program]
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

from load import HOST, REPO, prepare_environment

sys.path[:0] = [str(REPO / "site"), str(REPO)]

COUNCIL_PATH = "/offices/southwest/councils/{council}/"
PAGE_TYPES = {
    "home": "/",
    "program_index": "/programs/",
    "program": "/programs/strengthening-police-and-community-partnerships/",
    "case_study": "/programs/strengthening-police-and-community-partnerships/"
    "cedar-hollow-builds-a-standing-council/",
    "finder_empty": "/offices/",
    "finder_zip": "/offices/?q=77550",
    "finder_city": "/offices/?q=Galveston%2C+TX",
    "finder_ambiguous": "/offices/?q=Springfield",
    "finder_state": "/offices/?q=TX",
    "finder_error": "/offices/?q=Xyz",
    "region": "/offices/southwest/",
    "council": COUNCIL_PATH,
    "search": "/search/?q=council",
    "sitemap": "/sitemap.xml",
    "api_lookup": "/api/spcp/offices/lookup?q=77550",
}


def make_council_public() -> int:
    """The demo's council is confidential; the bench's throw-away copy shows it."""
    from wagtail_spcp.models import Council, CouncilMeeting

    council = Council.objects.order_by("pk").first()
    Council.objects.filter(pk=council.pk).update(is_public=True)
    CouncilMeeting.objects.filter(council=council).update(is_public=True)
    return council.pk


def measure(client, path, renders):
    """The status, the SQL of one warm render and the median CPU ms of ``renders`` more."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm the caches a running worker would have
    reset_queries()  # each request resets Django's query log; start the capture from empty
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    sql = [query["sql"] for query in queries.captured_queries]  # before the next request
    timings = []
    for _ in range(renders):
        started = time.process_time()
        client.get(path)
        timings.append((time.process_time() - started) * 1000)
    return response.status_code, sql, statistics.median(timings)


def profile(client, path, renders, limit=40):
    client.get(path)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(renders):
        client.get(path)
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs().sort_stats("cumulative")
    stats.print_stats(limit)
    stats.sort_stats("tottime").print_stats(limit)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=30)
    parser.add_argument("--profile", choices=sorted(PAGE_TYPES), help="profile one page type")
    parser.add_argument("--sql", action="store_true", help="print each page type's queries")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        env = prepare_environment(Path(tmp) / "pages.sqlite3")
        env["DJANGO_PAGE_CACHE_SECONDS"] = "0"
        env["DJANGO_ALLOWED_HOSTS"] = HOST
        os.environ.update(env)

        import django

        django.setup()
        from django.test import Client

        paths = dict(PAGE_TYPES, council=COUNCIL_PATH.format(council=make_council_public()))
        client = Client(HTTP_HOST=HOST)
        if args.profile:
            profile(client, paths[args.profile], args.renders)
            return
        print(f"{'page type':<18} {'status':>6} {'queries':>7} {'cpu ms':>7}")
        for name, path in paths.items():
            status, sql, cpu_ms = measure(client, path, args.renders)
            print(f"{name:<18} {status:>6} {len(sql):>7} {cpu_ms:>7.1f}")
            if args.sql:
                for statement in sql:
                    print("    ", statement[:200])


if __name__ == "__main__":
    main()
