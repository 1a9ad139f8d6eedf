"""AVG rights: download all own data as JSON, delete the account (anonymised)."""

import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import reverse

from communities.factories import MembershipFactory, PostFactory, TopicFactory
from kpo.factories import TEST_PASSWORD, ThemeFactory, VerifiedUserFactory, activate_totp
from kpo.models import AuditEvent, User

pytestmark = pytest.mark.django_db


def logged_in_and_reauthenticated(user):
    client = Client()
    client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD})
    return client


@pytest.fixture
def lid(db):
    user = VerifiedUserFactory(
        email="lid@politie.example",
        full_name="Lotte Lid",
        job_title="Analist",
        expertise="Witwassen",
        join_reason="Kennis delen",
    )
    user.themes.set([ThemeFactory(name="Afpakken")])
    return user


def test_export_requires_recent_reauthentication(client, home_page, lid):
    client.force_login(lid)

    response = client.get(reverse("kpo_export_data"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))


def test_member_downloads_all_their_data_as_json(home_page, lid):
    client = logged_in_and_reauthenticated(lid)

    response = client.get(reverse("kpo_export_data"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    account = data["account"]
    assert account["email"] == "lid@politie.example"
    assert account["full_name"] == "Lotte Lid"
    assert account["expertise"] == "Witwassen"
    assert account["join_reason"] == "Kennis delen"
    assert account["themes"] == ["Afpakken"]
    assert account["organisation"] == lid.organisation.name
    assert account["email_addresses"] == [
        {"email": "lid@politie.example", "verified": True, "primary": True}
    ]
    assert "Ingelogd" in [event["event"] for event in data["security_events"]]
    assert "password" not in json.dumps(data).lower()
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.DATA_EXPORTED, user=lid).exists()


def test_deleting_the_account_anonymises_it_and_logs_out_everywhere(home_page, lid):
    other_device = Client()
    other_device.post(reverse("account_login"), {"login": lid.email, "password": TEST_PASSWORD})
    client = logged_in_and_reauthenticated(lid)
    activate_totp(lid)
    assert client.get(reverse("kpo_delete_account")).status_code == 200

    response = client.post(reverse("kpo_delete_account"))

    assert response.status_code == 302
    user = User.objects.get(pk=lid.pk)
    assert user.display_name == str(user) == "verwijderd lid"
    assert user.email == f"verwijderd-{lid.pk}@verwijderd.invalid"
    assert (user.full_name, user.job_title, user.expertise, user.join_reason) == ("", "", "", "")
    assert user.organisation is None and not user.themes.exists()
    assert not user.is_active and not user.is_approved and not user.has_usable_password()
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not Authenticator.objects.filter(user=user).exists()
    assert "_auth_user_id" not in client.session
    assert other_device.get(reverse("account_overview")).status_code == 302
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.ACCOUNT_DELETED, user=user).exists()
    response = Client().post(
        reverse("account_login"), {"login": "lid@politie.example", "password": TEST_PASSWORD}
    )
    assert "_auth_user_id" not in response.wsgi_request.session


def test_a_deleted_member_disappears_from_the_directory(member_client, home_page, lid):
    client = logged_in_and_reauthenticated(lid)
    client.post(reverse("kpo_delete_account"))

    response = member_client.get(reverse("kpo_member_directory"))

    assert lid.pk not in [profile.member.pk for profile in response.context["profiles"]]
    assert member_client.get(reverse("kpo_member_profile", args=[lid.pk])).status_code == 404


def test_deleting_the_account_keeps_posts_under_verwijderd_lid(member_client, home_page, member):
    author = VerifiedUserFactory(email="bram@politie.example", full_name="Bram Schrijver")
    membership = MembershipFactory(user=author)
    MembershipFactory(community=membership.community, user=member)
    topic = TopicFactory(community=membership.community, author=author, title="Leegstaande stallen")
    PostFactory(topic=topic, is_opening=True, source="Wie kent signalen van drugslabs?")
    topic_url = reverse("communities:topic", args=[topic.community.slug, topic.pk])
    assert "Bram Schrijver" in member_client.get(topic_url).content.decode()

    logged_in_and_reauthenticated(author).post(reverse("kpo_delete_account"))

    html = member_client.get(topic_url).content.decode()
    assert "Wie kent signalen van drugslabs?" in html
    assert "verwijderd lid" in html
    assert "Bram Schrijver" not in html and author.organisation.name not in html
    listing = member_client.get(reverse("communities:home", args=[topic.community.slug]))
    assert "Leegstaande stallen" in listing.content.decode()
    assert "Bram Schrijver" not in listing.content.decode()
