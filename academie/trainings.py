"""Trainings with dates: registering for a session, the waiting list and cancelling.

Every change to a session's seats runs in a transaction that first locks the session
row (``select_for_update``), so two members can never take the last seat at the same
time, and the waiting list moves up in the order people joined it. Emails go out only
after the transaction has committed (``transaction.on_commit``)."""

from dataclasses import dataclass
from functools import partial

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from academie import training_mail
from academie.models import RegistrationStatus, TrainingRegistration, TrainingSession
from academie.progress import can_learn

CONFIRMED = RegistrationStatus.CONFIRMED
WAITING = RegistrationStatus.WAITING
CANCELLED = RegistrationStatus.CANCELLED


class RegistrationClosed(Exception):
    """The session has started: registering and cancelling are no longer possible."""


def locked(session):
    """``session`` read again with its row locked until the transaction ends."""
    return TrainingSession.objects.select_for_update().get(pk=session.pk)


def confirmed_count(session):
    return session.registrations.filter(status=CONFIRMED).count()


def register(user, session):
    """Give ``user`` a seat, or a place on the waiting list when the session is full.
    Returns the registration and whether it is new (registering twice changes nothing)."""
    with transaction.atomic():
        session = locked(session)
        if session.has_started:
            raise RegistrationClosed
        registration = TrainingRegistration.objects.filter(user=user, session=session).first()
        if registration is not None and registration.is_active:
            return registration, False
        fill_vacancies(session)
        has_seat = confirmed_count(session) < session.capacity
        now = timezone.now()
        registration = registration or TrainingRegistration(user=user, session=session)
        registration.status = CONFIRMED if has_seat else WAITING
        registration.registered_at = now
        registration.confirmed_at = now if has_seat else None
        registration.cancelled_at = registration.reminded_at = None
        registration.save()
        template = "training_registered" if has_seat else "training_waiting"
        after_commit(template, registration)
    return registration, True


def cancel(registration, notify=True):
    """Cancel a registration; a freed seat goes to the first on the waiting list.
    Returns the registrations that moved up. ``notify=False`` skips the email to the
    member who cancels (their account is being deleted)."""
    with transaction.atomic():
        session = locked(registration.session)
        registration = TrainingRegistration.objects.get(pk=registration.pk)
        if not registration.is_active:
            return []
        if session.has_started:
            raise RegistrationClosed
        registration.status = CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        if notify:
            after_commit("training_cancelled", registration)
        return fill_vacancies(session)


def fill_vacancies(session):
    """Give free seats to the waiting list, first come first served. The caller holds
    the session's lock. Returns the registrations that moved up."""
    free = session.capacity - confirmed_count(session)
    if free <= 0 or session.has_started:
        return []
    promoted = list(
        session.registrations.filter(status=WAITING)
        .select_related("user")
        .order_by("registered_at", "pk")[:free]
    )
    now = timezone.now()
    for registration in promoted:
        registration.status = CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        after_commit("training_promoted", registration)
    return promoted


def fill_all_vacancies(page):
    """After a training is published (perhaps with more seats): move its waiting lists up."""
    for session in page.sessions.all():
        with transaction.atomic():
            fill_vacancies(locked(session))


def after_commit(template, registration):
    transaction.on_commit(partial(training_mail.send, template, registration.pk))


@dataclass
class SessionState:
    """One session as a member sees it: seats left, and their own registration."""

    session: TrainingSession
    confirmed: int = 0
    waiting: int = 0
    registration: TrainingRegistration | None = None
    can_learn: bool = False

    @property
    def seats_left(self):
        return max(self.session.capacity - self.confirmed, 0)

    @property
    def is_full(self):
        return self.seats_left == 0 or self.waiting > 0

    @property
    def is_open(self):
        return not self.session.has_started

    @property
    def is_registered(self):
        return self.registration is not None and self.registration.is_active

    @property
    def waiting_position(self):
        return self.registration.waiting_position if self.is_registered else None


def session_states(user, page):
    """The sessions of ``page`` with their seats and ``user``'s registrations, in a fixed
    number of queries."""
    sessions = page.sessions.all()
    if not isinstance(sessions, QuerySet):  # an editor's preview, held in memory
        return [SessionState(session) for session in sorted(sessions, key=lambda s: s.start)]
    sessions = TrainingSession.objects.filter(page=page).with_counts()
    allowed = can_learn(user)
    mine = {}
    if allowed:
        registrations = TrainingRegistration.objects.filter(user=user, session__page=page)
        mine = {r.session_id: r for r in registrations.with_waiting_position()}
    return [
        SessionState(session, session.confirmed, session.waiting, mine.get(session.pk), allowed)
        for session in sessions
    ]


def registrations_for(user):
    """``user``'s registrations for 'Mijn leeromgeving': (upcoming, past attended)."""
    registrations = list(
        TrainingRegistration.objects.filter(user=user, session__page__live=True)
        .exclude(status=CANCELLED)
        .select_related("session", "session__page")
        .order_by("session__start", "pk")
        .with_waiting_position()
    )
    now = timezone.now()
    upcoming = [r for r in registrations if r.session.end >= now]
    past = [r for r in reversed(registrations) if r.session.end < now and r.is_confirmed]
    return upcoming, past


def due_reminders(within):
    """Registrations with a seat in a session starting within ``within``, not yet reminded."""
    now = timezone.now()
    return list(
        TrainingRegistration.objects.filter(
            status=CONFIRMED,
            reminded_at__isnull=True,
            session__start__gt=now,
            session__start__lte=now + within,
            session__page__live=True,
            user__is_active=True,
        )
        .order_by("session__start", "pk")
        .values_list("pk", flat=True)
    )


def remind(registration_id):
    """Send one reminder, at most once: the row stays locked while the email goes out,
    so a second run skips it; if sending fails nothing is recorded and the next run
    tries again. Returns 1 if sent, 0 if another run or a cancellation came first."""
    with transaction.atomic():
        registration = (
            TrainingRegistration.objects.select_for_update(skip_locked=True)
            .filter(pk=registration_id, status=CONFIRMED, reminded_at__isnull=True)
            .first()
        )
        if registration is None:
            return 0
        training_mail.send("training_reminder", registration.pk)
        registration.reminded_at = timezone.now()
        registration.save(update_fields=["reminded_at"])
    return 1
