"""Community tokens in kpo.access.access_tokens: one per active membership, approved users only."""

import pytest
from django.contrib.auth.models import AnonymousUser

from communities.factories import CommunityFactory, MembershipFactory
from communities.models import MembershipStatus
from kpo.access import MEMBERS, PUBLIC, access_tokens, community_token, forget_access_tokens
from kpo.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_active_memberships_add_community_tokens():
    user = UserFactory()
    first, second, left = CommunityFactory(), CommunityFactory(), CommunityFactory()
    MembershipFactory(community=first, user=user)
    MembershipFactory(community=second, user=user, role="manager")
    MembershipFactory(community=left, user=user, status=MembershipStatus.LEFT)
    assert access_tokens(user) == {
        PUBLIC,
        MEMBERS,
        community_token(first.pk),
        community_token(second.pk),
    }


@pytest.mark.parametrize(
    "status", [MembershipStatus.PENDING, MembershipStatus.BANNED, MembershipStatus.REFUSED]
)
def test_other_statuses_give_no_token(status):
    membership = MembershipFactory(status=status)
    assert access_tokens(membership.user) == {PUBLIC, MEMBERS}


def test_unapproved_and_inactive_users_get_no_community_token():
    for user in (UserFactory(is_approved=False), UserFactory(is_active=False)):
        MembershipFactory(user=user)
        assert access_tokens(user) <= {PUBLIC}
    assert access_tokens(AnonymousUser()) == {PUBLIC}


def test_tokens_take_one_query_and_are_kept_on_the_user(django_assert_num_queries):
    membership = MembershipFactory()
    user = membership.user
    with django_assert_num_queries(1):
        access_tokens(user)
        access_tokens(user)
    membership.delete()
    forget_access_tokens(user)
    assert access_tokens(user) == {PUBLIC, MEMBERS}
