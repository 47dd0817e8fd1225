"""Check-in at the door: marking who came, and adding walk-ins.

A walk-in is matched to the people of the engagement's region with the importer's own
rules (``importing.matching.match_existing``, email first, then name and phone) and
normalisers, so the door and a later import of the sign-in sheet find the same person.
Each change is recorded in the audit log, on the participation.
"""

from dataclasses import dataclass

from django import forms
from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

import phonenumbers

from ..choices import DuplicatePolicy, MatchKey, ParticipationStatus, Sector
from ..importing.locking import lock_import_scope
from ..importing.matching import match_existing
from ..importing.pipeline import CleanRow, split_full_name
from ..models import Participation, Person
from ..normalise import collapse_spaces, normalise_email, normalise_phone

ACTION_CHECK_IN = "wagtail_spcp.participation.check_in"
ACTION_UNDO_CHECK_IN = "wagtail_spcp.participation.undo_check_in"
ACTION_WALK_IN = "wagtail_spcp.participation.walk_in"

# The person fields a walk-in fills on a matched person when they are blank.
FILLED_FIELDS = ("email", "phone", "organisation", "sector")


class WalkInProblem(Exception):
    """The walk-in cannot be added as entered (the importer's reason)."""


class WalkInForm(forms.Form):
    """Someone who came without registering."""

    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("Email"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    organisation = forms.CharField(label=_("Organization"), max_length=200, required=False)
    sector = forms.ChoiceField(
        label=_("Sector"), choices=[("", "---------"), *Sector.choices], required=False
    )
    consent_to_contact = forms.BooleanField(
        label=_("Agrees to be contacted after the program"), required=False
    )

    def clean_name(self):
        first, last = split_full_name(collapse_spaces(self.cleaned_data["name"]))
        if not last:
            raise forms.ValidationError(_("Enter a first and last name."))
        self.cleaned_data["first_name"], self.cleaned_data["last_name"] = first, last
        return self.cleaned_data["name"]

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def clean_phone(self):
        try:
            return normalise_phone(self.cleaned_data["phone"])
        except (ValueError, phonenumbers.NumberParseException):
            raise forms.ValidationError(_("Enter a valid phone number.")) from None

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone") and not self.errors:
            raise forms.ValidationError(_("Enter an email address or a phone number."))
        return cleaned

    def person_values(self) -> dict:
        data = self.cleaned_data
        return {
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "email": data["email"],
            "phone": data["phone"],
            "organisation": collapse_spaces(data["organisation"]),
            "sector": data["sector"],
            "consent_to_contact": data["consent_to_contact"],
        }


@dataclass
class WalkInResult:
    participation: Participation
    person_created: bool
    was_registered: bool  # the person was already on the engagement's list


def add_walk_in(engagement, values, user) -> WalkInResult:
    """Find or create the person ``values`` describe and mark them attended.

    Raises ``WalkInProblem`` when the importer's matching refuses the values (an email
    that belongs to someone else than the person the name and phone found).
    """
    row = CleanRow(number=1, values=dict(values), raw=None)
    with transaction.atomic():
        lock_import_scope(engagement)
        matches = match_existing([row], DuplicatePolicy.FILL, engagement, MatchKey.EMAIL)
        if matches.problems:
            _column, reason = matches.problems[row.number]
            raise WalkInProblem(reason)
        found = matches.people.get(row.number)
        if found is None:
            person = Person.objects.create(region=engagement.office.region, **values)
        else:
            person = Person.objects.get(pk=found["id"])
            _fill_blanks(person, values)
        participation = Participation.objects.filter(engagement=engagement, person=person).first()
        was_registered = participation is not None
        previous = participation.status if participation else None
        if participation is None:
            participation = Participation.objects.create(
                engagement=engagement,
                person=person,
                status=ParticipationStatus.ATTENDED,
                walk_in=True,
            )
        elif participation.status != ParticipationStatus.ATTENDED:
            participation.status = ParticipationStatus.ATTENDED
            participation.save(update_fields=["status", "updated_at"])
        log(
            instance=participation,
            action=ACTION_WALK_IN,
            user=user,
            data={"from": previous, "person_created": found is None},
        )
    return WalkInResult(participation, found is None, was_registered)


def _fill_blanks(person, values):
    changed = [name for name in FILLED_FIELDS if values.get(name) and not getattr(person, name)]
    for name in changed:
        setattr(person, name, values[name])
    if values.get("consent_to_contact") and not person.consent_to_contact:
        person.consent_to_contact = True
        changed.append("consent_to_contact")
    if changed:
        person.save(update_fields=[*changed, "updated_at"])


def check_in(participation, user) -> str:
    """Mark ``participation`` attended; returns the status it had (to undo to)."""
    previous = participation.status
    if previous != ParticipationStatus.ATTENDED:
        participation.status = ParticipationStatus.ATTENDED
        participation.save(update_fields=["status", "updated_at"])
        log(instance=participation, action=ACTION_CHECK_IN, user=user, data={"from": previous})
    return previous


def undo_check_in(participation, user, restore=ParticipationStatus.REGISTERED) -> None:
    """Put an attended participation back to the status it had before check-in."""
    if restore not in ParticipationStatus.values or restore == ParticipationStatus.ATTENDED:
        restore = ParticipationStatus.REGISTERED
    if participation.status != ParticipationStatus.ATTENDED:
        return
    participation.status = restore
    participation.save(update_fields=["status", "updated_at"])
    log(instance=participation, action=ACTION_UNDO_CHECK_IN, user=user, data={"to": restore})


def door_counts(engagement) -> dict:
    """Expected (registered, not cancelled), checked in and walk-ins, in one query."""
    return Participation.objects.filter(engagement=engagement).aggregate(
        expected=Count("pk", filter=Q(walk_in=False) & ~Q(status=ParticipationStatus.CANCELLED)),
        checked_in=Count("pk", filter=Q(status=ParticipationStatus.ATTENDED)),
        walk_ins=Count("pk", filter=Q(walk_in=True)),
    )


def search_participations(engagement, query, limit):
    """The engagement's participations whose name, email or organization match every word
    of ``query``, alphabetically, at most ``limit``; and how many match in all."""
    participations = Participation.objects.filter(engagement=engagement).select_related("person")
    for term in collapse_spaces(query).split(" ")[:5]:
        if term:
            participations = participations.filter(
                Q(person__first_name__icontains=term)
                | Q(person__last_name__icontains=term)
                | Q(person__email__icontains=term)
                | Q(person__organisation__icontains=term)
            )
    participations = participations.order_by("person__last_name", "person__first_name", "pk")
    return list(participations[:limit]), participations.count()


def register_log_actions(actions):
    """Hook body for ``register_log_actions``."""
    actions.register_action(ACTION_CHECK_IN, _("Check in"), _("Checked in"))
    actions.register_action(ACTION_UNDO_CHECK_IN, _("Undo check-in"), _("Check-in undone"))
    actions.register_action(ACTION_WALK_IN, _("Walk-in"), _("Checked in as a walk-in"))
