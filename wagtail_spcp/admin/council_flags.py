"""What makes a council need attention on the dashboard: no recent meeting, empty seats.

- A council is quiet when it is not dissolved and has met on no day in the last
  ``conf.council_quiet_days()`` days (90) up to today; one formed within that time is not.
- A sector seat is empty when a sector of the engagement (the sector of one of its sector
  breakout groups) has no current member of the council from it (a member's sector is
  their person's; a seat that has ended does not count).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Max, Q
from django.utils import timezone

from .. import conf
from ..choices import BreakoutGroupKind, CouncilStatus, Sector
from ..models import BreakoutGroup, CouncilMembership


def standing_councils(queryset):
    """The councils of ``queryset`` that are not dissolved."""
    return queryset.exclude(status=CouncilStatus.DISSOLVED)


def quiet_councils(queryset, today=None, days=None):
    """Standing councils with no meeting in the last ``days`` days, the longest quiet first."""
    today = today or timezone.localdate()
    days = conf.council_quiet_days() if days is None else days
    cutoff = today - datetime.timedelta(days=days)
    return (
        standing_councils(queryset)
        .annotate(last_meeting=Max("meetings__date", filter=Q(meetings__date__lte=today)))
        .filter(Q(last_meeting__isnull=True) | Q(last_meeting__lt=cutoff))
        .exclude(formed_on__gt=cutoff)
        .order_by("last_meeting", "name")
    )


@dataclass
class EmptySeats:
    council: object
    sectors: list  # labels of the engagement's sectors with no current member


def empty_sector_seats(queryset, today=None) -> list[EmptySeats]:
    """Standing councils of ``queryset`` missing a member from a sector of their engagement."""
    today = today or timezone.localdate()
    councils = list(standing_councils(queryset).order_by("name"))
    engagement_ids = {council.engagement_id for council in councils}
    sectors = {}
    for engagement_id, sector in (
        BreakoutGroup.objects.filter(
            engagement_id__in=engagement_ids, kind=BreakoutGroupKind.SECTOR
        )
        .exclude(sector="")
        .values_list("engagement_id", "sector")
    ):
        sectors.setdefault(engagement_id, set()).add(sector)
    seated = {}
    for council_id, sector in (
        CouncilMembership.objects.filter(council__in=[council.pk for council in councils])
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=today))
        .values_list("council_id", "person__sector")
    ):
        seated.setdefault(council_id, set()).add(sector)
    flagged = []
    for council in councils:
        missing = sectors.get(council.engagement_id, set()) - seated.get(council.pk, set())
        if missing:
            labels = [label for value, label in Sector.choices if value in missing]
            flagged.append(EmptySeats(council, labels))
    return flagged
