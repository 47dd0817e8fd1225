"""Benchmark the people admin at scale: listings, filters, search, chooser, scan, dashboard.

Run from the repository root::

    .venv/bin/python bench/admin.py [--people 100000] [--runs 15]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_admin .venv/bin/python bench/admin.py

It builds a throw-away test database (SQLite in memory, or a ``test_`` copy of
``DATABASE_URL``) with the reference offices, ten regions, 2,000 engagements and, by
default, 100,000 people and 250,000 participations (2.5 per person), with many people
sharing a name and some sharing a phone. Then, in process with Django's test client,
it requests each view ``--runs`` times and prints p50 and p95 server time, the number of
queries and the page size. Targets: p95 under 300 ms, pages under 200 KB, and the same
number of queries whatever the number of rows (compare two ``--people`` sizes). The
duplicate scan is measured twice: unchanged (its pairs come from the cache) and after an
edit to one person of the region before each request (the region is compared afresh).
"""

import argparse
import gc
import os
import random
import statistics
import sys
import time
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO_DIR / "site"), str(REPO_DIR)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spcp_demo.settings.test")

SEED = 20261204
FIRST_NAMES = [
    "Priya", "Dakota", "José", "María", "Chloé", "Zoë", "Ana", "Sam", "Jordan", "Lee",
    "Noor", "Aiyana", "Mateo", "Léa", "Hannah", "Omar", "Grace", "Kenji", "Fatima", "Luis",
    "Emma", "Noah", "Olivia", "Liam", "Amara", "Ibrahim", "Sofia", "Wei", "Nia", "Diego",
]  # fmt: skip
LAST_NAMES = [
    "Lefèvre", "Oakhurst", "García", "Nguyen", "Smith", "Johnson", "Müller", "O'Brien",
    "Núñez", "Williams", "Brown", "Kim", "Patel", "Okafor", "Rossi", "Dubois", "Cohen",
    "Martínez", "Hernández", "Lopez", "Clark", "Lewis", "Young", "Walker", "Hall", "Allen",
    "Wright", "King", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell",
    "Mitchell", "Roberts", "Carter", "Phillips", "Evans",
]  # fmt: skip
SECTORS = ["faith", "youth", "business", "law_enforcement", "social_services", ""]
AREA_CODES = ["206", "409", "512", "617", "212", "215", "404", "312", "214", "816"]
STATUSES = ["registered", "attended", "no_show", "invited"]


def percentiles(timings_ms):
    cuts = statistics.quantiles(timings_ms, n=100)
    return cuts[49], cuts[94]


def build(people_count, engagement_count, participations_per_person, rng):
    """The data set; returns what the views are asked about."""
    from django.core.management import call_command
    from django.utils import timezone

    from wagtail_spcp.choices import EngagementStage
    from wagtail_spcp.models import (
        Engagement,
        EngagementMilestone,
        Office,
        Participation,
        Person,
        Region,
    )

    call_command("loaddata", "crs_offices", verbosity=0)
    regions = list(Region.objects.filter(offices__isnull=False).distinct().order_by("pk"))[:10]
    offices = {r.pk: list(Office.objects.filter(region=r)) for r in regions}
    stages = [stage for stage, _label in EngagementStage.choices]
    engagements = [
        Engagement(
            title=f"Engagement {n}",
            slug=f"engagement-{n}",
            office=rng.choice(offices[regions[n % len(regions)].pk]),
            community_city=f"City {n}",
            community_state="TX",
            stage=rng.choice(stages),
        )
        for n in range(engagement_count)
    ]
    Engagement.objects.bulk_create(engagements, batch_size=1000)
    # one engagement in ten held its program day this quarter (the dashboard counts them)
    today = timezone.localdate()
    EngagementMilestone.objects.bulk_create(
        EngagementMilestone(engagement=engagement, stage=EngagementStage.PROGRAM_DAY, date=today)
        for engagement in Engagement.objects.all()[::10]
    )
    by_region_engagements = {r.pk: [] for r in regions}
    for engagement in Engagement.objects.select_related("office").only("pk", "office__region"):
        by_region_engagements[engagement.office.region_id].append(engagement.pk)

    batch = []
    for n in range(people_count):
        region = regions[n % len(regions)]
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        area = AREA_CODES[n % len(AREA_CODES)]
        # about one person in fifty shares a phone with the person before them
        number = n - 1 if n % 50 == 1 else n
        person = Person(
            region=region,
            first_name=first,
            last_name=last,
            email=f"person{n}@example.org",
            phone=f"+1{area}{5550000 + number % 4_000_000:07d}",
            organisation=f"Organization {rng.randrange(300)}",
            sector=rng.choice(SECTORS),
            zip_code=f"{10000 + rng.randrange(300):05d}",
        )
        person.set_search_keys()
        batch.append(person)
        if len(batch) == 5000:
            Person.objects.bulk_create(batch)
            batch = []
    Person.objects.bulk_create(batch)

    people_by_region = {r.pk: [] for r in regions}
    for pk, region_id in Person.objects.values_list("pk", "region_id"):
        people_by_region[region_id].append(pk)
    target = int(people_count * participations_per_person)
    seen, batch = set(), []
    while len(seen) < target:
        region_id = regions[len(seen) % len(regions)].pk
        pair = (
            rng.choice(people_by_region[region_id]),
            rng.choice(by_region_engagements[region_id]),
        )
        if pair in seen:
            continue
        seen.add(pair)
        batch.append(
            Participation(person_id=pair[0], engagement_id=pair[1], status=rng.choice(STATUSES))
        )
        if len(batch) == 10000:
            Participation.objects.bulk_create(batch)
            batch = []
    Participation.objects.bulk_create(batch)
    return regions


def staff_users(regions):
    from django.contrib.auth.models import Group, Permission, User

    models = ["engagement", "actionitem", "council", "person", "participation"]
    codenames = [f"{a}_{m}" for m in models for a in ("add", "change", "delete", "view")]
    codenames += ["view_importbatch", "view_region", "view_office", "export_participation"]
    permissions = [
        *Permission.objects.filter(content_type__app_label="wagtail_spcp", codename__in=codenames),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    ]
    regional = Group.objects.create(name="Bench regional staff")
    regional.permissions.set(permissions)
    regions[0].staff_groups.add(regional)
    national = Group.objects.create(name="Bench national staff")
    national.permissions.set([*permissions, Permission.objects.get(codename="view_all_regions")])
    staff = User.objects.create_user("bench_regional")
    staff.groups.add(regional)
    everyone = User.objects.create_user("bench_national")
    everyone.groups.add(national)
    return staff, everyone


def views(regions):
    """(label, user key, url, query) for each view measured."""
    from django.urls import reverse

    from wagtail_spcp.models import Engagement, Person

    sample = Person.objects.filter(region=regions[0]).order_by("pk")[:2]
    survivor, duplicate = sample[0], sample[1]
    digits = survivor.phone[2:]
    typed_phone = f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
    engagement = Engagement.objects.filter(office__region=regions[0]).order_by("pk").first()
    people = reverse("wagtailsnippets_wagtail_spcp_person:list")
    parts = reverse("wagtailsnippets_wagtail_spcp_participation:list")
    engagements = reverse("wagtailsnippets_wagtail_spcp_engagement:list")
    chooser = reverse("wagtailsnippetchoosers_wagtail_spcp_person:choose")
    chooser_results = reverse("wagtailsnippetchoosers_wagtail_spcp_person:choose_results")
    merge = reverse("wagtailsnippets_wagtail_spcp_person:merge")
    scan = reverse("wagtailsnippets_wagtail_spcp_person:duplicates")
    return [
        ("people", "national", people, {}),
        ("people, search full name", "national", people, {"q": "Priya Lefevre"}),
        ("people, search phone", "national", people, {"q": typed_phone}),
        ("people, filter sector+region", "national", people, {"sector": "faith",
                                                              "region": regions[3].pk}),
        ("people, filter engagement", "national", people, {"engagement": engagement.pk}),
        ("people (one region)", "regional", people, {}),
        ("participations", "national", parts, {}),
        ("participations, filter status", "national", parts, {"status": "attended"}),
        ("participations, search name", "national", parts, {"q": "oakhurst dakota"}),
        ("engagements", "national", engagements, {}),
        ("engagements, filter stage", "national", engagements, {"stage": "planning"}),
        ("merge chooser", "regional", chooser, {}),
        ("merge chooser, search", "regional", chooser_results, {"q": "Priya Lefevre"}),
        ("merge page", "regional", merge, {}),
        ("merge review", "regional", merge, {"survivor": survivor.pk,
                                             "duplicate": duplicate.pk}),
        ("duplicate scan (region)", "regional", scan, {}),
        ("duplicate scan, after an edit", "regional", scan, {"_edit": survivor.pk}),
        ("dashboard (region)", "regional", "/admin/", {}),
        ("dashboard (all regions)", "national", "/admin/", {}),
    ]  # fmt: skip


def measure(client, url, query, runs):
    """Timings of ``runs`` requests; ``_edit`` in ``query`` names a person saved (untimed)
    before each, as after an edit: the duplicate scan then compares the region afresh."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wagtail_spcp.models import Person

    query = dict(query)
    edited = Person.objects.filter(pk=query.pop("_edit")).first() if "_edit" in query else None
    timings = []
    for _run in range(runs):
        if edited is not None:
            edited.save()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url, query)
            timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} {query}: HTTP {response.status_code}")
    return timings, len(queries), len(response.content)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--engagements", type=int, default=2_000)
    parser.add_argument("--participations-per-person", type=float, default=2.5)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        start = time.perf_counter()
        regions = build(
            args.people, args.engagements, args.participations_per_person, random.Random(SEED)
        )
        staff, everyone = staff_users(regions)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        built = time.perf_counter() - start
        # A server worker starts without the builder's objects: collect them, and freeze what
        # is left (Django, the app), as a pre-forking server does, so the timings below count
        # the views' own garbage collection rather than walks over the builder's heap.
        gc.collect()
        gc.freeze()
        clients = {"regional": Client(), "national": Client()}
        clients["regional"].force_login(staff)
        clients["national"].force_login(everyone)
        print(
            f"{args.people:,} people, {int(args.people * args.participations_per_person):,} "
            f"participations, {args.engagements:,} engagements, {len(regions)} regions "
            f"on {connection.vendor} (built in {built:.0f} s); {args.runs} runs per view"
        )
        print(f"{'view':<32}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}{'KB':>8}")
        for label, who, url, query in views(regions):
            client = clients[who]
            client.get(url, {k: v for k, v in query.items() if k != "_edit"})  # warm caches
            timings, queries, size = measure(client, url, query, args.runs)
            p50, p95 = percentiles(timings)
            flag = "" if p95 < 300 and size < 200_000 else "  over target"
            print(f"{label:<32}{p50:9.1f}{p95:9.1f}{queries:9d}{size / 1024:8.1f}{flag}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
