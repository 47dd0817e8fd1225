"""The program day as an iCalendar file (RFC 5545), attached to confirmations."""

from django.utils import timezone

from icalendar import Calendar, Event

PRODUCT_ID = "-//wagtail-spcp//Program day//EN"


def event_calendar(event, host: str = "localhost") -> bytes:
    """One VEVENT with the page's public title, description, place and times."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
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
