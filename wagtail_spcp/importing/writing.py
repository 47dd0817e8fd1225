"""The write stage of an import: a plan applied in one transaction, in bulk.

Rows are written with ``bulk_create`` / ``bulk_update`` in slices, so the number of
queries grows with batches, not rows, and memory stays flat.
"""

import gc
from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone

from ..choices import ParticipationRole, ParticipationStatus
from ..models import Participation, Person
from ..models.people import SEARCHED_FIELDS
from .columns import PARTICIPATION_FIELDS

CHUNK = 900
WRITE_SLICE = 5000


def chunks(items, size=CHUNK):
    """``items`` in lists of at most ``size`` (database reads and writes go in chunks)."""
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


@contextmanager
def _collector_paused():
    """Pause the cyclic garbage collector while writing.

    The plan holds a hundred thousand live rows; each collection of the oldest
    generation would walk them all again while model instances are being built.
    Writing creates no reference cycles worth collecting early.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def write(the_plan, engagement, batch):
    """Apply the plan in one transaction; return what changed, for undo."""
    with _collector_paused():
        return _write(the_plan, engagement, batch)


def _write(the_plan, engagement, batch):
    now = timezone.now()
    region = engagement.office.region
    created_people, created_participations = [], []
    with transaction.atomic():
        # Model instances are built one slice at a time, so memory stays flat.
        person_for_row = {}
        for rows in chunks(the_plan.new_people, WRITE_SLICE):
            people = [Person(region=region, **values) for _row, values in rows]
            for person in people:
                person.set_search_keys()
            Person.objects.bulk_create(people, batch_size=CHUNK)
            for (row, _values), person in zip(rows, people, strict=True):
                person_for_row[row.number] = person.pk
            created_people.extend(person.pk for person in people)

        if the_plan.person_updates:
            changed_fields = set()
            people = []
            for person_id, (_before, after) in the_plan.person_updates.items():
                person = Person(id=person_id, **after)
                changed_fields.update(after)
                people.append(person)
            # When a searched field changes, the search keys are rebuilt in the same pass.
            search_keys = bool(changed_fields & set(SEARCHED_FIELDS))
            read_fields = changed_fields | set(SEARCHED_FIELDS) if search_keys else changed_fields
            current = {}
            for chunk in chunks(the_plan.person_updates):
                for values in Person.objects.filter(pk__in=chunk).values("id", *read_fields):
                    current[values["id"]] = values
            for person in people:
                for name in read_fields:
                    if name not in the_plan.person_updates[person.pk][1]:
                        setattr(person, name, current[person.pk][name])
                if search_keys:
                    person.set_search_keys()
                person.updated_at = now
            written = [*sorted(changed_fields), "updated_at"]
            if search_keys:
                written += ["search_text", "search_phone"]
            Person.objects.bulk_update(people, written, batch_size=CHUNK)

        for rows in chunks(the_plan.new_participations, WRITE_SLICE):
            participations = [
                Participation(
                    person_id=person_id or person_for_row[row.number],
                    engagement=engagement,
                    role=part_values.get("role") or ParticipationRole.PARTICIPANT,
                    status=part_values.get("status") or ParticipationStatus.REGISTERED,
                    registered_on=part_values.get("registered_on"),
                    external_id=part_values.get("external_id", ""),
                    import_batch=batch,
                )
                for row, person_id, part_values in rows
            ]
            Participation.objects.bulk_create(participations, batch_size=CHUNK)
            created_participations.extend(part.pk for part in participations)

        if the_plan.participation_updates:
            updates = []
            for part_id, (_before, after) in the_plan.participation_updates.items():
                updates.append((part_id, after))
            current = {}
            for chunk in chunks([pid for pid, _a in updates]):
                for values in Participation.objects.filter(pk__in=chunk).values(
                    "id", *PARTICIPATION_FIELDS
                ):
                    current[values["id"]] = values
            objects = []
            for part_id, after in updates:
                values = {**current[part_id], **after}
                values.pop("id")
                objects.append(Participation(id=part_id, updated_at=now, **values))
            Participation.objects.bulk_update(
                objects, [*PARTICIPATION_FIELDS, "updated_at"], batch_size=CHUNK
            )

    return {
        "created_people": created_people,
        "created_participations": created_participations,
        "changed_people": {
            str(pk): before for pk, (before, _after) in the_plan.person_updates.items()
        },
        "changed_participations": {
            str(pk): before for pk, (before, _after) in the_plan.participation_updates.items()
        },
    }
