"""An iCalendar file (RFC 5545) for one training session, written with ``icalendar``."""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

PRODUCT_ID = "-//Kennisplatform Ondermijning//Ondermijningsacademie//NL"


def session_uid(session):
    """Stable per session, so a calendar updates the event instead of adding it twice."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "kpo"
    return f"training-session-{session.pk}@{host}"


def session_location(session, with_online_link):
    if session.location:
        return session.location
    return session.online_url if with_online_link else _("Online")


def session_description(session, page_url, with_online_link):
    lines = [session.page.intro, "", page_url]
    if session.online_url and with_online_link:
        lines += ["", _("Online deelnemen: %(url)s") % {"url": session.online_url}]
    return "\n".join(lines)


def session_calendar(session, page_url, with_online_link=False):
    """The session as a VCALENDAR with one VEVENT, as bytes. The online link is only
    included for members with a seat."""
    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.start)
    event.add("dtend", session.end)
    title = session.page.title
    event.add("summary", f"{title}: {session.title}" if session.title else title)
    event.add("location", session_location(session, with_online_link))
    event.add("description", session_description(session, page_url, with_online_link))
    event.add("url", page_url)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    return calendar.to_ical()


def filename(session):
    return f"{session.page.slug}-{timezone.localtime(session.start):%Y-%m-%d}.ics"
