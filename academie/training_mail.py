"""Emails about training registrations, in Dutch from the templates in
``academie/templates/academie/email/``. They are sent outside a request (after a commit,
or by the reminder command), so links are built from ``WAGTAILADMIN_BASE_URL``."""

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from academie import ical
from academie.models import TrainingRegistration

# Emails that confirm a seat carry the calendar file, with the online link.
WITH_CALENDAR = {"training_registered", "training_promoted", "training_reminder"}


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send(template, registration_id):
    """Email the member about their registration; nothing for a deactivated account."""
    registration = TrainingRegistration.objects.select_related(
        "user", "session", "session__page"
    ).get(pk=registration_id)
    user = registration.user
    if not user.is_active:
        return
    session = registration.session
    page_url = session.page.get_full_url()
    context = {
        "learner": user,
        "registration": registration,
        "session": session,
        "training": session.page,
        "training_url": page_url,
        "dashboard_url": absolute(reverse("academie:dashboard")),
        "calendar_url": absolute(reverse("academie:session_calendar", args=[session.pk])),
    }
    with translation.override(settings.LANGUAGE_CODE):
        message = get_adapter().render_mail(f"academie/email/{template}", user.email, context)
        if template in WITH_CALENDAR:
            content = ical.session_calendar(session, page_url, with_online_link=True)
            message.attach(ical.filename(session), content, "text/calendar; charset=utf-8")
    message.send()
