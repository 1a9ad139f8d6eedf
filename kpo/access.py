"""The access model: one function decides which content a user may see.

Every piece of content has a visibility token: ``public``, ``members`` (any approved
member) or ``community:<id>`` (members of that community). A user holds a set of
tokens; content is shown only when its token is in that set. Page views, document
downloads, feeds, the sitemap, the API and search all filter with ``access_tokens``.
"""

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


def access_tokens(user) -> frozenset[str]:
    """The visibility tokens ``user`` (possibly anonymous) may see.

    Approved members also hold ``community:<id>`` for each active community membership.
    Computed with one query and kept on the user object (so once per request);
    ``forget_access_tokens`` drops it after a membership changes."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset({PUBLIC})
    cached = getattr(user, TOKENS_ATTRIBUTE, None)
    if cached is not None:
        return cached
    tokens = {PUBLIC}
    if user.is_approved or user.is_superuser:
        tokens.add(MEMBERS)
        tokens.update(community_token(pk) for pk in active_community_ids(user))
    setattr(user, TOKENS_ATTRIBUTE, frozenset(tokens))
    return getattr(user, TOKENS_ATTRIBUTE)


def active_community_ids(user):
    from communities.models import Membership, MembershipStatus

    return Membership.objects.filter(user=user, status=MembershipStatus.ACTIVE).values_list(
        "community_id", flat=True
    )


def forget_access_tokens(user) -> None:
    """Drop the tokens cached on ``user`` so the next call recomputes them."""
    if hasattr(user, TOKENS_ATTRIBUTE):
        delattr(user, TOKENS_ATTRIBUTE)


def can_see(user, visibility: str) -> bool:
    return visibility in access_tokens(user)


def visible_to(queryset, user):
    """Narrow ``queryset`` (of models with a ``visibility`` field) to what ``user`` may see."""
    return queryset.filter(visibility__in=access_tokens(user))
