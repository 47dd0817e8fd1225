"""The preview warns when a new row is probably an existing person under another email."""

import pytest

from wagtail_spcp.models import Person

SHEET = (
    "First name,Last name,Email,Phone,ZIP\n"
    "Dakota,Oakhurst,dakota.new@example.org,(512) 555-0134,\n"
    "Jo,Ray,jo.ray@example.net,,78701\n"
    "Known,Person,known@example.org,(512) 555-0177,\n"
    "Fresh,Face,fresh@example.org,(512) 555-0199,78702\n"
)


@pytest.fixture
def existing(make_person, make_engagement, engagement):
    dakota = make_person(
        engagement=engagement,
        first_name="Dakota",
        last_name="Oakhurst",
        email="d.oakhurst@example.org",
        phone="+15125550134",
    )
    jo = make_person(
        engagement=engagement,
        first_name="Jo",
        last_name="Ráy",
        email="jr@example.org",
        zip_code="78701",
    )
    known = make_person(
        engagement=engagement, first_name="Known", last_name="Person", email="known@example.org"
    )
    elsewhere = make_engagement(slug="elsewhere", office="northwest")
    make_person(
        engagement=elsewhere,
        first_name="Fresh",
        last_name="Face",
        phone="+15125550199",
        email="other@example.org",
    )
    return dakota, jo, known


def test_the_preview_names_the_probable_existing_person(run_import, existing):
    dakota, jo, _known = existing
    batch = run_import("sheet.csv", data=SHEET.encode(), dry_run=True)
    warnings = {w["row"]: w for w in batch.report["warnings"]}
    assert f"Probably person #{dakota.pk} (Dakota Oakhurst)" in warnings[2]["message"]
    assert "same phone" in warnings[2]["message"]
    assert warnings[2]["column"] == "Email"
    assert f"Probably person #{jo.pk}" in warnings[3]["message"]
    assert "same name and ZIP code" in warnings[3]["message"]
    # matched by email: no warning; a person of another region is never mentioned
    assert set(warnings) == {2, 3}
    assert batch.report["warning_count"] == 2
    assert not Person.objects.filter(email="dakota.new@example.org").exists()
