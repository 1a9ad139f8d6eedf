"""The access model: one function decides which content a user may see.

Every piece of content has a visibility token: ``public``, ``members`` (any approved
member) or ``community:<id>`` (members of that community). A user holds a set of
tokens; content is shown only when its token is in that set. Page views, document
downloads, feeds, the sitemap, the API and search all filter with ``access_tokens``.
"""

PUBLIC = "public"
MEMBERS = "members"


def community_token(community_id: int) -> str:
    return f"community:{community_id}"


def access_tokens(user) -> frozenset[str]:
    """The visibility tokens ``user`` (possibly anonymous) may see."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset({PUBLIC})
    tokens = {PUBLIC}
    if user.is_approved or user.is_superuser:
        tokens.add(MEMBERS)
    return frozenset(tokens)


def can_see(user, visibility: str) -> bool:
    return visibility in access_tokens(user)


def visible_to(queryset, user):
    """Narrow ``queryset`` (of models with a ``visibility`` field) to what ``user`` may see."""
    return queryset.filter(visibility__in=access_tokens(user))
