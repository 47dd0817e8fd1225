"""Every create, edit and delete through the staff admin is in the audit log with its user."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from wagtail_spcp.models import Person
from wagtail_spcp.models import RegionScopedLogEntry as LogEntry


def actions_for(obj):
    return list(LogEntry.objects.for_instance(obj).values_list("action", "user__username"))


def test_person_create_edit_delete_are_logged(world, login):
    client = login(world.users["staff_a"])
    data = {
        "first_name": "Ana",
        "last_name": "Ruiz",
        "email": "ana.ruiz@example.org",
        "phone": "",
        "organisation": "",
        "sector": "",
        "zip_code": "",
        "preferred_language": "es",
        "region": world.a.region.pk,
    }
    response = client.post(reverse("wagtailsnippets_wagtail_spcp_person:add"), data)
    assert response.status_code == 302
    person = Person.objects.get(email="ana.ruiz@example.org")
    assert person.region == world.a.region
    response = client.post(
        reverse("wagtailsnippets_wagtail_spcp_person:edit", args=[person.pk]),
        {**data, "organisation": "Library"},
    )
    assert response.status_code == 302
    assert actions_for(person) == [
        ("wagtail.edit", "staff_a"),
        ("wagtail.create", "staff_a"),
    ]
    pk = person.pk
    response = client.post(reverse("wagtailsnippets_wagtail_spcp_person:delete", args=[pk]))
    assert response.status_code == 302
    assert LogEntry.objects.filter(
        object_id=str(pk), action="wagtail.delete", user=world.users["staff_a"]
    ).exists()


def test_council_edit_is_logged(world, login):
    council = world.a.council
    client = login(world.users["staff_a"])
    data = nested_form_data(
        {
            "engagement": council.engagement_id,
            "name": "Riverton Council",
            "status": council.status,
            "formed_on": "",
            "rules_of_engagement": "Listen first.",
            "is_public": "",
            "public_summary": "",
            "public_contact_name": "",
            "public_contact_email": "",
            "memberships": inline_formset(
                [
                    {
                        "id": m.pk,
                        "person": m.person_id,
                        "role": m.role,
                        "seat": m.seat,
                        "started_on": "",
                        "ended_on": "",
                    }
                    for m in council.memberships.all()
                ],
                initial=council.memberships.count(),
            ),
            "meetings": inline_formset(
                [
                    {
                        "id": m.pk,
                        "date": m.date.isoformat(),
                        "is_public": "",
                        "agenda": "",
                        "minutes": "",
                    }
                    for m in council.meetings.all()
                ],
                initial=council.meetings.count(),
            ),
        }
    )
    response = client.post(
        reverse("wagtailsnippets_wagtail_spcp_council:edit", args=[council.pk]), data
    )
    assert response.status_code == 302
    council.refresh_from_db()
    assert council.name == "Riverton Council"
    assert ("wagtail.edit", "staff_a") in actions_for(council)


def test_council_membership_cannot_seat_a_person_of_another_region(world, login):
    council = world.a.council
    data = nested_form_data(
        {
            "engagement": council.engagement_id,
            "name": council.name,
            "status": council.status,
            "memberships": inline_formset(
                [{"person": world.b.person.pk, "role": "member", "seat": ""}]
            ),
            "meetings": inline_formset([]),
        }
    )
    response = login(world.users["staff_a"]).post(
        reverse("wagtailsnippets_wagtail_spcp_council:edit", args=[council.pk]), data
    )
    assert response.status_code == 200
    assert not council.memberships.filter(person=world.b.person).exists()
