"""Login, logout, signup with email verification and password reset through allauth,
end to end with the Django test client (emails read from the outbox)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from kpo.factories import TEST_PASSWORD, OrganisationFactory, VerifiedUserFactory
from kpo.models import User

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Zeer-geheim-wachtwoord-42"  # noqa: S105


def link_in_last_email(path_fragment):
    body = mail.outbox[-1].body
    match = re.search(rf"http://testserver(\S*{re.escape(path_fragment)}\S*)", body)
    assert match, f"no link containing {path_fragment!r} in:\n{body}"
    return match.group(1)


def signup_data(organisation, **overrides):
    data = {
        "email": "nieuwe.collega@gemeente.example",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "full_name": "Nieuwe Collega",
        "organisation": organisation.pk,
        "job_title": "Analist ondermijning",
        "join_reason": "Ik werk aan de aanpak van ondermijning in het buitengebied.",
    }
    data.update(overrides)
    return data


def test_login_and_logout(client, home_page):
    user = VerifiedUserFactory(email="analist@politie.example")

    response = client.post(
        reverse("account_login"), {"login": "analist@politie.example", "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("account_overview")).context["user"] == user

    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert client.get(reverse("account_overview")).status_code == 302


def test_login_with_wrong_password_is_refused_with_a_message(client, home_page):
    VerifiedUserFactory(email="analist@politie.example")

    response = client.post(
        reverse("account_login"), {"login": "analist@politie.example", "password": "fout"}
    )

    assert response.status_code == 200
    assert not response.context["user"].is_authenticated
    html = response.content.decode()
    assert "utrecht-alert--error" in html
    assert 'value="analist@politie.example"' in html, "the typed email address is kept"


def test_signup_requires_email_verification_before_login(client, home_page):
    organisation = OrganisationFactory(name="Gemeente Zwolle")

    response = client.post(reverse("account_signup"), signup_data(organisation))

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    user = User.objects.get(email="nieuwe.collega@gemeente.example")
    assert (user.full_name, user.organisation, user.job_title) == (
        "Nieuwe Collega",
        organisation,
        "Analist ondermijning",
    )
    assert not user.is_approved
    assert len(mail.outbox) == 1

    # Not verified yet: logging in leads back to the verification notice.
    client.post(reverse("account_logout"))
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert client.get(reverse("account_overview")).status_code == 302

    confirm_url = link_in_last_email("/accounts/confirm-email/")
    assert client.get(confirm_url).status_code == 200
    assert client.post(confirm_url).status_code == 302
    assert user.emailaddress_set.get().verified

    response = client.post(
        reverse("account_login"), {"login": user.email, "password": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("account_overview")).status_code == 200


def test_signup_with_missing_fields_keeps_input_and_explains(client, home_page):
    organisation = OrganisationFactory()

    response = client.post(
        reverse("account_signup"),
        signup_data(organisation, full_name="", password2="iets-anders-dan-eerst"),
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert "full_name" in form.errors
    assert "password2" in form.errors
    html = response.content.decode()
    assert 'value="nieuwe.collega@gemeente.example"' in html
    assert 'value="Analist ondermijning"' in html
    assert "Dit is een verplicht veld." in html, "errors are shown in Dutch"
    assert not User.objects.filter(email="nieuwe.collega@gemeente.example").exists()


def test_password_reset_by_email(client, home_page):
    user = VerifiedUserFactory(email="jurist@om.example")

    response = client.post(reverse("account_reset_password"), {"email": "jurist@om.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1

    reset_url = link_in_last_email("/accounts/password/reset/key/")
    response = client.get(reset_url)
    assert response.status_code == 302  # allauth moves the key into the session
    form_url = response.url
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert not user.check_password(TEST_PASSWORD)


def test_password_reset_does_not_reveal_whether_an_account_exists(client, home_page):
    VerifiedUserFactory(email="jurist@om.example")

    known = client.post(reverse("account_reset_password"), {"email": "jurist@om.example"})
    unknown = client.post(reverse("account_reset_password"), {"email": "niemand@om.example"})

    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)


@pytest.mark.parametrize("path", ["/admin/login/", "/_util/login/", "/admin/password_reset/"])
def test_wagtail_login_routes_go_through_allauth(client, home_page, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/")


def test_wagtail_admin_login_form_cannot_be_posted_to(client, home_page):
    VerifiedUserFactory(email="beheer@kpo.example", is_staff=True, is_superuser=True)

    response = client.post(
        "/admin/login/", {"username": "beheer@kpo.example", "password": TEST_PASSWORD}
    )

    assert response.status_code == 405
    assert not client.session.get("_auth_user_id")


def test_admin_redirects_anonymous_users_to_allauth_login(client, home_page):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
