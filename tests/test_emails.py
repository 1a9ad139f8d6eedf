"""allauth's emails speak Dutch and name the platform, not the host name."""

import pytest
from django.core import mail
from django.urls import reverse

from kpo.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db


def test_password_reset_email_is_dutch_and_signed_by_the_platform(client, home_page):
    VerifiedUserFactory(email="jurist@om.example")

    client.post(reverse("account_reset_password"), {"email": "jurist@om.example"})

    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert body.startswith("Beste collega,")
    assert "Met vriendelijke groet,\nKennisplatform Ondermijning" in body
    assert "Hallo van" not in body
    assert mail.outbox[0].subject.startswith("[KPO] ")
