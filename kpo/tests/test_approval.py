"""Signup -> email verification -> approval (automatic for allowlisted domains, by a
beheerder for the rest) or rejection, end to end with the test client and the outbox."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from kpo import roles
from kpo.access import MEMBERS, access_tokens
from kpo.factories import OrganisationFactory, StaffUserFactory, ThemeFactory, UserFactory
from kpo.models import AllowedEmailDomain, ApprovalStatus, AuditEvent, User
from kpo.tests.test_accounts import NEW_PASSWORD, link_in_last_email, signup_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder_client(client, home_page):
    client.force_login(StaffUserFactory(email="beheer@riec.example", group=roles.ADMINISTRATORS))
    return client


def sign_up_and_verify(client, email, **overrides):
    """Sign up as ``email``, follow the verification link; return the user and the
    number of emails sent until then."""
    organisation = OrganisationFactory(name="Gemeente Zwolle")
    theme = ThemeFactory(name="Wet Bibob")
    data = signup_data(organisation, email=email, themes=[theme.pk], **overrides)
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 302, response.context["form"].errors
    confirm_url = link_in_last_email("/accounts/confirm-email/")
    assert client.post(confirm_url).status_code == 302
    client.post(reverse("account_logout"))
    return User.objects.get(email=email)


def test_signup_stores_organisation_themes_and_reason(client, home_page):
    organisation = OrganisationFactory(name="Gemeente Zwolle")
    themes = [ThemeFactory(name="Wet Bibob"), ThemeFactory(name="Mensenhandel")]

    client.post(
        reverse("account_signup"),
        signup_data(organisation, themes=[theme.pk for theme in themes]),
    )

    user = User.objects.get(email="nieuwe.collega@gemeente.example")
    assert user.organisation == organisation
    assert set(user.themes.all()) == set(themes)
    assert user.join_reason.startswith("Ik werk aan de aanpak")
    assert user.approval_status == ApprovalStatus.PENDING


def test_signup_with_another_organisation_needs_its_name(client, home_page):
    organisation = OrganisationFactory()

    response = client.post(
        reverse("account_signup"), {**signup_data(organisation), "organisation": "other"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["organisation_other"] == [
        "Vul de naam van uw organisatie in."
    ]
    html = response.content.decode()
    assert 'value="other" selected' in html, "the choice is kept"

    response = client.post(
        reverse("account_signup"),
        {
            **signup_data(organisation, organisation_other="Gemeente Urk"),
            "organisation": "other",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="nieuwe.collega@gemeente.example")
    assert (user.organisation, user.organisation_other) == (None, "Gemeente Urk")


def test_signup_requires_a_reason(client, home_page):
    response = client.post(
        reverse("account_signup"), signup_data(OrganisationFactory(), join_reason="")
    )
    assert "join_reason" in response.context["form"].errors


def test_allowlisted_domain_is_approved_after_verification(client, home_page):
    AllowedEmailDomain.objects.create(domain="politie.nl")

    user = sign_up_and_verify(client, "agent@oost.politie.nl")

    user.refresh_from_db()
    assert user.is_approved
    assert user.approval_status == ApprovalStatus.APPROVED
    assert MEMBERS in access_tokens(user)
    assert mail.outbox[-1].to == ["agent@oost.politie.nl"]
    assert "goedgekeurd" in mail.outbox[-1].subject
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.APPROVED, user=user)
    assert event.actor is None


def test_other_domain_waits_for_a_beheerder_who_approves(client, home_page):
    AllowedEmailDomain.objects.create(domain="politie.nl")
    beheerder = StaffUserFactory(email="beheer@riec.example", group=roles.ADMINISTRATORS)
    user = sign_up_and_verify(client, "iemand@nepolitie.nl")

    user.refresh_from_db()
    assert not user.is_approved
    assert MEMBERS not in access_tokens(user)
    applicant_mail, beheerder_mail = mail.outbox[-2:]
    assert "beoordeeld" in applicant_mail.subject
    assert applicant_mail.to == ["iemand@nepolitie.nl"]
    assert beheerder_mail.to == ["beheer@riec.example"]
    assert "/admin/aanvragen/" in beheerder_mail.body

    client.force_login(beheerder)
    queue = client.get(reverse("kpo_approval_queue"))
    assert queue.status_code == 200
    assert "iemand@nepolitie.nl" in queue.content.decode()
    assert "Ik werk aan de aanpak" in queue.content.decode()

    response = client.post(reverse("kpo_approve_application", args=[user.pk]))

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.is_approved and user.approval_status == ApprovalStatus.APPROVED
    assert mail.outbox[-1].to == ["iemand@nepolitie.nl"]
    assert "goedgekeurd" in mail.outbox[-1].subject
    assert AuditEvent.objects.get(kind=AuditEvent.Kind.APPROVED, user=user).actor == beheerder
    assert "iemand@nepolitie.nl" not in client.get(reverse("kpo_approval_queue")).content.decode()


def test_beheerder_rejects_with_a_reason(client, home_page):
    user = sign_up_and_verify(client, "iemand@example.com")
    client.force_login(StaffUserFactory(email="beheer@riec.example", group=roles.ADMINISTRATORS))
    reject_url = reverse("kpo_reject_application", args=[user.pk])
    assert client.get(reject_url).status_code == 200

    response = client.post(reject_url, {"reason": ""})
    assert response.status_code == 200
    assert "Geef een reden op" in response.content.decode()

    response = client.post(reject_url, {"reason": "Geen RIEC-partner."})

    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.is_approved
    assert (user.approval_status, user.rejection_reason) == (
        ApprovalStatus.REJECTED,
        "Geen RIEC-partner.",
    )
    assert "Geen RIEC-partner." in mail.outbox[-1].body
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.REJECTED, user=user).exists()


def test_unverified_accounts_are_not_in_the_queue(beheerder_client):
    beheerder_client.post(reverse("account_logout"))
    beheerder_client.post(
        reverse("account_signup"), signup_data(OrganisationFactory(), email="x@example.com")
    )
    beheerder_client.force_login(User.objects.get(email="beheer@riec.example"))

    queue = beheerder_client.get(reverse("kpo_approval_queue")).context["applications"]
    assert User.objects.get(email="x@example.com") not in queue


@pytest.mark.parametrize("group", [roles.EDITORS, roles.COMMUNITY_MANAGERS])
def test_only_beheerders_see_the_queue(client, home_page, group):
    user = sign_up_and_verify(client, "iemand@example.com")
    client.force_login(StaffUserFactory(email="staf@riec.example", group=group))

    # Wagtail answers a refused admin view with a redirect to the dashboard.
    refused = (302, reverse("wagtailadmin_home"))
    response = client.get(reverse("kpo_approval_queue"))
    assert (response.status_code, response.url) == refused
    response = client.post(reverse("kpo_approve_application", args=[user.pk]))
    assert (response.status_code, response.url) == refused
    user.refresh_from_db()
    assert not user.is_approved


def test_allowlisted_domains_are_matched_exactly_or_as_subdomain(db):
    AllowedEmailDomain.objects.create(domain="om.nl")

    assert AllowedEmailDomain.matches("a@om.nl")
    assert AllowedEmailDomain.matches("a@Parket.OM.nl")
    assert not AllowedEmailDomain.matches("a@nom.nl")
    assert not AllowedEmailDomain.matches("a@om.nl.evil.example")


def test_login_after_rejection_still_works_but_shows_only_public_content(client, home_page):
    user = sign_up_and_verify(client, "iemand@example.com")
    user.approval_status = ApprovalStatus.REJECTED
    user.save()

    response = client.post(
        reverse("account_login"), {"login": user.email, "password": NEW_PASSWORD}
    )

    assert response.status_code == 302
    assert access_tokens(user) == {"public"}


def test_members_only_content_opens_only_after_approval(client, home_page):
    user = sign_up_and_verify(client, "iemand@example.com")
    client.post(reverse("account_login"), {"login": user.email, "password": NEW_PASSWORD})
    assert "_auth_user_id" in client.session
    directory = reverse("kpo_member_directory")

    assert client.get(directory).status_code == 403

    beheerder = Client()
    beheerder.force_login(StaffUserFactory(email="beheer@riec.example", group=roles.ADMINISTRATORS))
    beheerder.post(reverse("kpo_approve_application", args=[user.pk]))

    assert client.get(directory).status_code == 200


def test_ticking_approved_in_the_user_admin_settles_the_application(db):
    applicant = UserFactory(is_approved=False)
    assert applicant.approval_status == ApprovalStatus.PENDING

    applicant.is_approved = True
    applicant.save()

    applicant.refresh_from_db()
    assert applicant.approval_status == ApprovalStatus.APPROVED
