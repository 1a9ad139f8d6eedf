"""Seats under concurrency, on PostgreSQL: many members register and cancel at the same
moment, each in its own thread and database connection. Counting the seats is slowed
down so that, without the session lock, the requests would overlap and overbook."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.db import connection

from academie import trainings
from academie.factories import TrainingPageFactory, TrainingSessionFactory
from academie.models import AcademieIndexPage, RegistrationStatus
from kpo.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def slow_seat_count(monkeypatch):
    count = trainings.confirmed_count

    def slow(session):
        result = count(session)
        time.sleep(0.05)
        return result

    monkeypatch.setattr(trainings, "confirmed_count", slow)


@pytest.fixture
def session(home_page):
    training = TrainingPageFactory(parent=AcademieIndexPage.objects.get(), title="Kennisevent")
    return TrainingSessionFactory(page=training, capacity=3)


def users(prefix, count):
    return [VerifiedUserFactory(email=f"{prefix}{n}@gemeente.example") for n in range(count)]


def all_at_once(calls):
    """Run each (function, argument) in its own thread, released together."""
    barrier = threading.Barrier(len(calls))

    def run(function, argument):
        try:
            barrier.wait()
            return function(argument)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        futures = [pool.submit(run, function, argument) for function, argument in calls]
    return [future.result() for future in futures]


def counts(session):
    statuses = list(session.registrations.values_list("status", flat=True))
    return {status: statuses.count(status) for status in RegistrationStatus.values}


def test_simultaneous_registrations_never_overbook(session, slow_seat_count):
    members = users("lid", 8)
    all_at_once([(lambda user: trainings.register(user, session), user) for user in members])
    assert counts(session) == {"confirmed": 3, "waiting": 5, "cancelled": 0}
    waiting = session.registrations.filter(status=RegistrationStatus.WAITING)
    assert sorted(r.waiting_position for r in waiting) == [1, 2, 3, 4, 5]
    subjects = [message.subject for message in mail.outbox]
    assert sum("ingeschreven" in subject for subject in subjects) == 3
    assert sum("wachtlijst" in subject for subject in subjects) == 5


def test_cancellations_and_new_registrations_at_once_keep_the_queue_order(session, slow_seat_count):
    seated = [trainings.register(user, session)[0] for user in users("zit", 3)]
    queued = [trainings.register(user, session)[0] for user in users("wacht", 3)]
    calls = [(trainings.cancel, registration) for registration in seated[:2]]
    calls += [(lambda user: trainings.register(user, session), user) for user in users("laat", 3)]
    all_at_once(calls)
    assert counts(session) == {"confirmed": 3, "waiting": 4, "cancelled": 2}
    confirmed = set(
        session.registrations.filter(status=RegistrationStatus.CONFIRMED).values_list(
            "pk", flat=True
        )
    )
    assert confirmed == {seated[2].pk, queued[0].pk, queued[1].pk}
