"""Finding the person a public form is about, with the importer's matching rules."""

from ..choices import DuplicatePolicy, MatchKey
from ..importing.matching import match_existing
from ..importing.pipeline import CleanRow
from ..models import Person

# The person fields a form fills on a matched person when they are blank.
FILLED_FIELDS = ("email", "phone", "organisation", "sector", "preferred_language")


def find_or_create_person(engagement, values) -> tuple[Person, bool]:
    """The person of ``engagement``'s region that ``values`` describe, created if new.

    Call inside ``transaction.atomic()`` after ``lock_import_scope(engagement)``. Email
    first, then name and phone, as imports and walk-ins match. When the email belongs to
    someone the name and phone do not find, the email's holder is the person: what the
    importer would report as a problem is not shown to a visitor.
    """
    row = CleanRow(number=1, values=dict(values), raw=None)
    matches = match_existing([row], DuplicatePolicy.FILL, engagement, MatchKey.EMAIL)
    found = matches.people.get(row.number)
    region = engagement.office.region
    person = None
    if found is not None:
        person = Person.objects.get(pk=found["id"])
    elif matches.problems and values.get("email"):
        person = Person.objects.in_region(region).filter(email__iexact=values["email"]).first()
    if person is None:
        return Person.objects.create(region=region, **values), True
    fill_blanks(person, values)
    return person, False


def fill_blanks(person, values):
    changed = [name for name in FILLED_FIELDS if values.get(name) and not getattr(person, name)]
    for name in changed:
        setattr(person, name, values[name])
    if values.get("consent_to_contact") and not person.consent_to_contact:
        person.consent_to_contact = True
        changed.append("consent_to_contact")
    if changed:
        person.save(update_fields=[*changed, "updated_at"])
