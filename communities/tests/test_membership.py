import pytest
from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed
from django.core import mail
from django.urls import reverse

from communities.apps import accept_invitations
from communities.factories import CommunityFactory, MembershipFactory
from communities.membership import MembershipError, accept_invitation, join
from communities.models import (
    CommunityType,
    Invitation,
    MembershipStatus,
    ModerationAction,
    Notification,
    Role,
)
from kpo.access import access_tokens
from kpo.factories import UserFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db


def test_joining_an_open_community_gives_its_token_at_once(client, member):
    open_community = CommunityFactory(name="Criminele Geldstromen", type=CommunityType.OPEN)
    client.force_login(member)
    response = client.post(reverse("communities:join", args=[open_community.slug]))
    assert response.status_code == 302
    assert open_community.token in access_tokens(member)
    assert client.get(response.url).status_code == 200


def test_a_request_needs_a_motivation_and_keeps_the_typed_text(client, community, outsider):
    client.force_login(outsider)
    url = reverse("communities:join", args=[community.slug])
    response = client.post(url, {"motivation": ""})
    assert response.status_code == 400
    assert "Dit is een verplicht veld." in response.content.decode()
    response = client.post(url, {"motivation": "x" * 2001})
    assert response.status_code == 400
    assert "x" * 2001 in response.content.decode()
    response = client.post(url, {"motivation": "Ik werk als toezichthouder buitengebied."})
    membership = community.memberships.get(user=outsider)
    assert membership.status == MembershipStatus.PENDING
    assert membership.motivation == "Ik werk als toezichthouder buitengebied."
    assert community.token not in access_tokens(outsider)


def test_manager_approves_a_request_with_log_notification_and_email(
    client, community, manager, pending_user
):
    membership = community.memberships.get(user=pending_user)
    client.force_login(manager)
    members_page = client.get(reverse("communities:members", args=[community.slug]))
    assert "Piet Pending" in members_page.content.decode()
    url = reverse("communities:decide", args=[community.slug, membership.pk])
    assert client.post(url, {"decision": "approve"}).status_code == 302
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE
    assert community.token in access_tokens(pending_user)
    entry = community.moderation_log.get()
    assert (entry.action, entry.actor, entry.target_user) == (
        ModerationAction.APPROVE_MEMBER,
        manager,
        pending_user,
    )
    notification = Notification.objects.get(user=pending_user)
    assert "toegelaten" in notification.message
    assert mail.outbox[-1].to == [pending_user.email]
    assert "Buitengebied" in mail.outbox[-1].subject


@pytest.mark.parametrize(
    ("decision", "status"),
    [("remove", MembershipStatus.LEFT), ("ban", MembershipStatus.BANNED)],
)
def test_manager_removes_or_bans_a_member(
    client, community, manager, community_member, decision, status
):
    membership = community.memberships.get(user=community_member)
    client.force_login(manager)
    client.post(
        reverse("communities:decide", args=[community.slug, membership.pk]), {"decision": decision}
    )
    membership.refresh_from_db()
    assert membership.status == status
    assert community.token not in access_tokens(community_member)
    assert community.moderation_log.filter(action=decision, target_user=community_member).exists()


def test_refused_requests_and_banned_members(community, manager, pending_user, banned_user):
    from communities.membership import decide

    decide(manager, community.memberships.get(user=pending_user), "refuse")
    assert community.memberships.get(user=pending_user).status == MembershipStatus.REFUSED
    with pytest.raises(MembershipError):
        join(banned_user, community, "Graag opnieuw")


def test_a_decision_needs_a_valid_action(client, community, manager, pending_user):
    membership = community.memberships.get(user=pending_user)
    client.force_login(manager)
    client.post(
        reverse("communities:decide", args=[community.slug, membership.pk]), {"decision": "x"}
    )
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PENDING


def test_hidden_communities_cannot_be_joined_without_invitation(member):
    hidden = CommunityFactory(name="LFT OMG contactpersonen", type=CommunityType.HIDDEN)
    with pytest.raises(MembershipError):
        join(member, hidden)


def test_unapproved_accounts_cannot_join(unapproved_user):
    with pytest.raises(MembershipError):
        join(unapproved_user, CommunityFactory(type=CommunityType.OPEN))


def test_invitation_of_a_registered_member(client, community, manager, outsider):
    client.force_login(manager)
    response = client.post(
        reverse("communities:invite", args=[community.slug]), {"email": outsider.email}
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get(email=outsider.email)
    assert invitation.token in mail.outbox[-1].body
    client.force_login(outsider)
    url = reverse("communities:invitation", args=[community.slug, invitation.token])
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    assert community.token in access_tokens(outsider)
    assert community.moderation_log.filter(action=ModerationAction.INVITE).exists()


def test_an_invalid_invitation_address_is_explained(client, community, manager):
    client.force_login(manager)
    response = client.post(
        reverse("communities:invite", args=[community.slug]), {"email": "geen-adres"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Voer een geldig e-mailadres in." in html
    assert 'value="geen-adres"' in html


def test_invitation_of_someone_without_an_account_is_accepted_after_signup(community, manager):
    from communities.membership import invite

    invite(manager, community, "nieuwe.collega@politie.example")
    user = UserFactory(email="nieuwe.collega@politie.example", is_approved=False)
    address = EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    assert accept_invitations in email_confirmed._live_receivers(EmailAddress)[0]
    accept_invitations(sender=EmailAddress, request=None, email_address=address)
    membership = community.memberships.get(user=user)
    assert membership.status == MembershipStatus.ACTIVE
    assert community.token not in access_tokens(user)  # only once the account is approved
    user.is_approved = True
    user.save()
    assert community.token in access_tokens(type(user).objects.get(pk=user.pk))


def test_banned_members_cannot_use_an_invitation(community, manager, banned_user):
    from communities.membership import invite

    with pytest.raises(MembershipError):
        accept_invitation(banned_user, invite(manager, community, banned_user.email))


def test_leaving_and_withdrawing(client, community, community_member, pending_user):
    for user in (community_member, pending_user):
        client.force_login(user)
        assert client.post(reverse("communities:leave", args=[community.slug])).status_code == 302
        assert community.memberships.get(user=user).status == MembershipStatus.LEFT


def test_managers_are_set_in_the_wagtail_admin(client):
    admin = VerifiedUserFactory(is_superuser=True, is_staff=True, mfa=False)
    manager = VerifiedUserFactory(full_name="Carla Visser")
    settings_mfa_off(client, admin)
    response = client.post(
        reverse("wagtailsnippets_communities_community:add"),
        {
            "name": "Mensenhandel",
            "slug": "mensenhandel",
            "description": "Over arbeidsuitbuiting.",
            "type": CommunityType.ON_REQUEST,
            "managers": [manager.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    membership = MembershipFactory._meta.model.objects.get(user=manager)
    assert (membership.role, membership.status) == (Role.MANAGER, MembershipStatus.ACTIVE)


def settings_mfa_off(client, user):
    from kpo.factories import activate_totp

    activate_totp(user)
    client.force_login(user)
