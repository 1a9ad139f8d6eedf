"""Brute-force limits, spoofed client addresses, account enumeration and sessions."""

import re

import pytest
from allauth.usersessions.models import UserSession
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from kpo.factories import TEST_PASSWORD, OrganisationFactory, VerifiedUserFactory
from kpo.models import AuditEvent
from kpo.tests.test_accounts import NEW_PASSWORD, signup_data

pytestmark = pytest.mark.django_db

LOGIN_LIMIT_PER_ACCOUNT = 5  # allauth's default: 5 failed logins per account per 5 minutes
LOGIN_LIMIT_PER_IP = 10  # and 10 failed logins per client address per minute


def login(client, email, password, **headers):
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, headers=headers
    )


def without_csrf_tokens(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def is_logged_in(client):
    return "_auth_user_id" in client.session


def test_failed_logins_per_account_are_limited_even_with_a_spoofed_forwarded_for(client, home_page):
    VerifiedUserFactory(email="doelwit@politie.example")
    for attempt in range(LOGIN_LIMIT_PER_ACCOUNT):
        login(client, "doelwit@politie.example", "fout", x_forwarded_for=f"10.0.0.{attempt}")

    response = login(client, "doelwit@politie.example", TEST_PASSWORD, x_forwarded_for="10.9.9.9")

    assert not is_logged_in(client)
    assert "Te veel inlogpogingen" in response.content.decode()


@pytest.mark.parametrize("proxy_count", [0, 1])
def test_a_spoofed_forwarded_for_does_not_reset_the_limit_per_ip(home_page, proxy_count):
    """Behind no proxy the header is ignored; behind one, only the address our proxy
    appended (the last one) counts, whatever the client put in front of it."""
    VerifiedUserFactory(email="doelwit@politie.example")
    client = Client(REMOTE_ADDR="192.0.2.10")
    with override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=proxy_count):
        for attempt in range(LOGIN_LIMIT_PER_IP):
            spoofed = f"203.0.113.{attempt}, 198.51.100.7"
            login(client, f"gok{attempt}@politie.example", "fout", x_forwarded_for=spoofed)

        response = login(
            client,
            "doelwit@politie.example",
            TEST_PASSWORD,
            x_forwarded_for="203.0.113.200, 198.51.100.7",
        )

    assert not is_logged_in(client)
    assert "Te veel inlogpogingen" in response.content.decode()


def test_the_limit_is_per_client_address_behind_our_proxy(home_page):
    VerifiedUserFactory(email="collega@politie.example")
    client = Client(REMOTE_ADDR="192.0.2.10")
    with override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1):
        for attempt in range(LOGIN_LIMIT_PER_IP):
            login(client, f"gok{attempt}@politie.example", "fout", x_forwarded_for="198.51.100.7")
        login(client, "collega@politie.example", TEST_PASSWORD, x_forwarded_for="198.51.100.8")

    assert is_logged_in(client), "another client behind the same proxy is not blocked"


def test_login_answers_the_same_for_known_and_unknown_addresses(client, home_page):
    VerifiedUserFactory(email="bekend@politie.example")

    known = login(client, "bekend@politie.example", "fout")
    unknown = login(client, "onbekend@politie.example", "fout")

    assert known.status_code == unknown.status_code == 200
    assert known.context["form"].non_field_errors() == unknown.context["form"].non_field_errors()


def test_signup_answers_the_same_for_known_and_unknown_addresses(client, home_page):
    VerifiedUserFactory(email="bekend@politie.example")
    organisation = OrganisationFactory()

    known = client.post(
        reverse("account_signup"), signup_data(organisation, email="bekend@politie.example")
    )
    client.post(reverse("account_logout"))
    unknown = client.post(
        reverse("account_signup"), signup_data(organisation, email="nieuw@politie.example")
    )

    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert [message.to for message in mail.outbox] == [
        ["bekend@politie.example"],
        ["nieuw@politie.example"],
    ], "the known address is told by email, not on screen"


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(client, home_page):
    VerifiedUserFactory(email="bekend@politie.example")

    known = client.post(reverse("account_reset_password"), {"email": "bekend@politie.example"})
    unknown = client.post(reverse("account_reset_password"), {"email": "onbekend@politie.example"})

    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert without_csrf_tokens(client.get(known.url)) == without_csrf_tokens(
        client.get(unknown.url)
    )


def test_password_change_ends_the_other_sessions(home_page):
    user = VerifiedUserFactory(email="lid@politie.example")
    laptop, phone = Client(), Client()
    login(laptop, user.email, TEST_PASSWORD)
    login(phone, user.email, TEST_PASSWORD)
    assert UserSession.objects.filter(user=user).count() == 2

    response = laptop.post(
        reverse("account_change_password"),
        {"oldpassword": TEST_PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert laptop.get(reverse("account_overview")).status_code == 200
    assert phone.get(reverse("account_overview")).status_code == 302
    assert not is_logged_in(phone)
    assert list(UserSession.objects.filter(user=user).values_list("session_key", flat=True)) == [
        laptop.session.session_key
    ]
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.PASSWORD_CHANGED, user=user).exists()


def test_failed_and_successful_logins_are_audited_without_the_password(client, home_page):
    user = VerifiedUserFactory(email="lid@politie.example")

    login(client, "lid@politie.example", "geheim-fout-wachtwoord")
    login(client, "niemand@politie.example", "geheim-fout-wachtwoord")
    login(client, "lid@politie.example", TEST_PASSWORD)

    events = list(AuditEvent.objects.order_by("pk").values_list("kind", "user", "identifier"))
    assert events == [
        (AuditEvent.Kind.LOGIN_FAILED, user.pk, ""),
        (AuditEvent.Kind.LOGIN_FAILED, None, "niemand@politie.example"),
        (AuditEvent.Kind.LOGIN, user.pk, ""),
    ]
    stored = " ".join(str(value) for value in AuditEvent.objects.values_list())
    assert "geheim-fout-wachtwoord" not in stored and TEST_PASSWORD not in stored
    assert AuditEvent.objects.first().ip_address == "127.0.0.1"
