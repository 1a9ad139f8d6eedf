import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse

from kpo.factories import TEST_PASSWORD, OrganisationFactory, VerifiedUserFactory
from kpo.models import AuditEvent, User
from kpo.tests.test_accounts import link_in_last_email

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, home_page):
    client.force_login(VerifiedUserFactory(email="beheer@kpo.example", is_superuser=True))
    return client


def test_administrator_creates_a_user_with_full_name_and_organisation(admin_client):
    organisation = OrganisationFactory(name="RIEC Limburg")
    assert admin_client.get("/admin/users/new/").status_code == 200

    response = admin_client.post(
        "/admin/users/new/",
        {
            "email": "nieuw@riec.example",
            "full_name": "Nina Nieuw",
            "organisation": organisation.pk,
            "job_title": "Adviseur",
            "is_approved": "on",
            "password1": "Een-lang-wachtwoord-2026",
            "password2": "Een-lang-wachtwoord-2026",
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    user = User.objects.get(email="nieuw@riec.example")
    assert (user.full_name, user.organisation, user.is_approved) == (
        "Nina Nieuw",
        organisation,
        True,
    )


def test_administrator_edits_a_user(admin_client):
    user = VerifiedUserFactory(full_name="Oude Naam")

    assert admin_client.get(f"/admin/users/edit/{user.pk}/").status_code == 200
    response = admin_client.post(
        f"/admin/users/edit/{user.pk}/",
        {"email": user.email, "full_name": "Nieuwe Naam", "job_title": "Jurist", "is_active": "on"},
    )

    assert response.status_code == 302, response.context["form"].errors
    user.refresh_from_db()
    assert user.full_name == "Nieuwe Naam"
    assert not user.is_approved


def test_a_new_email_from_the_admin_becomes_the_login_after_the_user_confirms_it(admin_client):
    user = VerifiedUserFactory(email="oud@gemeente.example", full_name="Els Verhuisd")
    mail.outbox.clear()

    response = admin_client.post(
        f"/admin/users/edit/{user.pk}/",
        {
            "email": "Els.Nieuw@Gemeente.example ",
            "full_name": "Els Verhuisd",
            "is_approved": "on",
            "is_active": "on",
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    user.refresh_from_db()
    assert user.email == "els.nieuw@gemeente.example"
    addresses = EmailAddress.objects.filter(user=user).values_list("email", "primary", "verified")
    assert list(addresses) == [("els.nieuw@gemeente.example", True, False)]
    assert mail.outbox[-1].to == ["els.nieuw@gemeente.example"]
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.EMAIL_CHANGED, user=user).exists()

    browser = Client()
    old = browser.post(
        reverse("account_login"), {"login": "oud@gemeente.example", "password": TEST_PASSWORD}
    )
    assert "_auth_user_id" not in old.wsgi_request.session
    assert browser.post(link_in_last_email("/accounts/confirm-email/")).status_code == 302
    browser.post(
        reverse("account_login"),
        {"login": "els.nieuw@gemeente.example", "password": TEST_PASSWORD},
    )
    assert browser.session["_auth_user_id"] == str(user.pk)
    assert EmailAddress.objects.get(user=user).verified


def test_the_admin_refuses_an_email_address_of_another_account(admin_client):
    VerifiedUserFactory(email="bezet@gemeente.example")
    user = VerifiedUserFactory(email="els@gemeente.example", full_name="Els Verhuisd")

    response = admin_client.post(
        f"/admin/users/edit/{user.pk}/",
        {"email": "BEZET@gemeente.example", "full_name": "Els Verhuisd", "is_active": "on"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["email"] == [
        "Dit e-mailadres hoort al bij een ander account."
    ]
    assert 'value="BEZET@gemeente.example"' in response.content.decode()
    assert EmailAddress.objects.get(user=user).email == "els@gemeente.example"
