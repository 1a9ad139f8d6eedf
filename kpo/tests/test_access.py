import pytest
from django.contrib.auth.models import AnonymousUser

from kpo.access import MEMBERS, PUBLIC, access_tokens, can_see, community_ids, community_token
from kpo.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_see_only_public_content():
    assert access_tokens(AnonymousUser()) == {PUBLIC}
    assert not can_see(AnonymousUser(), MEMBERS)


def test_approved_members_see_members_content():
    assert access_tokens(UserFactory(is_approved=True)) == {PUBLIC, MEMBERS}


def test_unapproved_and_deactivated_accounts_see_only_public_content():
    assert access_tokens(UserFactory(is_approved=False)) == {PUBLIC}
    assert access_tokens(UserFactory(is_approved=True, is_active=False)) == {PUBLIC}


def test_community_ids_reads_only_community_tokens():
    tokens = {PUBLIC, MEMBERS, community_token(3), community_token(11)}
    assert community_ids(tokens) == {3, 11}
