"""A public council's meetings as an iCalendar feed, and its opted-in action-plan progress."""

import datetime

import pytest
from icalendar import Calendar

from wagtail_spcp.models import ActionItem, Council, CouncilMeeting

SECRET = "zqxCALENDARSECRETqz"


@pytest.fixture
def council(public_site, make_engagement):
    engagement = make_engagement(slug="bay-town", title=f"Bay Town {SECRET}")
    council = Council.objects.create(
        engagement=engagement,
        name="Bay Town Partnership Council",
        status="active",
        is_public=True,
        rules_of_engagement=SECRET,
    )
    CouncilMeeting.objects.create(
        council=council, date=datetime.date(2026, 9, 1), agenda="Youth nights", is_public=True
    )
    CouncilMeeting.objects.create(
        council=council,
        date=datetime.date(2026, 10, 1),
        agenda=f"Private {SECRET}",
        minutes=SECRET,
    )
    for status in ("done", "done", "in_progress", "proposed"):
        ActionItem.objects.create(
            engagement=engagement,
            council=council,
            status=status,
            title=f"Item {SECRET}",
            owner=f"Owner {SECRET}",
        )
    return council


def page_url(public_site, council, language=""):
    finder = public_site.finder.url if not language else "/es/oficinas/"
    return f"{finder}southwest/councils/{council.pk}/"


def test_feed_lists_the_public_meetings_only(client, public_site, council):
    page = client.get(page_url(public_site, council)).content.decode()
    feed_url = page_url(public_site, council) + "calendar/"
    assert f'href="{feed_url}"' in page

    response = client.get(feed_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert SECRET not in body
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [event.decoded("dtstart") for event in events] == [datetime.date(2026, 9, 1)]
    event = events[0]
    assert str(event["summary"]) == "Bay Town Partnership Council: meeting"
    assert str(event["description"]) == "Youth nights"
    assert str(event["url"]).endswith(page_url(public_site, council))
    # The feed is stable: the same bytes on every request.
    assert client.get(feed_url).content == response.content


def test_feed_of_a_private_council_is_not_found(client, public_site, council):
    Council.objects.filter(pk=council.pk).update(is_public=False)
    assert client.get(page_url(public_site, council) + "calendar/").status_code == 404


def test_progress_shows_counts_by_status_only_when_the_council_opts_in(
    client, public_site, council
):
    page = client.get(page_url(public_site, council)).content.decode()
    assert 'data-spcp-table="progress"' not in page

    Council.objects.filter(pk=council.pk).update(shows_progress=True)
    page = client.get(page_url(public_site, council)).content.decode()
    assert "Action plan progress" in page
    assert '<td data-status="done">2</td>' in page
    assert '<td data-status="in_progress">1</td>' in page
    assert '<td data-status="proposed">1</td>' in page
    assert '<td data-status="dropped">0</td>' in page
    assert SECRET not in page
