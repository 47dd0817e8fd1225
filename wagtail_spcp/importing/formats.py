"""Export formats the importer recognises by their headers, with their columns and words.

Each ``KnownFormat`` names a tool ("Microsoft Forms"), the headers that identify its
export (its signature), the columns it always has and what they hold, and its value
vocabulary ("Checked In" is an attended participant). ``recognise(headers, rows)`` returns
the format that fits, with the mapping for this file's headers; columns the format does
not know (the form's own questions) are left to header matching.

For an export with two header rows (a question row, then a field-label row), ``labels``
maps the second row's labels; a header made of both ("Please tell us how to reach you.
Email Address") or of the label alone is matched by its label.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import override

from ..choices import ParticipationStatus
from .columns import COLUMNS_BY_NAME, PARTICIPATION_FIELDS, PERSON_FIELDS, header_key

ANY_OTHER = "*"  # in a vocabulary: any other value that is not blank


def value_key(value) -> str:
    """A cell value as a vocabulary looks it up: trimmed, spaces collapsed, case folded."""
    if value is None:
        return ""
    return " ".join(str(value).split()).casefold()


@dataclass(frozen=True)
class KnownFormat:
    """One tool's export: how to recognise it, its columns, and its values."""

    slug: str
    name: str
    signature: tuple  # headers that identify the export
    required: int  # how many of them must be present
    columns: dict = field(default_factory=dict)  # header -> column name ("" = not imported)
    labels: dict = field(default_factory=dict)  # second-row label -> column name
    values: dict = field(default_factory=dict)  # column name -> {value: choice or ""}
    header_rows: int = 1
    first_header: str = ""  # a header the export always starts with
    anonymous_columns: tuple = ()  # columns left out when every value is blank or anonymous

    def matches(self, keys) -> int:
        """How many signature headers ``keys`` (header keys) hold; 0 unless enough."""
        if self.first_header and (not keys or keys[0] != header_key(self.first_header)):
            return 0
        present = sum(1 for header in self.signature if header_key(header) in keys)
        return present if present >= self.required else 0


@dataclass(frozen=True)
class FormatMatch:
    """A recognised format and what it decides for one file's headers."""

    format: KnownFormat
    mapping: dict  # header position -> column name ("" = not imported)
    reason: str

    @property
    def name(self) -> str:
        return self.format.name

    @property
    def values(self) -> dict:
        return self.format.values

    def map_value(self, column: str, value):
        """``(choice, True)`` for a value the format's vocabulary knows, else ``(value, False)``."""
        vocabulary = self.format.values.get(column)
        if not vocabulary:
            return value, False
        key = value_key(value)
        if key in vocabulary:
            return vocabulary[key], True
        if key and ANY_OTHER in vocabulary:
            return vocabulary[ANY_OTHER], True
        return value, False


def _vocabulary(words: dict) -> dict:
    return {value_key(word): str(choice) for word, choice in words.items()}


def _label_key(header: str, labels: dict) -> str:
    """The second-row label a (possibly combined) header ends with, longest first."""
    key = header_key(header)
    for label in sorted(labels, key=lambda label: -len(header_key(label))):
        if key.endswith(header_key(label)):
            return label
    return ""


# This app's export: every column; files exported before "External ID" was added lack it.
_EXPORT_COLUMNS = (*PERSON_FIELDS, *PARTICIPATION_FIELDS)
with override("en"):
    _EXPORT_HEADERS = tuple(str(COLUMNS_BY_NAME[name].label) for name in _EXPORT_COLUMNS)

_STATUS = ParticipationStatus

FORMATS = (
    KnownFormat(
        slug="eventbrite",
        name="Eventbrite",
        signature=(
            "Order #",
            "Order Date",
            "Attendee #",
            "Ticket Type",
            "Attendee Status",
            "Buyer Email",
            "Barcode #",
        ),
        required=4,
        columns={
            "Order Date": "registered_on",
            "First Name": "first_name",
            "Last Name": "last_name",
            "Email": "email",
            "Attendee Status": "status",
            "Cell Phone": "phone",
            "Company": "organisation",
            "Home Zip": "zip_code",
            "Buyer First Name": "",
            "Buyer Last Name": "",
            "Buyer Email": "",
            "Attendee #": "external_id",
            "Date Attending": "",
            "Check-In Date": "",
            "Ticket Type": "",
            "Work Phone": "",
            "Job Title": "",
        },
        values={
            "status": _vocabulary(
                {
                    "Attending": _STATUS.REGISTERED,
                    "Checked In": _STATUS.ATTENDED,
                    "Not Attending": _STATUS.CANCELLED,
                    "Refunded": _STATUS.CANCELLED,
                    "Transferred": _STATUS.CANCELLED,
                }
            )
        },
    ),
    KnownFormat(
        slug="google-forms",
        name="Google Forms",
        signature=("Timestamp",),
        required=1,
        first_header="Timestamp",
        columns={"Timestamp": "registered_on", "Email Address": "email"},
    ),
    KnownFormat(
        slug="microsoft-forms",
        name="Microsoft Forms",
        signature=("ID", "Start time", "Completion time", "Email", "Name"),
        required=5,
        first_header="ID",
        columns={
            "ID": "external_id",
            "Start time": "",
            "Completion time": "registered_on",
            "Email": "email",
            "Name": "full_name",
            "Last modified time": "",
        },
        values={
            "email": _vocabulary({"anonymous": ""}),
            "full_name": _vocabulary({"anonymous": ""}),
        },
        anonymous_columns=("Email", "Name"),
    ),
    KnownFormat(
        slug="surveymonkey",
        name="SurveyMonkey",
        signature=("Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address"),
        required=4,
        first_header="Respondent ID",
        header_rows=2,
        columns={
            "Respondent ID": "external_id",
            "Collector ID": "",
            "Start Date": "",
            "End Date": "registered_on",
            "IP Address": "",
            "Email Address": "email",
            "First Name": "first_name",
            "Last Name": "last_name",
            "Custom Data 1": "",
        },
        labels={
            "Name": "full_name",
            "First Name": "first_name",
            "Last Name": "last_name",
            "Company": "organisation",
            "ZIP/Postal Code": "zip_code",
            "Email Address": "email",
            "Phone Number": "phone",
        },
        anonymous_columns=("Email Address", "First Name", "Last Name"),
    ),
    KnownFormat(
        slug="mobilize",
        name="Mobilize",
        signature=("Event ID", "Event name", "Timeslot start", "Timeslot end", "Signup date"),
        required=3,
        columns={
            "First name": "first_name",
            "Last name": "last_name",
            "Email": "email",
            "Phone": "phone",
            "Zip": "zip_code",
            "Status": "status",
            "Signup date": "registered_on",
            "Event ID": "",
            "Event name": "",
            "Timeslot start": "",
            "Timeslot end": "",
            "Attended": "",
            "SMS opt-in": "",
        },
        values={
            "status": _vocabulary(
                {
                    "Registered": _STATUS.REGISTERED,
                    "Confirmed": _STATUS.REGISTERED,
                    "Cancelled": _STATUS.CANCELLED,
                }
            )
        },
    ),
    KnownFormat(
        slug="zoom",
        name="Zoom",
        signature=("Registration Time", "Approval Status"),
        required=2,
        columns={
            "First Name": "first_name",
            "Last Name": "last_name",
            "Email": "email",
            "Zip/Postal Code": "zip_code",
            "Phone": "phone",
            "Organization": "organisation",
            "Registration Time": "registered_on",
            "Approval Status": "status",
            "Job Title": "",
        },
        values={
            "status": _vocabulary(
                {
                    "approved": _STATUS.REGISTERED,
                    "pending": _STATUS.WAITLISTED,
                    "denied": _STATUS.CANCELLED,
                }
            )
        },
    ),
    KnownFormat(
        slug="spcp-export",
        name="wagtail-spcp export",
        signature=_EXPORT_HEADERS,
        required=len(_EXPORT_HEADERS) - 1,
        columns=dict(zip(_EXPORT_HEADERS, _EXPORT_COLUMNS, strict=True)),
    ),
    KnownFormat(
        slug="spcp-sign-in-sheet",
        name="wagtail-spcp sign-in sheet",
        signature=("Present", "Name", "Organization", "Sector", "Role", "Signature"),
        required=6,
        first_header="Present",
        columns={
            "Present": "status",
            "Name": "full_name",
            "Organization": "organisation",
            "Sector": "sector",
            "Role": "role",
            "Signature": "",
        },
        values={"status": {"": str(_STATUS.NO_SHOW), ANY_OTHER: str(_STATUS.ATTENDED)}},
    ),
)

FORMATS_BY_SLUG = {known.slug: known for known in FORMATS}


def _anonymous(rows, index, vocabulary) -> bool:
    """Whether every value in the column is blank or a word the format stores as blank."""
    for row in rows:
        value = value_key(row[index]) if index < len(row) else ""
        if value and vocabulary.get(value) != "":
            return False
    return True


def recognise(headers, rows=()) -> FormatMatch | None:
    """The known format ``headers`` belong to, with its mapping; ``None`` if none fits.

    ``rows`` (the data rows, or a sample) let a format leave out identity columns a form
    filled with "anonymous", so the form's own questions supply the email and name.
    """
    keys = [header_key(header) for header in headers]
    known = max(FORMATS, key=lambda known: known.matches(keys))  # the first, on a tie
    if not known.matches(keys):
        return None
    columns = {header_key(header): column for header, column in known.columns.items()}
    anonymous = {header_key(header) for header in known.anonymous_columns}
    rows = list(rows)
    mapping = {}
    for index, key in enumerate(keys):
        if key in columns:
            column = columns[key]
            vocabulary = known.values.get(column, {})
            if key in anonymous and rows and _anonymous(rows, index, vocabulary):
                column = ""
            mapping[index] = column
        elif known.labels:
            label = _label_key(headers[index], known.labels)
            if label:
                mapping[index] = known.labels[label]
    # A column the format maps twice (the metadata email and a question's email) goes to the
    # question when the metadata column is left out, else to the first header.
    seen = set()
    for index in sorted(mapping):
        column = mapping[index]
        if column and column in seen:
            mapping[index] = ""
        seen.add(column)
    found = [header for header in known.signature if header_key(header) in keys]
    reason = _("This looks like an export from %(format)s: it has the columns %(columns)s.") % {
        "format": known.name,
        "columns": ", ".join(f"'{header}'" for header in found),
    }
    return FormatMatch(known, mapping, reason)
