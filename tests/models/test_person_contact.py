"""A person's email and phone, normalised the way the importer normalises them."""

from django.core.exceptions import ValidationError

import pytest

from wagtail_spcp.models import Person

pytestmark = pytest.mark.django_db


def test_phone_is_stored_in_e164_form_with_its_extension():
    person = Person(first_name="Darnell", last_name="Price", phone="409-555-0190 ext. 204")
    person.full_clean()
    assert person.phone == "+14095550190;ext=204"
    person.save()
    person.refresh_from_db()
    assert person.phone == "+14095550190;ext=204"


def test_a_phone_that_cannot_be_real_is_refused():
    person = Person(first_name="Bad", last_name="Phone", phone="123")
    with pytest.raises(ValidationError) as excinfo:
        person.full_clean()
    assert "phone" in excinfo.value.message_dict


def test_an_email_with_a_space_inside_is_refused_not_squeezed():
    person = Person(first_name="Jane", last_name="Doe", email="Jane Doe@example.org")
    with pytest.raises(ValidationError) as excinfo:
        person.full_clean()
    assert "email" in excinfo.value.message_dict
    assert person.email == "jane doe@example.org"
