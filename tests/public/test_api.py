"""The JSON API: offices/lookup answers, errors and the office list, with public fields only."""

import pytest

pytestmark = pytest.mark.django_db

LOOKUP = "/api/spcp/offices/lookup"
OFFICE_KEYS = {
    "name", "slug", "kind", "kind_label", "address_line1", "address_line2", "city", "state",
    "zip_code", "phone", "fax", "email", "hours", "contact_title", "latitude", "longitude",
}  # fmt: skip


def test_lookup_by_zip(client, reference_offices):
    response = client.get(LOOKUP, {"q": "77550-1234"})
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "found"
    assert data["match"] == "zip"
    assert data["place"]["zip_code"] == "77550"
    assert data["place"]["city"] == "Galveston"
    assert data["state"] == {"code": "TX", "name": "Texas"}
    assert data["region"]["slug"] == "southwest"
    assert [s["code"] for s in data["region"]["states"]] == ["AR", "LA", "NM", "OK", "TX"]
    assert data["regional_office"]["slug"] == "southwest"
    assert [o["slug"] for o in data["field_offices"]] == ["houston"]
    assert 40 < data["field_offices"][0]["distance_miles"] < 60
    assert data["headquarters"] is None
    assert set(data["regional_office"]) == OFFICE_KEYS | {"distance_miles"}


def test_lookup_by_state_has_no_place(client, reference_offices):
    data = client.get(LOOKUP, {"q": "Puerto Rico"}).json()
    assert data["match"] == "state"
    assert data["place"] is None
    assert data["regional_office"]["slug"] == "northeast"


def test_lookup_military_goes_to_headquarters(client, reference_offices):
    data = client.get(LOOKUP, {"q": "AP"}).json()
    assert data["match"] == "military"
    assert data["region"] is None
    assert data["regional_office"] is None
    assert data["headquarters"]["slug"] == "headquarters"


def test_lookup_ambiguous_lists_choices(client, reference_offices):
    response = client.get(LOOKUP, {"q": "Galveston"})
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ambiguous"
    assert [c["query"] for c in data["choices"]] == ["Galveston, IN", "Galveston, TX"]
    assert client.get(LOOKUP, {"q": data["choices"][1]["query"]}).json()["status"] == "found"


def test_unknown_input_is_a_404_json_with_a_message(client, reference_offices):
    response = client.get(LOOKUP, {"q": "Xyzzyville"})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["status"] == "not_found"
    assert "Xyzzyville" in data["message"]
    assert data["suggestions"]


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "x" * 101}])
def test_missing_empty_or_over_long_query_is_a_400_json(client, reference_offices, params):
    response = client.get(LOOKUP, params)
    assert response.status_code == 400
    assert response.json()["status"] == "invalid"
    assert response.json()["message"]


def test_lookup_accepts_a_trailing_slash_get_and_head_only(client, reference_offices):
    assert client.get(LOOKUP + "/", {"q": "TX"}).status_code == 200
    assert client.head(LOOKUP, {"q": "TX"}).status_code == 200
    assert client.post(LOOKUP, {"q": "TX"}).status_code == 405


def test_office_list_has_every_office_with_region_and_states(client, reference_offices):
    data = client.get("/api/spcp/offices/").json()
    assert data["count"] == 15
    offices = {office["slug"]: office for office in data["offices"]}
    assert data["offices"][0]["slug"] == "headquarters"
    assert offices["headquarters"]["region"] is None
    assert offices["miami"]["region"]["slug"] == "southeast"
    assert [s["code"] for s in offices["northeast"]["region"]["states"]] == ["NJ", "NY", "PR", "VI"]
    for office in data["offices"]:
        assert set(office) == OFFICE_KEYS | {"region"}
        assert office["region"] is None or set(office["region"]) == {"name", "slug", "states"}


def test_api_never_exposes_staff_groups_or_engagements(client, reference_offices, make_engagement):
    from django.contrib.auth.models import Group

    from wagtail_spcp.models import Region

    Region.objects.get(slug="southwest").staff_groups.add(Group.objects.create(name="SW staff"))
    make_engagement(title="Secret engagement")
    body = (
        client.get("/api/spcp/offices/").content.decode()
        + client.get(LOOKUP, {"q": "77550"}).content.decode()
    )
    assert "SW staff" not in body
    assert "staff_groups" not in body
    assert "Secret engagement" not in body
