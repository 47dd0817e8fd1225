"""The preview's warning about a new row that is probably an existing person.

A row with an email found nobody by it, so the import would create a person; but an
existing person of the engagement's region with the same phone number, or the same name
and ZIP code, is probably the same human under another email. The preview says so, row
by row, so staff can fix the sheet or merge after the import.
"""

from django.utils.translation import gettext as _

from ..models import Person
from ..normalise import fold
from .writing import chunks


def _name(first, last) -> str:
    return fold(f"{first or ''} {last or ''}")


def probable_people(new_people, engagement) -> dict:
    """``{row number: (person, reason)}`` for new rows with an email that are probably
    an existing person of the engagement's region under another email."""
    rows = [(row, values) for row, values in new_people if values.get("email")]
    if not rows or engagement.office_id is None:
        return {}
    people = Person.objects.in_region(engagement.office.region).exclude(email="").order_by()
    fields = ("id", "first_name", "last_name", "email", "phone", "zip_code")
    by_phone, by_name_zip = {}, {}
    phones = {values["phone"] for _row, values in rows if values.get("phone")}
    for chunk in chunks(phones):
        for person in people.filter(phone__in=chunk).only(*fields):
            by_phone.setdefault(person.phone, person)
    zips = {values["zip_code"] for _row, values in rows if values.get("zip_code")}
    for chunk in chunks(zips):
        for person in people.filter(zip_code__in=chunk).only(*fields):
            key = (_name(person.first_name, person.last_name), person.zip_code)
            by_name_zip.setdefault(key, person)
    found = {}
    for row, values in rows:
        email = values["email"].lower()
        person = by_phone.get(values.get("phone"))
        if person is not None and person.email != email:
            found[row.number] = (person, _("same phone"))
            continue
        name = _name(values.get("first_name"), values.get("last_name"))
        person = by_name_zip.get((name, values.get("zip_code")))
        if person is not None and values.get("zip_code") and person.email != email:
            found[row.number] = (person, _("same name and ZIP code"))
    return found


def warn_probable_people(new_people, engagement, outcome, header, kept_notes):
    """Add a preview warning for each new row that is probably an existing person."""
    for number, (person, reason) in sorted(probable_people(new_people, engagement).items()):
        outcome.warning_count += 1
        if len(outcome.warnings) >= kept_notes:
            continue
        outcome.warnings.append(
            {
                "row": number,
                "column": header,
                "value": "",
                "message": _(
                    "Probably person #%(id)s (%(name)s), already here under another "
                    "email (%(reason)s): a new person would be created."
                )
                % {"id": person.pk, "name": person.full_name, "reason": reason},
            }
        )
