"""Community tokens in kpo.access.access_tokens: one per active membership, approved users only."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache

from communities.factories import CommunityFactory, MembershipFactory
from communities.models import MembershipStatus
from kpo.access import (
    COMMUNITIES_KEY,
    MEMBERS,
    PUBLIC,
    VERSION_KEY,
    access_tokens,
    community_token,
    forget_access_tokens,
)
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


def fresh(user):
    """The user as the next request loads it (nothing kept on the object)."""
    return type(user).objects.get(pk=user.pk)


def test_community_ids_are_kept_in_the_cache_between_requests(django_assert_num_queries):
    membership = MembershipFactory()
    access_tokens(fresh(membership.user))
    user = fresh(membership.user)
    with django_assert_num_queries(0):
        assert community_token(membership.community_id) in access_tokens(user)


def leave(membership):
    membership.delete()


def ban(membership):
    membership.status = MembershipStatus.BANNED
    membership.save()


@pytest.mark.parametrize("change", [leave, ban])
def test_a_membership_that_ends_takes_the_token_at_once(change):
    membership = MembershipFactory()
    token = community_token(membership.community_id)
    assert token in access_tokens(fresh(membership.user))

    change(membership)

    assert token not in access_tokens(fresh(membership.user))


def test_a_new_membership_gives_the_token_at_once():
    user = UserFactory()
    assert access_tokens(fresh(user)) == {PUBLIC, MEMBERS}
    membership = MembershipFactory(user=user)
    assert community_token(membership.community_id) in access_tokens(fresh(user))


def test_tokens_read_during_a_change_are_outdated_when_it_commits(
    django_capture_on_commit_callbacks,
):
    """A request that read the memberships just before another one removed a membership
    (and stored them in the cache after that) must not keep the old token."""
    membership = MembershipFactory()
    user, token = membership.user, community_token(membership.community_id)
    with django_capture_on_commit_callbacks(execute=True):
        membership.delete()
        version = cache.get(VERSION_KEY.format(user=user.pk))
        # The other request stores what it read before the delete, under today's version.
        cache.set(COMMUNITIES_KEY.format(user=user.pk, version=version), [membership.community_id])

    assert token not in access_tokens(fresh(user))


def test_a_version_the_cache_dropped_does_not_bring_back_old_tokens():
    membership = MembershipFactory()
    user, token = membership.user, community_token(membership.community_id)
    access_tokens(fresh(user))
    membership.delete()
    cache.delete(VERSION_KEY.format(user=user.pk))  # e.g. culled by the file cache
    assert token not in access_tokens(fresh(user))
