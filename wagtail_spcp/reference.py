"""The reference customer's regions and offices, shipped inside the app as a fixture.

``manage.py spcp_load_offices`` (or ``manage.py loaddata crs_offices``) loads them into any
site that has the app installed; they are ordinary data, edited in the admin afterwards.
"""

from pathlib import Path

from django.core import serializers
from django.db import transaction

OFFICES_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "crs_offices.json"


@transaction.atomic
def load_reference_offices() -> int:
    """Save the fixture's regions, states and offices whose primary key is still free.

    Records already there (and any edits made to them) are left alone, so running it
    again changes nothing. Returns how many records were saved.
    """
    saved = 0
    with open(OFFICES_FIXTURE, encoding="utf-8") as fixture:
        for deserialized in serializers.deserialize("json", fixture):
            model = type(deserialized.object)
            if not model._default_manager.filter(pk=deserialized.object.pk).exists():
                deserialized.save()
                saved += 1
    return saved
