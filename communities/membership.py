"""Who is in which community, and the decisions that change it.

Access inside a community follows ``kpo.access.access_tokens``: an approved, active user
with an active membership holds the community's token. Every function here that changes
a membership drops the tokens cached on the user object it was given."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from communities.models import (
    CommunityType,
    Invitation,
    Membership,
    MembershipStatus,
    ModerationAction,
    Role,
)
from communities.moderation import log
from communities.notify import notify_membership_decision
from kpo.access import access_tokens, forget_access_tokens


class MembershipError(Exception):
    """A membership change that is not allowed; the message is shown to the user."""


def membership_of(user, community):
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, community=community).first()


def is_member(user, community):
    return community.token in access_tokens(user)


def is_manager(user, community, membership=None):
    if not is_member(user, community):
        return False
    membership = membership or membership_of(user, community)
    return membership is not None and membership.is_manager


def can_join(user):
    return user.is_authenticated and user.is_active and user.is_approved


@dataclass(frozen=True)
class JoinResult:
    membership: Membership
    message: str


def join(user, community, motivation=""):
    """Join an open community, or ask to join one on request. Hidden ones need an invitation."""
    if not can_join(user):
        raise MembershipError(_("Alleen goedgekeurde leden van het platform kunnen meedoen."))
    if community.type == CommunityType.HIDDEN:
        raise MembershipError(_("Deze community is alleen op uitnodiging."))
    membership = membership_of(user, community)
    if membership and membership.status == MembershipStatus.BANNED:
        raise MembershipError(_("U bent geblokkeerd in deze community."))
    if membership and membership.status in (MembershipStatus.ACTIVE, MembershipStatus.PENDING):
        raise MembershipError(_("U bent al lid of uw aanvraag loopt nog."))
    status = (
        MembershipStatus.ACTIVE
        if community.type == CommunityType.OPEN
        else MembershipStatus.PENDING
    )
    membership = membership or Membership(user=user, community=community)
    membership.status, membership.role, membership.motivation = status, Role.MEMBER, motivation
    membership.decided_at = timezone.now() if status == MembershipStatus.ACTIVE else None
    membership.save()
    forget_access_tokens(user)
    if status == MembershipStatus.ACTIVE:
        return JoinResult(membership, _("Welkom! U bent nu lid van deze community."))
    return JoinResult(membership, _("Uw aanvraag is verstuurd naar de community managers."))


def leave(user, community):
    membership = membership_of(user, community)
    if membership is None or membership.status not in (
        MembershipStatus.ACTIVE,
        MembershipStatus.PENDING,
    ):
        raise MembershipError(_("U bent geen lid van deze community."))
    membership.status = MembershipStatus.LEFT
    membership.role = Role.MEMBER
    membership.save(update_fields=["status", "role"])
    forget_access_tokens(user)


DECISIONS = {
    "approve": (MembershipStatus.PENDING, MembershipStatus.ACTIVE, ModerationAction.APPROVE_MEMBER),
    "refuse": (MembershipStatus.PENDING, MembershipStatus.REFUSED, ModerationAction.REFUSE_MEMBER),
    "remove": (MembershipStatus.ACTIVE, MembershipStatus.LEFT, ModerationAction.REMOVE_MEMBER),
    "ban": (None, MembershipStatus.BANNED, ModerationAction.BAN_MEMBER),
}


@transaction.atomic
def decide(manager, membership, decision, reason=""):
    """A manager approves, refuses, removes or bans; logged and notified."""
    expected, new_status, action = DECISIONS[decision]
    if membership.user_id == manager.pk:
        raise MembershipError(_("U kunt dit niet voor uzelf doen."))
    if expected is not None and membership.status != expected:
        raise MembershipError(_("Dit lidmaatschap is inmiddels gewijzigd."))
    membership.status, membership.role = new_status, Role.MEMBER
    membership.decided_at = timezone.now()
    membership.save(update_fields=["status", "role", "decided_at"])
    forget_access_tokens(membership.user)
    log(membership.community, manager, action, target_user=membership.user, reason=reason)
    notify_membership_decision(membership, decision)
    return membership


def set_managers(community, users):
    """Make exactly ``users`` the community's managers (from the Wagtail admin form)."""
    wanted = {user.pk for user in users}
    community.memberships.filter(role=Role.MANAGER).exclude(user__in=wanted).update(
        role=Role.MEMBER
    )
    for user in users:
        Membership.objects.update_or_create(
            community=community,
            user=user,
            defaults={"role": Role.MANAGER, "status": MembershipStatus.ACTIVE},
        )


def invite(manager, community, email):
    """Invite an address; a second invitation for a pending address reuses the first."""
    invitation = community.invitations.filter(email__iexact=email, accepted_at=None).first()
    if invitation is None:
        invitation = Invitation.objects.create(community=community, email=email, invited_by=manager)
        log(community, manager, ModerationAction.INVITE, reason=email)
    return invitation


@transaction.atomic
def accept_invitation(user, invitation):
    """Turn an open invitation into an active membership, unless the user is banned.

    Someone still awaiting account approval gets the membership now; its token only
    counts once the account is approved (``kpo.access.access_tokens``)."""
    if invitation.accepted_at is not None and invitation.accepted_by_id != user.pk:
        raise MembershipError(_("Deze uitnodiging is al gebruikt."))
    membership = membership_of(user, invitation.community)
    if membership and membership.status == MembershipStatus.BANNED:
        raise MembershipError(_("U bent geblokkeerd in deze community."))
    membership = membership or Membership(user=user, community=invitation.community)
    if membership.pk is None or not membership.is_active:
        membership.status, membership.role = MembershipStatus.ACTIVE, Role.MEMBER
        membership.decided_at = timezone.now()
        membership.save()
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    forget_access_tokens(user)
    return membership


def accept_invitations_for_email(user, email):
    """After signup and email verification: accept every open invitation for ``email``."""
    invitations = Invitation.objects.filter(email__iexact=email, accepted_at=None)
    banned = Membership.objects.filter(user=user, status=MembershipStatus.BANNED)
    for invitation in invitations.exclude(community__in=banned.values("community")):
        accept_invitation(user, invitation)
