"""Finding people as staff type them: names in any order, accents ignored, emails, phones.

Each person carries two search keys kept up to date on save (``Person.set_search_keys``):
``search_text`` (folded first and last name, emails, organization) and ``search_phone``
(the digits of every number). A query is folded the same way and split into words,
each of which must appear in the text key, so "Dakota Oakhurst", "oakhurst dakota" and
"Lefevre" all match. A query written like a phone number ("(409) 555-0134",
"555-0134", "+1 409 555 0134") is matched by its digits against the phone key. On
PostgreSQL both keys have trigram indexes (migration ``0015_people_search``), which
serve these substring lookups.
"""

import re

from django.db.models import Q

from ..models import Person
from ..normalise import fold, phone_digits

# Digits with the punctuation people write phone numbers with.
_PHONE_LIKE = re.compile(r"^\+?[\d\s().\-/]+$")
_WORD_SEPARATORS = re.compile(r"[\s,;]+")
MIN_PHONE_DIGITS = 3
# Up to this many matches, the search hands the listing their ids.
MATERIALIZE = 1000


def phone_query_digits(query: str) -> str:
    """The digits to look for when ``query`` reads as (part of) a phone number, else ""."""
    text = query.strip()
    if not _PHONE_LIKE.match(text):
        return ""
    digits = phone_digits(text)
    return digits if len(digits) >= MIN_PHONE_DIGITS else ""


def person_search_condition(query: str, prefix: str = "") -> Q | None:
    """The condition on ``Person`` (or, with ``prefix="person__"``, a relation to it)
    matching ``query``; ``None`` for a query with nothing to look for."""
    digits = phone_query_digits(query)
    if digits:
        return Q(**{f"{prefix}search_phone__contains": digits})
    words = [word for word in _WORD_SEPARATORS.split(fold(query)) if word]
    if not words:
        return None
    condition = Q()
    for word in words:
        condition &= Q(**{f"{prefix}search_text__contains": word})
    return condition


def search_people(queryset, query: str, prefix: str = ""):
    """``queryset`` narrowed to the people (or rows of people) matching ``query``.

    The matching ids are read first, in one pass over the table: a listing sorted by name
    would otherwise walk the whole name index to find a rare match (a phone number), and
    count them in a second pass. A query matching very many people is applied as a
    condition instead.
    """
    condition = person_search_condition(query, prefix)
    if condition is None:
        return queryset
    ids = list(
        queryset.filter(condition).order_by().values_list("pk", flat=True)[: MATERIALIZE + 1]
    )
    if len(ids) <= MATERIALIZE:
        return queryset.filter(pk__in=ids)
    return queryset.filter(condition)


class PersonSearchMixin:
    """An admin listing whose search box finds people with ``search_people``.

    ``person_prefix`` is the lookup from the listed model to the person ("" for people,
    "person__" for participations).
    """

    person_prefix = ""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        if not self.person_prefix:
            return search_people(queryset, self.search_query)
        # rows of the people found: the people first, then their rows by the person index
        people = search_people(Person.objects.all(), self.search_query).values("pk")
        return queryset.filter(**{f"{self.person_prefix}in": people})
