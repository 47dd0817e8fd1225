"""iCalendar files (RFC 5545, written with ``icalendar``): the feed of a public council's
public meetings, and the program day attached to a registration's confirmation.

The council feed is built from the public values ``models.councils.PublicCouncils`` reads,
never from a model instance, so it can hold nothing but a public council's public meetings.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from icalendar import Calendar, Event

PRODUCT_ID = "-//wagtail-spcp//Council meetings//EN"
PROGRAM_DAY_PRODUCT_ID = "-//wagtail-spcp//Program day//EN"


def new_calendar(product_id: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", product_id)
    calendar.add("version", "2.0")
    return calendar


def council_calendar(council: dict, page_url: str, host: str) -> bytes:
    """The public meetings of ``council`` as all-day events, linking to its public page."""
    calendar = new_calendar(PRODUCT_ID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", council["name"])
    for meeting in council["meetings"]:
        event = Event()
        event.add("uid", f"spcp-council-meeting-{meeting['pk']}@{host}")
        # Meetings carry no time of their own: the stamp is the meeting's day, so the feed
        # is the same bytes until a meeting changes.
        stamp = datetime.datetime.combine(meeting["date"], datetime.time(), datetime.UTC)
        event.add("dtstamp", stamp)
        event.add("dtstart", meeting["date"])
        event.add("dtend", meeting["date"] + datetime.timedelta(days=1))
        event.add("summary", _("%(council)s: meeting") % {"council": council["name"]})
        if meeting["agenda"]:
            event.add("description", meeting["agenda"])
        event.add("url", page_url)
        calendar.add_component(event)
    return calendar.to_ical()


def event_calendar(event, host: str = "localhost") -> bytes:
    """A registration page's program day as one event: its public title, description, place
    and times."""
    calendar = new_calendar(PROGRAM_DAY_PRODUCT_ID)
    calendar.add("method", "PUBLISH")
    entry = Event()
    entry.add("uid", f"spcp-program-day-{event.pk}@{host}")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at)
    entry.add("summary", event.public_title)
    entry.add("location", " ".join(event.location.split()))
    if event.public_description:
        entry.add("description", event.public_description)
    calendar.add_component(entry)
    return calendar.to_ical()
