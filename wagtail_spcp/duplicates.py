"""Probable duplicates among a region's people, each pair with the reasons it was found.

Four rules, in the spirit of CRM "matching rules":

- the same email after normalization (case, a "+tag", dots of a Gmail address), main or
  alternate;
- the same phone number, main or alternate;
- the same name (accents and case ignored) and the same ZIP code;
- similar names (rapidfuzz's token-sort ratio, so "Lefevre Priya" and "Priya Lefèvre"
  match) at the same organization.

Pairs staff marked "not a duplicate" (``NotDuplicate``) are left out. The scan reads
one row of keys per person of the region (and the alternates of the few who have some),
and compares in memory. The pairs found (ids and reasons only, never a person's values)
are kept in the cache under a key that changes whenever one of the people scanned is
added, edited or removed, so a second look at an unchanged region skips the comparing.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.utils.translation import gettext_lazy as _

from rapidfuzz import fuzz

from .models import NotDuplicate, Person
from .normalise import fold

SAME_EMAIL = "email"
SAME_PHONE = "phone"
SAME_NAME_ZIP = "name_zip"
SIMILAR_NAME_ORGANIZATION = "similar_name_organization"
REASONS = {
    SAME_EMAIL: _("Same email"),
    SAME_PHONE: _("Same phone"),
    SAME_NAME_ZIP: _("Same name and ZIP code"),
    SIMILAR_NAME_ORGANIZATION: _("Similar name, same organization"),
}
# How alike two names must be (0-100) to count as similar.
SIMILAR_NAME_SCORE = 88
# A key shared by more people than this (a shared office number, a placeholder email)
# says nothing about any two of them.
MAX_GROUP = 25
# How long found pairs are kept (an edit to any of the people scanned replaces them at once).
CACHE_SECONDS = 3600
CACHE_PREFIX = "wagtail_spcp:duplicates"
# Names are compared only within blocks sharing a word's first letters, of at most so many.
BLOCK_PREFIX = 2
MAX_BLOCK = 300
GMAIL_DOMAINS = {"gmail.com", "googlemail.com"}


def email_key(email: str) -> str:
    """An email as the mailbox it reaches: lower case, no "+tag", no dots at Gmail."""
    local, at, domain = (email or "").strip().lower().rpartition("@")
    if not at or not local:
        return ""
    local = local.split("+", 1)[0]
    if domain in GMAIL_DOMAINS:
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}"


@dataclass
class DuplicatePair:
    first_id: int
    second_id: int
    reasons: list = field(default_factory=list)
    first: Person | None = None
    second: Person | None = None

    @property
    def reason_labels(self) -> list:
        return [REASONS[reason] for reason in self.reasons]


def similar_names(members):
    """Pairs of ids among ``members`` (id, folded name) whose names are alike.

    Only names sharing the first letters of a word are compared (blocking), so a large
    organization costs little more than a small one.
    """
    blocks = defaultdict(set)
    for index, (_pk, name) in enumerate(members):
        for word in name.split():
            blocks[word[:BLOCK_PREFIX]].add(index)
    seen = set()
    for indexes in blocks.values():
        if len(indexes) < 2 or len(indexes) > MAX_BLOCK:
            continue
        for i, j in combinations(sorted(indexes), 2):
            if (i, j) in seen:
                continue
            seen.add((i, j))
            score = fuzz.token_sort_ratio(
                members[i][1], members[j][1], score_cutoff=SIMILAR_NAME_SCORE
            )
            if score:
                yield members[i][0], members[j][0]


def marked_different(person_ids) -> set:
    pairs = NotDuplicate.objects.filter(Q(first__in=person_ids) | Q(second__in=person_ids))
    return set(pairs.values_list("first_id", "second_id"))


def scan_key(people) -> str:
    """A cache key for the pairs among ``people``: it names the query (so each user's scope
    has its own) and changes when one of them is added, edited (``updated_at``) or removed."""
    summary = people.order_by().aggregate(count=Count("pk"), top=Max("pk"), last=Max("updated_at"))
    parts = [str(people.query), *(str(summary[name]) for name in ("count", "top", "last"))]
    return f"{CACHE_PREFIX}:{hashlib.sha256(chr(31).join(parts).encode()).hexdigest()}"


def find_duplicates(people) -> list:
    """Probable duplicate pairs among ``people`` (a queryset of one region), most reasons
    first, less those marked "not a duplicate". The people themselves are not loaded: see
    ``load_pairs``."""
    key = scan_key(people)
    found = cache.get(key)
    if found is None:
        found = [(pair.first_id, pair.second_id, pair.reasons) for pair in compare(people).values()]
        cache.set(key, found, CACHE_SECONDS)
    different = marked_different(
        [pk for first, second, _reasons in found for pk in (first, second)]
    )
    pairs = [
        DuplicatePair(first, second, list(reasons))
        for first, second, reasons in found
        if (first, second) not in different
    ]
    pairs.sort(key=lambda pair: (-len(pair.reasons), pair.first_id, pair.second_id))
    return pairs


def compare(people) -> dict:
    """Every probable duplicate pair among ``people``, by ``(first id, second id)``."""
    rows = list(
        people.order_by().values_list(
            "pk",
            "first_name",
            "last_name",
            "email",
            "search_phone",
            "zip_code",
            "organisation",
        )
    )
    groups = {SAME_EMAIL: defaultdict(set), SAME_PHONE: defaultdict(set)}
    groups[SAME_NAME_ZIP] = defaultdict(set)
    by_organisation = defaultdict(list)
    # only the few people with alternates have them read (and decoded)
    alternates = dict(
        people.order_by().exclude(alternate_emails=[]).values_list("pk", "alternate_emails")
    )
    # many people share a name or an organization: each is folded once
    folded_names, folded_organisations = {}, {}
    for pk, first, last, email, phones, zip_code, organisation in rows:
        name = folded_names.get((first, last))
        if name is None:
            name = folded_names[first, last] = fold(f"{first} {last}")
        for address in (email, *alternates.get(pk, ())):
            if key := email_key(address):
                groups[SAME_EMAIL][key].add(pk)
        if phones:
            for digits in phones.split():
                groups[SAME_PHONE][digits].add(pk)
        if not name:
            continue
        if zip_code:
            groups[SAME_NAME_ZIP][(name, zip_code)].add(pk)
        if organisation:
            key = folded_organisations.get(organisation)
            if key is None:
                key = folded_organisations[organisation] = fold(organisation)
            by_organisation[key].append((pk, name))

    pairs = {}

    def add(a, b, reason):
        key = (a, b) if a < b else (b, a)
        pair = pairs.setdefault(key, DuplicatePair(*key))
        if reason not in pair.reasons:
            pair.reasons.append(reason)

    for reason, keyed in groups.items():
        for ids in keyed.values():
            if 1 < len(ids) <= MAX_GROUP:
                for a, b in combinations(sorted(ids), 2):
                    add(a, b, reason)
    for members in by_organisation.values():
        for a, b in similar_names(members):
            add(a, b, SIMILAR_NAME_ORGANIZATION)

    return pairs


def load_pairs(pairs, people):
    """Attach the people of ``pairs`` (one page of them), in one query."""
    ids = {pk for pair in pairs for pk in (pair.first_id, pair.second_id)}
    loaded = people.in_bulk(ids)
    for pair in pairs:
        pair.first, pair.second = loaded.get(pair.first_id), loaded.get(pair.second_id)
    return [pair for pair in pairs if pair.first and pair.second]
