"""Names for facet values: theme slugs and community ids to the names users read.

They are cached together, since every search with facets needs them and they change
rarely: saving or deleting a theme or a community forgets them, and the timeout bounds how
long another app server (with its own cache) shows an old name."""

from django.core.cache import cache

from communities.models import Community
from kpo.models import Theme

NAMES_KEY = "search:facet-names"
NAMES_TIMEOUT = 300


def facet_names() -> dict[str, dict[str, str]]:
    """``{"themes": {slug: name}, "communities": {str(id): name}}``."""
    names = cache.get(NAMES_KEY)
    if names is None:
        names = {
            "themes": dict(Theme.objects.values_list("slug", "name")),
            "communities": {
                str(pk): name for pk, name in Community.objects.values_list("pk", "name")
            },
        }
        cache.set(NAMES_KEY, names, NAMES_TIMEOUT)
    return names


def forget_facet_names(**kwargs) -> None:
    cache.delete(NAMES_KEY)
