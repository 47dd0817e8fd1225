"""Headers matched to participant columns by meaning: "What organization do you represent?".

A header that is a known spelling of a column ("E-mail", "Phone #") matches it outright.
Otherwise each column's ``terms`` are looked for among the header's words, with rapidfuzz
forgiving small typing slips in longer words ("Organizaton"). A match is weakened by the
header's other words: "Preferred email for updates" is an email column, but less surely
than "Email". Every match carries its score (0-100) and the reason, in words.

Only a confident match is applied. When two columns score close for one header, or two
headers claim one column, nothing is applied: the candidates are offered instead.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from rapidfuzz import fuzz

from .columns import COLUMNS, COLUMNS_BY_NAME, auto_match

CONFIDENT = 80  # a match at least this good may be applied
MARGIN = 10  # a second column this close to the best makes a header ambiguous
CLAIM_MARGIN = 5  # a second header this close to the best makes a column contested
FUZZY_MIN_LENGTH = 5  # shorter words must be spelled exactly
FUZZY_SIMILARITY = 90

# Words that say nothing about which column a header is (questions are full of them).
STOP_WORDS = frozenset(
    """
    a about an and any are as at be best by can did do does enter for from have here how
    i if in is it may me most of on or our please should the their they this to us was we
    were what when where which who will with would you your dd mm yyyy yy
    """.split()
)

_WORD = re.compile(r"[0-9a-z]+")
_E_MAIL = re.compile(r"\be[\s_-]?mail")


def header_words(header) -> list:
    """A header's words, lower-case and without accents: "E-mail address:" -> [email, address]."""
    text = unicodedata.normalize("NFKD", str(header or "").casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = _E_MAIL.sub("email", text.replace("#", " number ").replace("&", " and "))
    return _WORD.findall(text)


def _content(words) -> set:
    """Positions of the words that carry meaning."""
    return {i for i, word in enumerate(words) if len(word) > 1 and word not in STOP_WORDS}


def _word_similarity(term_word: str, word: str) -> float:
    if term_word == word:
        return 100.0
    if min(len(term_word), len(word)) < FUZZY_MIN_LENGTH:
        return 0.0
    similarity = fuzz.ratio(term_word, word)
    return similarity if similarity >= FUZZY_SIMILARITY else 0.0


@dataclass(frozen=True)
class Candidate:
    """A column a header may stand for, how surely, and why."""

    column: str
    score: int
    reason: str

    @property
    def label(self) -> str:
        return str(COLUMNS_BY_NAME[self.column].label)


@dataclass(frozen=True)
class HeaderMatch:
    """What one header was matched to: ``column`` is "" unless the match is confident."""

    header: str
    column: str = ""
    score: int = 0
    reason: str = ""
    candidates: tuple = field(default_factory=tuple)  # best first, the applied one included
    ambiguous: bool = False

    @property
    def confident(self) -> bool:
        return bool(self.column)


def _term_candidate(header, words, content, column):
    best, best_text, best_term, covered = 0.0, "", "", set()
    for term, weight in column.terms:
        term_words = term.split()
        size = len(term_words)
        for start in range(len(words) - size + 1):
            window = words[start : start + size]
            similarity = min(
                _word_similarity(t, w) for t, w in zip(term_words, window, strict=True)
            )
            if not similarity:
                continue
            covered.update(range(start, start + size))
            score = weight * similarity / 100
            if score > best:
                best, best_text, best_term = score, " ".join(window), term
    if not best:
        return None
    covered.update(i for i, word in enumerate(words) if word in column.context)
    coverage = len(covered & content) / len(content) if content else 1.0
    score = round(best * (0.8 + 0.2 * coverage))
    if best_text.replace(" ", "") == best_term.replace(" ", ""):
        reason = _("matched '%(term)s' in '%(header)s'") % {"term": best_text, "header": header}
    else:
        reason = _("matched '%(words)s' (read as '%(term)s') in '%(header)s'") % {
            "words": best_text,
            "term": best_term,
            "header": header,
        }
    return Candidate(column.name, score, reason)


def score_header(header) -> list:
    """Every column the header may stand for, best first."""
    header = " ".join(str(header or "").split())
    words = header_words(header)
    content = _content(words)
    exact = auto_match(header)
    candidates = []
    for column in COLUMNS:
        if column.name == exact:
            reason = _("'%(header)s' is a usual header for %(column)s") % {
                "header": header,
                "column": str(column.label),
            }
            candidates.append(Candidate(column.name, 100, reason))
            continue
        candidate = _term_candidate(header, words, content, column)
        if candidate is not None:
            candidates.append(candidate)
    candidates.sort(key=lambda candidate: -candidate.score)
    return candidates


def match_header(header) -> HeaderMatch:
    """The column one header stands for, judged on its own."""
    header = " ".join(str(header or "").split())
    candidates = tuple(score_header(header))
    if not candidates:
        return HeaderMatch(header, reason=_("no column matched '%(header)s'") % {"header": header})
    best = candidates[0]
    if best.score < CONFIDENT:
        return HeaderMatch(
            header,
            score=best.score,
            reason=_("not sure: %(reason)s") % {"reason": best.reason},
            candidates=candidates,
        )
    close = [c for c in candidates[1:] if best.score - c.score < MARGIN and c.score >= CONFIDENT]
    if close:
        return HeaderMatch(
            header,
            score=best.score,
            reason=_("'%(header)s' could be %(columns)s")
            % {
                "header": header,
                "columns": _(" or ").join(c.label for c in (best, *close)),
            },
            candidates=candidates,
            ambiguous=True,
        )
    return HeaderMatch(header, best.column, best.score, best.reason, candidates)


def match_headers(headers, fixed=None, spelled_only=()) -> list:
    """One ``HeaderMatch`` per header; each column goes to at most one header.

    ``fixed`` maps header positions to columns already decided (a saved mapping, a known
    export format); "" there means "do not import". Those columns are not offered to other
    headers. When two headers claim one column about equally, neither gets it. Columns in
    ``spelled_only`` are applied only for a known spelling; a match by meaning is offered.
    """
    fixed = fixed or {}
    matches = []
    for index, header in enumerate(headers):
        if index in fixed:
            column = fixed[index]
            matches.append(
                HeaderMatch(
                    " ".join(str(header or "").split()),
                    column,
                    100 if column else 0,
                    _("set by the mapping") if column else _("not imported"),
                )
            )
            continue
        match = match_header(header)
        if match.column in spelled_only and auto_match(header) != match.column:
            match = HeaderMatch(
                match.header,
                score=match.score,
                reason=_("to confirm: %(reason)s") % {"reason": match.reason},
                candidates=match.candidates,
            )
        matches.append(match)
    taken = {column for column in fixed.values() if column}
    claims = {}
    for index, match in enumerate(matches):
        if index not in fixed and match.column:
            claims.setdefault(match.column, []).append(index)
    for column, indexes in claims.items():
        ranked = sorted(indexes, key=lambda i: -matches[i].score)
        contested = False
        if column in taken:
            losers, reason = ranked, _("%(column)s is already set by the mapping")
        elif len(ranked) > 1 and matches[ranked[0]].score - matches[ranked[1]].score < CLAIM_MARGIN:
            losers, reason = ranked, _("more than one column could be %(column)s")
            contested = True
        else:
            losers, reason = ranked[1:], _("another column matches %(column)s better")
        label = str(COLUMNS_BY_NAME[column].label)
        for index in losers:
            match = matches[index]
            matches[index] = HeaderMatch(
                match.header,
                score=match.score,
                reason=reason % {"column": label},
                candidates=match.candidates,
                ambiguous=contested,
            )
    return matches


def suggest(headers, fixed=None, spelled_only=()) -> list:
    """For each header, the column a confident match applies, or ""."""
    return [match.column for match in match_headers(headers, fixed, spelled_only)]
