"""Merging two records of the same person, field by field, and undoing a merge.

The person kept (the survivor) takes every participation, council seat and facilitated
group of the duplicate, which is then deleted. For each contact field staff choose
whose value to keep; an email or phone not kept is stored on the survivor as an
alternate, and any other value not kept is written in the merge's audit entry. The
audit entry also holds what is needed to undo the merge, which is allowed while the
survivor has not changed since.
"""

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from .choices import ParticipationStatus
from .models import Participation, Person, RegionScopedLogEntry

PERSON_MERGE = "wagtail_spcp.person.merge"
PERSON_MERGE_UNDO = "wagtail_spcp.person.merge_undo"

# The fields staff choose between, in the order the review shows them.
MERGE_FIELDS = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "organisation",
    "sector",
    "zip_code",
    "preferred_language",
]
KEEP_SURVIVOR, KEEP_DUPLICATE = "survivor", "duplicate"
# How many merges in a row (A into B, B into C...) an import's undo follows.
MAX_MERGE_CHAIN = 20
# Values restored on the survivor by an undo.
RESTORED_FIELDS = [*MERGE_FIELDS, "consent_to_contact", "alternate_emails", "alternate_phones"]
# Values of the duplicate recreated by an undo (besides its id).
RECREATED_FIELDS = [*RESTORED_FIELDS, "region_id", "created_at"]
PARTICIPATION_VALUES = [
    "id",
    "engagement_id",
    "role",
    "status",
    "breakout_group_id",
    "solution_group_id",
    "registered_on",
    "external_id",
    "import_batch_id",
    "created_at",
]


class MergeRefused(ValueError):
    """Two records that cannot be merged, or a merge that can no longer be undone."""


class ExactJSONEncoder(DjangoJSONEncoder):
    """Dates and times to the microsecond (Django's encoder keeps milliseconds)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.date):
            return o.isoformat()
        return super().default(o)


def as_json(values: dict) -> dict:
    return json.loads(json.dumps(values, cls=ExactJSONEncoder))


def values_of(instance, names) -> dict:
    return as_json({name: getattr(instance, name) for name in names})


def check_mergeable(survivor, duplicate):
    """Refuse merging a person into themselves or across regions.

    Every link of a person is in the person's region, so two people of one region
    never take another region's participations or seats with them.
    """
    if survivor.pk == duplicate.pk:
        raise MergeRefused(_("Choose two different people."))
    if survivor.region_id != duplicate.region_id:
        raise MergeRefused(_("Choose two people of the same region."))


def default_choices(survivor, duplicate) -> dict:
    """Keep the survivor's value, or the duplicate's where the survivor's is blank."""
    return {
        name: KEEP_DUPLICATE
        if not getattr(survivor, name) and getattr(duplicate, name)
        else KEEP_SURVIVOR
        for name in MERGE_FIELDS
    }


def merge_summary(survivor, duplicate, keep=None) -> dict:
    """What a merge will do: links moved or combined, values taken, values set aside."""
    keep = {**default_choices(survivor, duplicate), **(keep or {})}
    survivor_engagements = set(survivor.participations.values_list("engagement_id", flat=True))
    engagements = list(duplicate.participations.values_list("engagement_id", flat=True))
    combined = sum(engagement in survivor_engagements for engagement in engagements)
    taken = [name for name in MERGE_FIELDS if keep[name] == KEEP_DUPLICATE]
    set_aside = {}
    for name in MERGE_FIELDS:
        kept_value = getattr(duplicate if name in taken else survivor, name)
        other = getattr(survivor if name in taken else duplicate, name)
        if other and other != kept_value:
            set_aside[name] = other
    return {
        "participations_moved": len(engagements) - combined,
        "participations_combined": combined,
        "memberships_moved": duplicate.council_memberships.count(),
        "groups_moved": duplicate.facilitated_groups.count(),
        "fields_taken": taken,
        "fields_filled": [name for name in taken if not getattr(survivor, name)]
        + (["consent_to_contact"] if duplicate.consent_to_contact else []),
        "set_aside": set_aside,
    }


def add_alternate(values: list, value: str, main: str) -> list:
    if value and value != main and value not in values:
        return [*values, value]
    return values


@transaction.atomic
def merge_people(survivor, duplicate, user=None, keep=None):
    """Merge ``duplicate`` into ``survivor``; ``keep`` maps a field to whose value stays.

    A participation in an engagement the survivor already takes part in is combined with
    the survivor's: an attendance and a missing breakout group carry over. Emails and
    phones not kept become the survivor's alternates; other values not kept are listed
    in the audit entry. Both the delete and the merge are logged with the acting user.
    """
    check_mergeable(survivor, duplicate)
    # the stored values, as they are now, are what is merged
    people = Person.objects.select_for_update().in_bulk([survivor.pk, duplicate.pk])
    survivor, duplicate = people[survivor.pk], people[duplicate.pk]
    keep = {**default_choices(survivor, duplicate), **(keep or {})}
    summary = merge_summary(survivor, duplicate, keep)
    survivor_before = values_of(survivor, RESTORED_FIELDS)
    duplicate_values = values_of(duplicate, RECREATED_FIELDS)

    kept = {p.engagement_id: p for p in survivor.participations.all()}
    moved, combined = [], []
    for participation in duplicate.participations.all():
        existing = kept.get(participation.engagement_id)
        if existing is None:
            moved.append(participation.pk)
            continue
        combined.append(
            {
                "kept_id": existing.pk,
                "kept_status": existing.status,
                "kept_breakout_group_id": existing.breakout_group_id,
                "kept_solution_group_id": existing.solution_group_id,
                "removed": values_of(participation, PARTICIPATION_VALUES),
            }
        )
        if participation.status == ParticipationStatus.ATTENDED:
            existing.status = ParticipationStatus.ATTENDED
        if existing.breakout_group_id is None:
            existing.breakout_group_id = participation.breakout_group_id
        if existing.solution_group_id is None:
            existing.solution_group_id = participation.solution_group_id
        existing.save(update_fields=["status", "breakout_group", "solution_group", "updated_at"])
    # Moving a participation is no edit of it: its own values and date stay, so an
    # import's undo still recognises the rows it created.
    Participation.objects.filter(pk__in=moved).update(person=survivor)
    memberships = list(duplicate.council_memberships.values_list("pk", flat=True))
    duplicate.council_memberships.update(person=survivor)
    groups = list(duplicate.facilitated_groups.values_list("pk", flat=True))
    duplicate.facilitated_groups.update(facilitator=survivor)

    for name in summary["fields_taken"]:
        setattr(survivor, name, getattr(duplicate, name))
    emails, phones = list(survivor.alternate_emails), list(survivor.alternate_phones)
    for email in [survivor_before["email"], duplicate.email, *duplicate.alternate_emails]:
        emails = add_alternate(emails, email, survivor.email)
    for phone in [survivor_before["phone"], duplicate.phone, *duplicate.alternate_phones]:
        phones = add_alternate(phones, phone, survivor.phone)
    survivor.alternate_emails, survivor.alternate_phones = emails, phones
    survivor.consent_to_contact = survivor.consent_to_contact or duplicate.consent_to_contact

    duplicate_id = duplicate.pk
    log(instance=duplicate, action="wagtail.delete", user=user, deleted=True)
    duplicate.delete()
    survivor.save()
    log(
        instance=survivor,
        action=PERSON_MERGE,
        user=user,
        data={
            "duplicate_id": duplicate_id,
            "survivor_id": survivor.pk,
            **summary,
            "undo": {
                "survivor_updated_at": survivor.updated_at.isoformat(),
                "survivor": survivor_before,
                "duplicate": duplicate_values,
                "moved_participations": moved,
                "combined_participations": combined,
                "memberships": memberships,
                "groups": groups,
            },
        },
        content_changed=True,
    )
    return summary


def merge_undo_refusal(entry):
    """Why the merge logged in ``entry`` cannot be undone, or None when it can."""
    data = entry.data or {}
    undo = data.get("undo")
    if entry.action != PERSON_MERGE or not undo:
        return _("This merge was recorded without what is needed to undo it.")
    if data.get("undone"):
        return _("This merge was already undone.")
    survivor = Person.objects.filter(pk=data.get("survivor_id")).first()
    if survivor is None:
        return _("The person kept has since been deleted.")
    if survivor.updated_at != parse_datetime(undo["survivor_updated_at"]):
        return _("The person kept has changed since the merge.")
    if Person.objects.filter(pk=data["duplicate_id"]).exists():
        return _("The merged record exists again.")
    moved = undo["moved_participations"]
    if Participation.objects.filter(pk__in=moved, person=survivor).count() != len(moved):
        return _("A participation moved by the merge has changed since.")
    email = undo["duplicate"]["email"]
    if (
        email
        and Person.objects.filter(region_id=survivor.region_id, email=email)
        .exclude(pk=survivor.pk)
        .exists()
    ):
        return _("Another person now has the merged record’s email address.")
    return None


@transaction.atomic
def undo_merge(entry, user=None):
    """Recreate the merged-away person with its links and restore the survivor."""
    refusal = merge_undo_refusal(entry)
    if refusal:
        raise MergeRefused(refusal)
    data = entry.data
    undo = data["undo"]
    survivor = Person.objects.select_for_update().get(pk=data["survivor_id"])
    for name, value in undo["survivor"].items():
        setattr(survivor, name, value)
    survivor.save()
    duplicate = Person(pk=data["duplicate_id"], **undo["duplicate"])
    duplicate.save(force_insert=True)
    Person.objects.filter(pk=duplicate.pk).update(created_at=undo["duplicate"]["created_at"])

    Participation.objects.filter(pk__in=undo["moved_participations"]).update(person=duplicate)
    for item in undo["combined_participations"]:
        Participation.objects.filter(pk=item["kept_id"]).update(
            status=item["kept_status"],
            breakout_group_id=item["kept_breakout_group_id"],
            solution_group_id=item.get("kept_solution_group_id"),
        )
        Participation(person=duplicate, **item["removed"]).save(force_insert=True)
    survivor.council_memberships.filter(pk__in=undo["memberships"]).update(person=duplicate)
    survivor.facilitated_groups.filter(pk__in=undo["groups"]).update(facilitator=duplicate)

    entry.data = {**data, "undone": True}
    entry.save(update_fields=["data"])
    log(instance=duplicate, action="wagtail.create", user=user)
    log(
        instance=survivor,
        action=PERSON_MERGE_UNDO,
        user=user,
        data={"duplicate_id": duplicate.pk, "merge_entry_id": entry.pk},
        content_changed=True,
    )
    return duplicate


def merged_into(person_ids) -> dict:
    """The person each of ``person_ids`` was merged into (following later merges too).

    People not merged away (or whose merge was undone) are left out.
    """
    found, pending = {}, {int(pk) for pk in person_ids}
    for _step in range(MAX_MERGE_CHAIN):
        if not pending:
            break
        entries = RegionScopedLogEntry.objects.filter(
            action=PERSON_MERGE, data__duplicate_id__in=sorted(pending)
        ).values_list("data", flat=True)
        step = {
            data["duplicate_id"]: data["survivor_id"]
            for data in entries
            if not data.get("undone") and data.get("survivor_id")
        }
        for original, current in found.items():
            found[original] = step.get(current, current)
        for pk in pending & set(step):
            found.setdefault(pk, step[pk])
        pending = set(step.values()) - existing_people(step.values())
    existing = existing_people(found.values())
    return {pk: survivor for pk, survivor in found.items() if survivor in existing}


def existing_people(ids) -> set:
    return set(Person.objects.filter(pk__in=set(ids)).values_list("pk", flat=True))
