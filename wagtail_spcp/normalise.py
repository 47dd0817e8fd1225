"""Normalisation of contact details, shared by models, forms and the importer."""

import functools
import re
import unicodedata

import phonenumbers

from . import conf

_SPACES = re.compile(r"\s+")
_ZIP = re.compile(r"^(\d{5})(?:-?\d{4})?$")


def collapse_spaces(value) -> str:
    """Trim a value and collapse runs of whitespace to one space."""
    if value is None:
        return ""
    return _SPACES.sub(" ", str(value)).strip()


def normalise_email(value) -> str:
    """Lower-case, trimmed email; the main key for matching duplicate people.

    Spaces inside are kept ("jane doe@example.org" stays invalid): removing them could
    turn one person's address into another's.
    """
    return collapse_spaces(value).lower()


def default_phone_region() -> str:
    return conf.phone_region()


EXTENSION_SEPARATOR = ";ext="
MAX_EXTENSION_DIGITS = 10


def normalise_phone(value, region: str | None = None) -> str:
    """The phone number in E.164 form, or "" when blank.

    An extension ("x204", "ext. 204", ";ext=204") is kept after the number in RFC 3966
    style: "+14095550190;ext=204". Raises ``phonenumbers.NumberParseException`` or
    ``ValueError`` for a number that cannot be a real phone number.
    """
    text = collapse_spaces(value)
    if not text:
        return ""
    region = region or default_phone_region()
    fast = _north_american_number(text, region)
    if fast is not None:
        return fast
    number = phonenumbers.parse(text, region)
    if not phonenumbers.is_valid_number(number):
        raise ValueError(f"not a valid phone number: {text}")
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if number.extension:
        if len(number.extension) > MAX_EXTENSION_DIGITS:
            raise ValueError(f"extension longer than {MAX_EXTENSION_DIGITS} digits: {text}")
        return f"{e164}{EXTENSION_SEPARATOR}{number.extension}"
    return e164


def readable_phone(value) -> str:
    """A stored phone as people write it in a spreadsheet: "+14095550190 ext. 204"."""
    if not value:
        return ""
    number, _separator, extension = str(value).partition(EXTENSION_SEPARATOR)
    return f"{number} ext. {extension}" if extension else number


_PLAIN_NANP = re.compile(r"^(?:\+?1[ .-]?)?\(?([2-9]\d\d)\)?[ .-]?(\d{3})[ .-]?(\d{4})$")


def _north_american_number(text: str, region: str) -> str | None:
    """A shortcut for the commonest case, "(512) 555-0101" in a North American region.

    Builds the number without ``phonenumbers.parse`` and checks it against the region
    first; the result is the same as the general path's. ``None`` means "not this case,
    or not valid for this region": the caller then takes the general path.
    """
    if phonenumbers.country_code_for_region(region) != 1:
        return None
    match = _PLAIN_NANP.match(text)
    if not match:
        return None
    digits = "".join(match.groups())
    number = phonenumbers.PhoneNumber(country_code=1, national_number=int(digits))
    if not phonenumbers.is_valid_number_for_region(number, region):
        return None
    return f"+1{digits}"


def normalise_zip(value) -> str:
    """A five-digit ZIP from a ZIP or ZIP+4; raises ``ValueError`` otherwise.

    Spreadsheets often drop leading zeros ("2108" for Boston's 02108), so three- and
    four-digit numbers are zero-padded. The padded ZIP may not be the one meant (a
    mistyped "7870" becomes New Jersey's 07870), so the importer lists every padded
    ZIP as a rewrite, original next to stored, before anything is saved.
    """
    text = collapse_spaces(value).replace(" ", "")
    if not text:
        return ""
    if text.endswith(".0"):  # a ZIP read from a numeric spreadsheet cell
        text = text[:-2]
    if text.isdigit() and 3 <= len(text) < 5:
        text = text.zfill(5)
    match = _ZIP.match(text)
    if not match:
        raise ValueError(f"not a ZIP code: {text}")
    return match.group(1)


def fold(value) -> str:
    """Lower-case text without accents, for searching and comparing names.

    "Lefèvre" and "LEFEVRE" both give "lefevre"; letters with no plain form ("ø") stay.
    """
    text = collapse_spaces(value)
    if text.isascii():
        return text.lower()
    return _fold_accented(text)


@functools.lru_cache(maxsize=65536)
def _fold_accented(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


_NOT_DIGITS = re.compile(r"\D+")


def phone_digits(value) -> str:
    """The digits of a phone number without its extension ("+14095550134" -> "14095550134")."""
    number, _separator, _extension = str(value or "").partition(EXTENSION_SEPARATOR)
    return _NOT_DIGITS.sub("", number)
