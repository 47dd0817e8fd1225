"""Cell widgets: each cleans a spreadsheet cell (import) and renders a value (export).

django-import-export's widget classes, one per kind of participant column; the pipeline
cleans with them and the resources in ``resources`` render with them.
"""

import datetime

from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import override

from import_export import widgets

from ..normalise import (
    collapse_spaces,
    normalise_email,
    normalise_phone,
    normalise_zip,
    readable_phone,
)
from .columns import (
    CHOICE_INDEX,
    CHOICE_SYNONYMS,
    header_key,
)

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Prefix text a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def cell_text(value) -> str:
    """A cell as text: numbers without a spurious ".0", and an export's apostrophe removed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    text = str(value)
    if text.startswith("'") and text[1:2] in FORMULA_TRIGGERS:
        text = text[1:]
    return collapse_spaces(text)


class TextWidget(widgets.CharWidget):
    """Trimmed text with spaces collapsed, no longer than ``max_length``."""

    def __init__(self, max_length=None, **kwargs):
        self.max_length = max_length
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if self.max_length and len(text) > self.max_length:
            raise ValueError(_("longer than %(max)d characters") % {"max": self.max_length})
        return text

    def render(self, value, obj=None, **kwargs):
        return neutralise_formula("" if value is None else str(value))


class EmailWidget(TextWidget):
    def clean(self, value, row=None, **kwargs):
        email = normalise_email(cell_text(value))
        if " " in email:
            raise ValueError(_("not a valid email address: it has a space inside"))
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise ValueError(_("not a valid email address")) from None
            if len(email) > 254:
                raise ValueError(_("not a valid email address"))
        return email


class PhoneWidget(TextWidget):
    """A phone in E.164 form, with its extension ("+14095550190;ext=204").

    Rendered the way people write it: "+14095550190 ext. 204".
    """

    def clean(self, value, row=None, **kwargs):
        try:
            return normalise_phone(cell_text(value))
        except Exception:  # noqa: BLE001 - phonenumbers raises several kinds
            raise ValueError(_("not a valid phone number")) from None

    def render(self, value, obj=None, **kwargs):
        return neutralise_formula(readable_phone(value))


class ZipWidget(TextWidget):
    def clean(self, value, row=None, **kwargs):
        try:
            return normalise_zip(cell_text(value))
        except ValueError:
            raise ValueError(_("not a five-digit ZIP code")) from None


class ChoiceWidget(TextWidget):
    """A choice matched by value, label or a common synonym; rendered as its label.

    An unknown value is refused with the labels that are accepted.
    """

    def __init__(self, choice_name, **kwargs):
        self.choice_name = choice_name
        self.choices = CHOICE_SYNONYMS[choice_name][0]
        self.index = CHOICE_INDEX[choice_name]
        with override("en"):
            self.labels = {value: str(label) for value, label in self.choices.choices}
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return ""
        try:
            return self.index[header_key(text)]
        except KeyError:
            raise ValueError(
                _("not one of %(accepted)s") % {"accepted": ", ".join(self.labels.values())}
            ) from None

    def equivalent(self, text, value) -> bool:
        """Whether ``text`` is the choice ``value`` itself or its label (not a synonym)."""
        key = header_key(text)
        return key == header_key(value) or key == header_key(self.labels.get(value, ""))

    def render(self, value, obj=None, **kwargs):
        if not value:
            return ""
        return self.labels.get(value, value)


class YesNoWidget(widgets.BooleanWidget):
    """Yes/no, true/false, x, 1/0; blank is "not given" (``None``)."""

    TRUE = {"yes", "y", "true", "t", "1", "x", "on", "si", "sí", "agree", "agreed"}
    FALSE = {"no", "n", "false", "f", "0", "off", "disagree"}

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = cell_text(value).lower()
        if not text:
            return None
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(_("not yes or no"))

    def render(self, value, obj=None, **kwargs):
        return "yes" if value else "no"


EXCEL_EPOCH = datetime.date(1899, 12, 30)
DATE_FORMATS = (
    "%Y-%m-%d",
    "%m/%d/%Y",
    "%m/%d/%y",
    "%Y/%m/%d",
    "%m-%d-%Y",
    "%d %b %Y",
    "%d %B %Y",
    "%d-%b-%Y",
    "%d-%b-%y",
    "%b %d %Y",
    "%B %d %Y",
)


DAY_FIRST_FORMATS = (
    "%Y-%m-%d",
    "%d/%m/%Y",
    "%d/%m/%y",
    "%Y/%m/%d",
    "%d-%m-%Y",
    "%d.%m.%Y",
    "%d.%m.%y",
    *DATE_FORMATS[5:],
)


class DateWidget(widgets.DateWidget):
    """A date from a date cell, an Excel serial number, or text in a common format.

    Slashed dates are read month first (U.S. usage), or day first with ``day_first``
    (see ``dates.detect_day_first``); a time after the date is ignored.
    """

    def __init__(self, day_first=False, **kwargs):
        self.day_first = day_first
        self.date_formats = DAY_FIRST_FORMATS if day_first else DATE_FORMATS
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            if 1 <= value < 2958466:  # Excel's serial day numbers (1900 date system)
                return EXCEL_EPOCH + datetime.timedelta(days=int(value))
            raise ValueError(_("not a date"))
        text = cell_text(value).replace(",", " ")
        text = " ".join(text.split())
        if not text:
            return None
        if text.replace(".", "", 1).isdigit():
            return self.clean(float(text))
        candidates = [text, text.split(" ")[0], text.split("T")[0]]
        if " " in text:
            candidates.append(" ".join(text.split(" ")[:3]))
        for candidate in candidates:
            for date_format in self.date_formats:
                try:
                    return datetime.datetime.strptime(candidate, date_format).date()
                except ValueError:
                    continue
        raise ValueError(_("not a date"))

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


_LANGUAGE_NAMES = {}
for _code, _info in LANG_INFO.items():
    if "name" in _info:
        _LANGUAGE_NAMES.setdefault(header_key(_info["name"]), _code)
        _LANGUAGE_NAMES.setdefault(header_key(_info.get("name_local", "")), _code)


class LanguageWidget(TextWidget):
    """A language code; names such as "Spanish" or "Español" become "es".

    Text that is neither a code nor a language name is refused, not stored as typed.
    """

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return ""
        if (len(text) <= 3 or "-" in text) and " " not in text and len(text) <= 35:
            return text.lower()
        try:
            return _LANGUAGE_NAMES[header_key(text)]
        except KeyError:
            raise ValueError(_("not a language name or code")) from None

    def equivalent(self, text, value) -> bool:
        """Whether ``text`` is the code ``value`` as typed (a name is a rewrite)."""
        return text.lower() == value


def column_widget(name):
    """The widget that cleans and renders the column ``name``."""
    return {
        "first_name": TextWidget(max_length=100),
        "last_name": TextWidget(max_length=100),
        "full_name": TextWidget(max_length=201),
        "email": EmailWidget(),
        "phone": PhoneWidget(),
        "organisation": TextWidget(max_length=200),
        "sector": ChoiceWidget("sector"),
        "zip_code": ZipWidget(),
        "preferred_language": LanguageWidget(),
        "consent_to_contact": YesNoWidget(),
        "role": ChoiceWidget("role"),
        "status": ChoiceWidget("status"),
        "registered_on": DateWidget(),
        "external_id": TextWidget(max_length=100),
    }[name]
