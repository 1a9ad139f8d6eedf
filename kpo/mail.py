"""Outgoing email through background tasks.

``TaskEmailBackend`` is the ``EMAIL_BACKEND`` of the production profile: every message
(allauth's account emails, approval and academie notices, community notifications,
digests, review reminders) is queued as a ``deliver_email`` task, and the worker hands it
to the real backend (``KPO_EMAIL_DELIVERY_BACKEND``, SMTP in production). A slow or
unreachable mail server never slows down or fails a request; with the database task
backend the queue is stored in the same transaction as the change that caused the email,
and survives restarts. A failed delivery is tried again later (``DELIVERY_ATTEMPTS``)."""

import base64
import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

DELIVERY_ATTEMPTS = 6
RETRY_DELAY = datetime.timedelta(minutes=2)
DELIVERY_ERRORS = (smtplib.SMTPException, OSError)


class TaskEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            deliver_email.enqueue(serialize(message))
        return len(email_messages)


def serialize(message) -> dict:
    """A JSON-ready copy of an ``EmailMessage`` (task arguments are stored as JSON)."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "content_subtype": message.content_subtype,
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [serialize_attachment(attachment) for attachment in message.attachments],
    }


def serialize_attachment(attachment) -> list:
    filename, content, mimetype = attachment
    if isinstance(content, str):
        content = content.encode()
    return [filename, base64.b64encode(content).decode("ascii"), mimetype]


def deserialize(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    message.content_subtype = data["content_subtype"]
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


@task()
def deliver_email(message: dict, attempt: int = 1) -> None:
    """Send one queued message with the delivery backend; on a mail server error, queue
    it again for later, up to ``DELIVERY_ATTEMPTS`` times (then the task fails, visibly)."""
    connection = get_connection(settings.KPO_EMAIL_DELIVERY_BACKEND)
    try:
        connection.send_messages([deserialize(message)])
    except DELIVERY_ERRORS as error:
        if attempt >= DELIVERY_ATTEMPTS or not deliver_email.get_backend().supports_defer:
            raise
        logger.warning("Email to %s postponed (attempt %d): %s", message["to"], attempt, error)
        deliver_email.using(run_after=timezone.now() + RETRY_DELAY * attempt).enqueue(
            message, attempt + 1
        )
