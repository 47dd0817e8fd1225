"""Give every person the region of the engagements they are linked to.

A person linked to engagements of several regions (or of a region and of
headquarters, which belongs to no region) is kept for the region with the most
links and copied, with the same values, for each other one; that region's
participations, council seats and facilitated groups then point at the copy.
People linked to nothing stay with no region.
"""

from collections import Counter, defaultdict

from django.db import migrations

# Person fields copied as they are (the id, the region and the timestamps aside).
SKIPPED_FIELDS = {"id", "region", "created_at", "updated_at"}

# Each kind of link: (model name, person field, path from the link to the owning region).
LINKS = [
    ("Participation", "person", "engagement__office__region"),
    ("CouncilMembership", "person", "council__engagement__office__region"),
    ("BreakoutGroup", "facilitator", "engagement__office__region"),
]


def linked_regions(apps):
    """For each linked person's id, how many links each region (or None) holds."""
    regions = defaultdict(Counter)
    for model_name, person_field, region_path in LINKS:
        model = apps.get_model("wagtail_spcp", model_name)
        rows = (
            model.objects.filter(**{f"{person_field}__isnull": False})
            .order_by()
            .values_list(f"{person_field}_id", region_path)
        )
        for person_id, region_id in rows:
            regions[person_id][region_id] += 1
    return regions


def owner_order(counts):
    """Regions by links held, most first; ties by id, with no region last."""
    return sorted(counts, key=lambda region: (-counts[region], region is None, region or 0))


def repoint_links(apps, person, copy, region_id):
    """Point ``person``'s links in ``region_id`` (None: headquarters) at ``copy``."""
    for model_name, person_field, region_path in LINKS:
        model = apps.get_model("wagtail_spcp", model_name)
        in_region = (
            {f"{region_path}__isnull": True} if region_id is None else {region_path: region_id}
        )
        model.objects.filter(**{person_field: person}, **in_region).update(
            **{person_field: copy}
        )


def assign_person_regions(apps, schema_editor=None):
    Person = apps.get_model("wagtail_spcp", "Person")
    copied_fields = [
        field.name
        for field in Person._meta.concrete_fields
        if field.name not in SKIPPED_FIELDS
    ]
    for person_id, counts in sorted(linked_regions(apps).items()):
        person = Person.objects.get(pk=person_id)
        owner, *others = owner_order(counts)
        person.region_id = owner
        person.save(update_fields=["region"])
        for region_id in others:
            copy = Person.objects.create(
                region_id=region_id,
                **{name: getattr(person, name) for name in copied_fields},
            )
            repoint_links(apps, person, copy, region_id)


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_spcp", "0006_person_region"),
    ]

    operations = [
        migrations.RunPython(assign_person_regions, migrations.RunPython.noop, elidable=True),
    ]
