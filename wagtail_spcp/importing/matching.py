"""Stage 4, match: the people a file's rows are about, found by the key staff chose.

Each key (``choices.MatchKey``) tries its lookups in order: email, name and phone, an
external ID (an order or attendee number kept on the participation), or the name of
someone already in the engagement (a typed sign-in sheet holds nothing else). Only
people of the engagement's region are looked at, so neither a match nor a count tells
anything about another region.

A row that cannot be imported as matched is a problem, with its reason: an email that
belongs to someone else than the person the row matched, an external ID that belongs to
another participant, a name shared by two participants, or no match and nothing (email
or phone) to create a new person with.
"""

import unicodedata
from dataclasses import dataclass, field

from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from ..choices import DuplicatePolicy, MatchKey
from ..models import Participation, Person
from .columns import PERSON_FIELDS
from .writing import chunks

LOOKUPS = {
    MatchKey.EMAIL: ("email", "name_phone"),
    MatchKey.NAME_PHONE: ("name_phone", "email"),
    MatchKey.EXTERNAL_ID: ("external_id", "email", "name_phone"),
    MatchKey.NAME: ("name", "email", "name_phone"),
}
_AMBIGUOUS = object()


def match_key(match_on, columns) -> str:
    """The key an import uses: the one chosen, or, automatically, email (name when the
    file has no email or phone column)."""
    if match_on:
        return match_on
    if not set(columns) & {"email", "phone"}:
        return MatchKey.NAME
    return MatchKey.EMAIL


def folded_name(first, last) -> tuple:
    """A name as the name lookup compares it: case, accents and spaces ignored."""

    def fold(text):
        text = unicodedata.normalize("NFKD", str(text or "").casefold())
        return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())

    return fold(first), fold(last)


@dataclass
class Matches:
    """Each row's person (row number -> person values), and the rows that cannot import."""

    people: dict = field(default_factory=dict)
    problems: dict = field(default_factory=dict)  # row number -> (column, reason)


class _Lookups:
    """The people of the engagement's region that the file's rows may be about."""

    def __init__(self, rows, engagement, needed):
        self.fields = ("id", *PERSON_FIELDS)
        self.region_people = Person.objects.in_region(engagement.office.region).order_by()
        self.engagement = engagement
        self.by_email = self._by_email(rows)
        self.by_name_phone = {}
        if "name_phone" in needed:
            unmatched = rows
            if needed[0] == "email":  # a row whose email finds someone never looks further
                unmatched = [row for row in rows if row.values.get("email") not in self.by_email]
            self.by_name_phone = self._by_name_phone(unmatched)
        self.by_external_id = self._by_external_id(rows)
        self.by_name = self._by_name() if "name" in needed else {}

    def _by_email(self, rows):
        found = {}
        emails = {row.values["email"] for row in rows if row.values.get("email")}
        # Region and Lower(email), on non-blank emails: the terms of the unique index.
        people = self.region_people.exclude(email="").annotate(email_key=Lower("email"))
        for chunk in chunks(emails):
            for person in people.filter(email_key__in=chunk).values(*self.fields):
                found[person["email"].lower()] = person
        return found

    def _by_name_phone(self, rows):
        found = {}
        phones = {row.values["phone"] for row in rows if row.values.get("phone")}
        for chunk in chunks(phones):
            for person in self.region_people.filter(phone__in=chunk).values(*self.fields):
                key = (person["first_name"].lower(), person["last_name"].lower(), person["phone"])
                found.setdefault(key, person)
        return found

    def _engagement_people(self, filters):
        """``{person id: (external ID, person values)}`` of the engagement's participants."""
        links = dict(
            Participation.objects.filter(engagement=self.engagement, **filters)
            .order_by()
            .values_list("person_id", "external_id")
        )
        people = {}
        for chunk in chunks(links):
            for person in self.region_people.filter(pk__in=chunk).values(*self.fields):
                people[person["id"]] = (links[person["id"]], person)
        return people

    def _by_external_id(self, rows):
        ids = {row.values["external_id"] for row in rows if row.values.get("external_id")}
        found = {}
        for chunk in chunks(ids):
            for external_id, person in self._engagement_people({"external_id__in": chunk}).values():
                found[external_id] = person
        return found

    def _by_name(self):
        found = {}
        for _external_id, person in self._engagement_people({}).values():
            key = folded_name(person["first_name"], person["last_name"])
            found[key] = _AMBIGUOUS if key in found else person
        return found

    def find(self, lookup, values, key):
        """The person ``lookup`` finds for a row's ``values`` (``_AMBIGUOUS``), or None."""
        if lookup == "email":
            email = values.get("email")
            return self.by_email.get(email) if email else None
        if lookup == "external_id":
            external_id = values.get("external_id")
            return self.by_external_id.get(external_id) if external_id else None
        if lookup == "name":
            return self.by_name.get(folded_name(values.get("first_name"), values.get("last_name")))
        phone = values.get("phone")
        if not phone or not self.by_name_phone:
            return None
        person = self.by_name_phone.get(
            (values.get("first_name", "").lower(), values.get("last_name", "").lower(), phone)
        )
        # By email first: a name and phone do not join two people with different emails.
        if person and key == MatchKey.EMAIL and person["email"] and values.get("email"):
            return None
        return person


def _full_name(values) -> str:
    return " ".join(filter(None, (values.get("first_name"), values.get("last_name"))))


def match_existing(rows, policy, engagement, match_on=MatchKey.EMAIL, headers=None) -> Matches:
    """Find each row's person among the people of ``engagement``'s region.

    ``headers`` (column name -> header) name the column a problem is reported under.
    """
    headers = headers or {}
    lookups = LOOKUPS[match_on or MatchKey.EMAIL]
    if policy == DuplicatePolicy.ALLOW:
        lookups = tuple(lookup for lookup in lookups if lookup in ("email", "external_id"))
    found = _Lookups(rows, engagement, lookups)
    result = Matches()
    ids_in_file = {}
    for row in rows:
        values = row.values
        person = None
        for lookup in lookups:
            person = found.find(lookup, values, match_on)
            if person is not None:
                break
        problem = _problem(row, person, found, ids_in_file, headers)
        if problem:
            result.problems[row.number] = problem
        elif person is not None:
            result.people[row.number] = person
    return result


def _problem(row, person, found, ids_in_file, headers):
    """Why ``row`` cannot be imported as matched to ``person``, as (header, reason), or None."""
    values = row.values
    if person is _AMBIGUOUS:
        return (
            headers.get("last_name") or headers.get("full_name", ""),
            _(
                "more than one participant of this engagement is named %(name)s; add an "
                "email or phone number to tell them apart"
            )
            % {"name": _full_name(values)},
        )
    email = values.get("email")
    holder = found.by_email.get(email) if email else None
    if person is not None and holder is not None and holder["id"] != person["id"]:
        return (
            headers.get("email", ""),
            _("%(email)s belongs to another person than the one this row matched")
            % {"email": email},
        )
    external_id = values.get("external_id")
    if external_id:
        owner = found.by_external_id.get(external_id)
        if owner is not None and (person is None or owner["id"] != person["id"]):
            return (
                headers.get("external_id", ""),
                _("the external ID %(id)s belongs to another participant of this engagement")
                % {"id": external_id},
            )
        first_row = ids_in_file.setdefault(external_id, row.number)
        if first_row != row.number:
            return (
                headers.get("external_id", ""),
                _("the external ID %(id)s is also on row %(row)d")
                % {"id": external_id, "row": first_row},
            )
    if person is None and not (email or values.get("phone")):
        return (
            headers.get("email") or headers.get("phone") or headers.get("last_name", ""),
            _(
                "no participant of this engagement is named %(name)s, and a new person "
                "needs an email address or a phone number"
            )
            % {"name": _full_name(values)},
        )
    return None
