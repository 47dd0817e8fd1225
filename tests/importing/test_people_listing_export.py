"""The admin's filtered people listing exports through PersonResource, neutralised and logged."""

import csv
import io

from django.urls import reverse

from wagtail.models import ModelLogEntry

from wagtail_spcp.models import Participation


def test_filtered_people_export_is_neutralised_scoped_and_logged(
    client, django_user_model, make_engagement, make_person
):
    engagement = make_engagement()
    hostile = make_person(
        engagement=engagement, first_name="=HYPERLINK(1)", last_name="Zed", organisation="+SUM(A1)"
    )
    Participation.objects.create(person=hostile, engagement=engagement)
    make_person(first_name="Other", last_name="Person")
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(admin)

    url = reverse("wagtailsnippets_wagtail_spcp_person:list")
    response = client.get(url, {"q": "Zed", "export": "csv"})

    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    body = [row for row in rows[1:] if row]
    assert len(body) == 1, rows  # only the filtered person
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in body[0])
    entry = ModelLogEntry.objects.get(action="wagtail_spcp.export")
    assert entry.user == admin
    assert entry.data["listing"] == "person" and entry.data["rows"] == 1
    assert entry.data["filters"] == ["q"]
    assert "Zed" not in str(entry.data)  # the search term may be a name: never logged
