"""Emails go through background tasks (kpo/mail.py): queued with the change that caused
them, delivered by the worker, postponed and tried again while the mail server is down."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

pytestmark = pytest.mark.django_db

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def send_welcome():
    message = mail.EmailMultiAlternatives(
        "Welkom", "Tekst", "kpo@kpo.example", ["lid@gemeente.example"], reply_to=["r@kpo.example"]
    )
    message.attach_alternative("<p>Tekst</p>", "text/html")
    message.attach("agenda.txt", "Agenda", "text/plain")
    message.send()


@override_settings(EMAIL_BACKEND="kpo.mail.TaskEmailBackend", KPO_EMAIL_DELIVERY_BACKEND=LOCMEM)
def test_a_message_survives_the_queue_whole(mailoutbox):
    send_welcome()

    [message] = mailoutbox
    assert message.subject == "Welkom" and message.to == ["lid@gemeente.example"]
    assert message.reply_to == ["r@kpo.example"]
    assert message.alternatives[0].content == "<p>Tekst</p>"
    assert message.attachments[0][:2] == ("agenda.txt", "Agenda")


# The worker commits and closes connections as in production: a transactional test.
@pytest.mark.django_db(transaction=True)
@override_settings(
    EMAIL_BACKEND="kpo.mail.TaskEmailBackend",
    KPO_EMAIL_DELIVERY_BACKEND=LOCMEM,
    TASKS=DATABASE_TASKS,
)
def test_the_worker_delivers_queued_messages(mailoutbox):
    from django_tasks_db.models import DBTaskResult

    send_welcome()
    assert mailoutbox == []
    assert DBTaskResult.objects.ready().count() == 1

    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)

    assert [message.subject for message in mailoutbox] == ["Welkom"]


@pytest.mark.django_db(transaction=True)
@override_settings(
    EMAIL_BACKEND="kpo.mail.TaskEmailBackend",
    KPO_EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    EMAIL_HOST="127.0.0.1",
    EMAIL_PORT=9,  # nothing listens: the mail server is down
    TASKS=DATABASE_TASKS,
)
def test_delivery_is_postponed_while_the_mail_server_is_down():
    from django_tasks_db.models import DBTaskResult

    send_welcome()
    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)

    first, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert first.status == "SUCCESSFUL"
    assert retry.status == "READY" and retry.args_kwargs["args"][1] == 2
    assert retry.run_after > first.finished_at
