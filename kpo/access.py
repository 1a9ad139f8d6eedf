"""The access model: one function decides which content a user may see.

Every piece of content has a visibility token: ``public``, ``members`` (any approved
member) or ``community:<id>`` (members of that community). A user holds a set of
tokens; content is shown only when its token is in that set. Page views, document
downloads, feeds, the sitemap, the API and search all filter with ``access_tokens``.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

PUBLIC = "public"
MEMBERS = "members"
COMMUNITY_PREFIX = "community:"


def community_token(community_id: int) -> str:
    return f"{COMMUNITY_PREFIX}{community_id}"


def community_ids(tokens) -> set[int]:
    """The ids of the communities whose tokens are among ``tokens``."""
    return {
        int(token.removeprefix(COMMUNITY_PREFIX))
        for token in tokens
        if token.startswith(COMMUNITY_PREFIX)
    }


TOKENS_ATTRIBUTE = "_kpo_access_tokens"
# The ids of a member's active communities are kept in the shared cache between requests,
# under a per-user version that every membership change replaces (after its commit).
COMMUNITIES_KEY = "kpo:access:communities:{user}:{version}"
VERSION_KEY = "kpo:access:version:{user}"
COMMUNITIES_TIMEOUT = 3600


def access_tokens(user) -> frozenset[str]:
    """The visibility tokens ``user`` (possibly anonymous) may see.

    Approved members also hold ``community:<id>`` for each active community membership.
    The community ids come from the shared cache, or from one query when a membership of
    the user changed since they were cached; the tokens are kept on the user object (so
    worked out once per request). ``forget_access_tokens`` drops both after a change."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset({PUBLIC})
    cached = getattr(user, TOKENS_ATTRIBUTE, None)
    if cached is not None:
        return cached
    tokens = {PUBLIC}
    if user.is_approved or user.is_superuser:
        tokens.add(MEMBERS)
        tokens.update(community_token(pk) for pk in cached_community_ids(user.pk))
    setattr(user, TOKENS_ATTRIBUTE, frozenset(tokens))
    return getattr(user, TOKENS_ATTRIBUTE)


def cached_community_ids(user_id) -> list[int]:
    key = COMMUNITIES_KEY.format(user=user_id, version=membership_version(user_id))
    ids = cache.get(key)
    if ids is None:
        ids = list(active_community_ids(user_id))
        cache.set(key, ids, COMMUNITIES_TIMEOUT)
    return ids


def active_community_ids(user_id):
    from communities.models import Membership, MembershipStatus

    return (
        Membership.objects.filter(user_id=user_id, status=MembershipStatus.ACTIVE)
        .order_by()
        .values_list("community_id", flat=True)
    )


def membership_version(user_id) -> str:
    """The current version of ``user_id``'s memberships; a new one when none is known (a
    version the cache dropped can never bring back community ids stored under it)."""
    version = cache.get(VERSION_KEY.format(user=user_id))
    if version is None:
        version = new_membership_version(user_id)
    return version


def new_membership_version(user_id) -> str:
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY.format(user=user_id), version, None)
    return version


def memberships_changed(user_id) -> None:
    """Outdate the cached community ids of ``user_id``: now, and again once the current
    transaction commits (a request that read the old rows meanwhile may have stored them)."""
    new_membership_version(user_id)
    transaction.on_commit(lambda: new_membership_version(user_id))


def on_membership_saved_or_deleted(sender, instance, **kwargs):
    """Signal receiver for ``Membership`` (post_save and post_delete)."""
    memberships_changed(instance.user_id)


def forget_access_tokens(user) -> None:
    """Drop the tokens of ``user`` (kept on the object and in the cache) so the next call
    works them out again."""
    if hasattr(user, TOKENS_ATTRIBUTE):
        delattr(user, TOKENS_ATTRIBUTE)
    if user is not None and user.pk is not None:
        memberships_changed(user.pk)


def can_see(user, visibility: str) -> bool:
    return visibility in access_tokens(user)


def visible_to(queryset, user):
    """Narrow ``queryset`` (of models with a ``visibility`` field) to what ``user`` may see."""
    return queryset.filter(visibility__in=access_tokens(user))
