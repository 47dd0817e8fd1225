"""A program request becomes an engagement in stage "requested" in the serving region."""

import datetime
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from .. import conf
from ..choices import EngagementOrigin, EngagementStage
from ..importing.locking import lock_import_scope
from ..models import Engagement, ProgramRequest
from . import emails
from .people import find_or_create_person

ACTION_RECEIVED = "wagtail_spcp.request.received"
ACTION_ACCEPTED = "wagtail_spcp.request.accepted"
ACTION_DECLINED = "wagtail_spcp.request.declined"


@dataclass
class RequestOutcome:
    program_request: ProgramRequest
    possible_duplicate: bool


def submit_request(form, program=None, source="direct", language="") -> RequestOutcome:
    """Store a valid ``ProgramRequestForm``: engagement, requester, request and audit entry.

    The staff notice and the acknowledgement are sent after commit (see ``emails``).
    """
    data = form.cleaned_data
    result = form.finder_result
    office = result.serving_office.office
    place = result.place
    title = f"{program.title if program else _('Program request')} – {place.label}"
    with transaction.atomic():
        engagement = Engagement.objects.create(
            title=title[:200],
            slug=f"request-{timezone.localdate():%Y%m%d}-{secrets.token_hex(4)}",
            program=program,
            office=office,
            community_city=place.city,
            community_state=place.state,
            origin=data["origin"],
            incident_summary=data["incident_description"]
            if data["origin"] == EngagementOrigin.CRITICAL_INCIDENT
            else "",
            stage=EngagementStage.REQUESTED,
            requested_on=timezone.localdate(),
        )
        lock_import_scope(engagement)
        person, _created = find_or_create_person(engagement, form.person_values())
        earlier = earlier_request(place.city, place.state)
        program_request = ProgramRequest.objects.create(
            engagement=engagement,
            requester=person,
            organisation=data["organisation"],
            role=data["role"],
            community=data["community"],
            origin=data["origin"],
            incident_description=data["incident_description"],
            preferred_timing=data["preferred_timing"],
            message=data["message"],
            language=language,
            source=source,
            earlier_request=earlier,
        )
        log(
            instance=engagement,
            action=ACTION_RECEIVED,
            data={"source": source, "possible_duplicate": earlier is not None},
        )
        transaction.on_commit(lambda: emails.send_request_notice(program_request))
        transaction.on_commit(
            lambda: emails.send_request_acknowledgement(data, office, program, language)
        )
    return RequestOutcome(program_request, earlier is not None)


def earlier_request(city: str, state: str):
    """The latest request from the same community in the duplicate window, or None."""
    since = timezone.now() - datetime.timedelta(days=conf.request_duplicate_days())
    return (
        ProgramRequest.objects.filter(
            engagement__community_city__iexact=city,
            engagement__community_state=state,
            submitted_at__gte=since,
        )
        .order_by("-submitted_at")
        .first()
    )


def accept_request(program_request, user):
    """Staff accept: the engagement moves to planning."""
    engagement = program_request.engagement
    with transaction.atomic():
        engagement.stage = EngagementStage.PLANNING
        engagement.save(update_fields=["stage", "updated_at"])
        program_request.decided_at, program_request.decided_by = timezone.now(), user
        program_request.save(update_fields=["decided_at", "decided_by"])
        log(instance=engagement, action=ACTION_ACCEPTED, user=user)


def decline_request(program_request, user, reason: str):
    """Staff decline with a reason: the engagement is closed."""
    engagement = program_request.engagement
    with transaction.atomic():
        engagement.stage = EngagementStage.CLOSED
        engagement.save(update_fields=["stage", "updated_at"])
        program_request.decided_at, program_request.decided_by = timezone.now(), user
        program_request.decline_reason = reason
        program_request.save(update_fields=["decided_at", "decided_by", "decline_reason"])
        log(instance=engagement, action=ACTION_DECLINED, user=user, data={"reason": reason})


def register_log_actions(actions):
    actions.register_action(ACTION_RECEIVED, _("Request received"), _("Program requested"))
    actions.register_action(ACTION_ACCEPTED, _("Accept request"), _("Request accepted"))
    actions.register_action(ACTION_DECLINED, _("Decline request"), _("Request declined"))
