"""The participant columns the importer knows: field names, labels, header spellings, synonyms.

Each column has a few header ``spellings`` that match it exactly, and the ``terms`` that
carry its meaning in a longer header ("What organization do you represent?"), which
``headers`` matches word by word. The choice synonyms start from ``wagtail_spcp.choices``
(each value and label) and add the words people type on sign-up sheets; nothing here
repeats the list of choices.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from ..choices import ParticipationRole, ParticipationStatus, Sector

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def header_key(value) -> str:
    """A header reduced to lower-case letters and digits: "E-mail " and "email" are equal."""
    text = str(value or "").lower().replace("#", "number").replace("&", "and")
    return _NON_ALNUM.sub("", text)


@dataclass(frozen=True)
class ParticipantColumn:
    """One column an import can fill.

    ``spellings`` are whole headers that match it exactly. ``terms`` are the words (or
    phrases) that name it inside a longer header, each with a weight out of 100: a generic
    word such as "date" weighs less than "timestamp". ``context`` words may stand next to
    a term without weakening the match ("number" after "phone", "code" after "ZIP").
    """

    name: str
    label: str
    spellings: tuple = field(default_factory=tuple)
    person_field: bool = True
    terms: tuple = field(default_factory=tuple)
    context: tuple = field(default_factory=tuple)


COLUMNS = (
    ParticipantColumn(
        "first_name",
        _("First name"),
        ("first", "first name", "firstname", "given name", "forename", "fname", "name first"),
        terms=(("first name", 100), ("given name", 100), ("forename", 100), ("first", 90)),
        context=("name",),
    ),
    ParticipantColumn(
        "last_name",
        _("Last name"),
        ("last", "last name", "lastname", "surname", "family name", "lname", "name last"),
        terms=(("last name", 100), ("surname", 100), ("family name", 100), ("last", 90)),
        context=("name",),
    ),
    ParticipantColumn(
        "full_name",
        _("Full name (split into first and last)"),
        ("name", "full name", "your name", "participant", "participant name", "attendee name"),
        terms=(("full name", 100), ("your name", 95), ("name", 75)),
    ),
    ParticipantColumn(
        "email",
        _("Email"),
        ("email", "e-mail", "email address", "e-mail address", "mail", "your email"),
        terms=(("email", 100), ("e mail", 100)),
        context=("address",),
    ),
    ParticipantColumn(
        "phone",
        _("Phone"),
        (
            "phone",
            "phone #",
            "phone number",
            "telephone",
            "tel",
            "mobile",
            "mobile phone",
            "cell",
            "cell phone",
            "contact number",
        ),
        terms=(("phone", 100), ("telephone", 100), ("mobile", 95), ("cell", 95), ("tel", 90)),
        context=("number", "extension", "ext"),
    ),
    ParticipantColumn(
        "organisation",
        _("Organization"),
        ("organisation", "organization", "org", "company", "affiliation", "agency", "employer"),
        terms=(
            ("organization", 100),
            ("organisation", 100),
            ("company", 95),
            ("affiliation", 95),
            ("agency", 95),
            ("employer", 90),
            ("org", 90),
        ),
        context=("name",),
    ),
    ParticipantColumn(
        "sector",
        _("Sector"),
        ("sector", "community sector", "group"),
        terms=(("sector", 100),),
    ),
    ParticipantColumn(
        "zip_code",
        _("ZIP code"),
        ("zip", "zip code", "zipcode", "zip/postal code", "postal code", "postcode"),
        terms=(("zip", 100), ("postal", 95), ("postcode", 100), ("zipcode", 100)),
        context=("code",),
    ),
    ParticipantColumn(
        "preferred_language",
        _("Preferred language"),
        ("language", "preferred language", "lang"),
        terms=(("language", 100),),
        context=("preferred", "spoken"),
    ),
    ParticipantColumn(
        "consent_to_contact",
        _("Consent to contact"),
        ("consent", "consent to contact", "may we contact you", "opt in", "contact ok"),
        terms=(("consent", 100), ("may we contact", 100), ("opt in", 95), ("contact", 75)),
    ),
    ParticipantColumn(
        "role",
        _("Role"),
        ("role", "participant role"),
        person_field=False,
        terms=(("role", 100), ("attending as", 100), ("participating as", 100)),
    ),
    ParticipantColumn(
        "status",
        _("Status"),
        ("status", "attendance", "registration status", "rsvp"),
        person_field=False,
        terms=(
            ("status", 100),
            ("attendance", 100),
            ("rsvp", 100),
            ("attended", 95),
            ("present", 85),
            ("attend", 85),
            ("attending", 80),
        ),
    ),
    ParticipantColumn(
        "registered_on",
        _("Registered on"),
        (
            "registered on",
            "registration date",
            "date registered",
            "sign up date",
            "signed up on",
            "timestamp",
            "submitted",
            "submitted at",
            "submission date",
            "date",
        ),
        person_field=False,
        terms=(
            ("timestamp", 100),
            ("registration", 100),
            ("registered", 100),
            ("sign up", 100),
            ("signed up", 100),
            ("signup", 100),
            ("submitted", 95),
            ("completion", 90),
            ("date", 70),
        ),
        context=("date", "time", "on"),
    ),
    ParticipantColumn(
        "external_id",
        _("External ID"),
        (
            "external id",
            "attendee #",
            "attendee id",
            "registrant id",
            "registration id",
            "respondent id",
            "response id",
            "ticket number",
        ),
        person_field=False,
        terms=(
            ("external id", 100),
            ("attendee id", 95),
            ("registrant id", 95),
            ("registration id", 95),
            ("respondent id", 95),
            ("response id", 95),
        ),
        context=("number",),
    ),
)

COLUMNS_BY_NAME = {column.name: column for column in COLUMNS}
# The person's own fields and their part in an engagement, in column order; "full_name"
# only feeds the first and last name.
PERSON_FIELDS = tuple(c.name for c in COLUMNS if c.person_field and c.name != "full_name")
PARTICIPATION_FIELDS = tuple(c.name for c in COLUMNS if not c.person_field)

_HEADER_INDEX = {
    header_key(spelling): column.name for column in COLUMNS for spelling in column.spellings
}
for _column in COLUMNS:
    _HEADER_INDEX.setdefault(header_key(_column.name), _column.name)
    with override("en"):
        _HEADER_INDEX.setdefault(header_key(str(_column.label)), _column.name)


def auto_match(header) -> str:
    """The column name a header spelling stands for, or "" when unknown."""
    return _HEADER_INDEX.get(header_key(header), "")


# Words typed on sign-up sheets, added to each choice's own value and label.
CHOICE_SYNONYMS = {
    "sector": (
        Sector,
        {
            Sector.FAITH: ("clergy", "faith based", "church", "religious", "faith"),
            Sector.YOUTH: ("students", "student", "young people"),
            Sector.NEW_AMERICANS: ("immigrants", "immigrant", "refugees", "newcomers"),
            Sector.LAW_ENFORCEMENT: ("police", "sheriff", "law enforcement officer", "pd"),
            Sector.SOCIAL_SERVICES: ("nonprofit", "non profit", "social service"),
            Sector.BUSINESS: ("business", "community", "chamber of commerce"),
            Sector.CIVIL_RIGHTS: ("civil rights organization", "advocacy"),
            Sector.EDUCATION: ("school", "schools", "university", "college"),
            Sector.GOVERNMENT: ("city", "county", "government", "city government"),
        },
    ),
    "role": (
        ParticipationRole,
        {
            ParticipationRole.PLANNING_GROUP: ("planning committee", "planner", "planning"),
            ParticipationRole.FACILITATOR: ("volunteer facilitator",),
            ParticipationRole.PARTICIPANT: ("attendee", "participant", "guest"),
            ParticipationRole.COUNCIL_MEMBER: ("council", "member"),
        },
    ),
    "status": (
        ParticipationStatus,
        {
            ParticipationStatus.INVITED: ("invite sent",),
            ParticipationStatus.REGISTERED: ("registered", "signed up", "yes", "rsvp yes"),
            ParticipationStatus.WAITLISTED: ("wait list", "waiting list", "waitlist"),
            ParticipationStatus.ATTENDED: ("present", "attended", "checked in"),
            ParticipationStatus.NO_SHOW: ("no show", "absent", "did not attend"),
            ParticipationStatus.CANCELLED: ("canceled", "cancelled", "declined", "rsvp no"),
        },
    ),
}


def _choice_index(choices, extra) -> dict:
    index = {}
    for value, label in choices.choices:
        index[header_key(value)] = value
        with override("en"):
            index[header_key(str(label))] = value
    for value, words in extra.items():
        for word in words:
            index.setdefault(header_key(word), str(value))
    return index


CHOICE_INDEX = {
    name: _choice_index(choices, extra) for name, (choices, extra) in CHOICE_SYNONYMS.items()
}
