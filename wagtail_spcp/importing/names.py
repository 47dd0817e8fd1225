"""One-column names ("Sgt. Robert Johnson Jr.", "Okafor, Samuel") split into first and last name.

Parsing is nameparser's: "Last, First", titles, suffixes, particles ("de la Cruz") and
middle names. A person has only a first and a last name, so middle names join the first
name ("Mary Ann"), a suffix stays with the last name ("Johnson Jr."), and a title or
nickname is kept on the result for the preview but not stored. A one-word name is
accepted as the last name, with a warning.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from nameparser import HumanName

from ..normalise import collapse_spaces


@dataclass(frozen=True)
class ParsedName:
    """A name as it will be stored, with what was set aside and why."""

    first_name: str
    last_name: str
    title: str = ""
    nickname: str = ""
    warnings: tuple = field(default_factory=tuple)

    def as_pair(self) -> tuple[str, str]:
        return self.first_name, self.last_name


def _capitalised(part: str) -> str:
    """A part typed in capitals ("PHAM") in the usual case ("Pham"); other parts as typed."""
    if len(part) < 2 or not part.isupper():
        return part
    name = HumanName(part)
    name.capitalize(force=True)
    return str(name)


def parse_name(text) -> ParsedName:
    """Split one cell holding a person's whole name."""
    text = collapse_spaces(text)
    if not any(char.isalpha() for char in text):  # blank, or only marks such as "--"
        return ParsedName("", "")
    if " " not in text and "," not in text:
        return ParsedName(
            "", _capitalised(text), warnings=(_("a one-word name, stored as the last name"),)
        )
    name = HumanName(text)
    first = " ".join(part for part in (name.first, name.middle) if part)
    last = " ".join(part for part in (name.last, name.suffix) if part)
    title = name.title
    if not first and title and "." not in title and " " not in title and "," not in text:
        # "Prince Johnson": a word that can be a title is, before a last name, a first name.
        first, title = title, ""
    if not last:
        # "Samuel,": the only word given is kept as the last name.
        first, last = "", first
    first = " ".join(_capitalised(part) for part in first.split(" ") if part)
    last = " ".join(_capitalised(part) for part in last.split(" ") if part)
    warnings = () if first else (_("a one-word name, stored as the last name"),)
    return ParsedName(first, last, title=title, nickname=name.nickname, warnings=warnings)
