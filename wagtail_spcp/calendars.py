"""iCalendar feeds of public council meetings (RFC 5545, written with ``icalendar``).

Built from the public values ``models.councils.PublicCouncils`` reads, never from a
model instance, so a feed can hold nothing but a public council's public meetings.
"""

import datetime

from django.utils.translation import gettext as _

from icalendar import Calendar, Event

PRODUCT_ID = "-//wagtail-spcp//Council meetings//EN"


def council_calendar(council: dict, page_url: str, host: str) -> bytes:
    """The public meetings of ``council`` as all-day events, linking to its public page."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
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
