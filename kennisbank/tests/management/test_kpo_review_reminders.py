import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from kennisbank.factories import HandreikingPageFactory
from kpo.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_each_owner_gets_one_email_listing_their_pages_due(kennisbank):
    today = timezone.localdate()
    owner = UserFactory(email="ambassadeur@riec.example")
    other = UserFactory(email="ander@riec.example")
    HandreikingPageFactory(parent=kennisbank, title="APV", owner=owner, review_date=today)
    HandreikingPageFactory(
        parent=kennisbank,
        title="Bibob",
        owner=owner,
        review_date=today + datetime.timedelta(days=29),
    )
    HandreikingPageFactory(
        parent=kennisbank,
        title="Later",
        owner=other,
        review_date=today + datetime.timedelta(days=90),
    )

    call_command("kpo_review_reminders")

    assert [message.to for message in mail.outbox] == [[owner.email]]
    body = mail.outbox[0].body
    assert "APV" in body and "Bibob" in body and "Later" not in body
    assert "/admin/pages/" in body
