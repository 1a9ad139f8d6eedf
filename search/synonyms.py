"""The synonyms editors keep in the CMS (``SearchSynonym``), as the groups a search expands
a query with.

Every entry is a group: its term and each of its synonyms are equivalent to all the others,
both ways ("apv" -> "algemene plaatselijke verordening" and back). A term or phrase in
several entries gets the equivalents of each of them (not the equivalents of those: no
chains). Keys and equivalents are folded (``fold_phrase``: lower case, no accents, single
spaces), so look a phrase up folded the same way.

The groups are cached: most searches then need no query for them. Saving or deleting a
synonym forgets them (``search.models.synonyms``; bulk updates and ``QuerySet.delete`` of
several at once send no signals: call ``forget_synonym_groups``), and the timeout bounds
how late another app server, with its own cache, sees a change."""

from django.core.cache import cache

from .models.synonyms import SearchSynonym, fold_phrase, synonym_lines

SYNONYM_GROUPS_KEY = "search:synonym-groups"
SYNONYM_GROUPS_TIMEOUT = 300


def synonym_groups() -> dict[str, tuple[str, ...]]:
    """``{folded term or phrase: (its folded equivalents, in the editors' order)}``."""
    groups = cache.get(SYNONYM_GROUPS_KEY)
    if groups is None:
        groups = build_groups(SearchSynonym.objects.order_by("key").values_list("term", "synonyms"))
        cache.set(SYNONYM_GROUPS_KEY, groups, SYNONYM_GROUPS_TIMEOUT)
    return groups


def build_groups(entries) -> dict[str, tuple[str, ...]]:
    """The groups of ``(term, synonyms text)`` pairs."""
    equivalents: dict[str, dict[str, None]] = {}
    for term, synonyms in entries:
        members = [fold_phrase(text) for text in (term, *synonym_lines(synonyms))]
        members = list(dict.fromkeys(member for member in members if member))
        for member in members:
            found = equivalents.setdefault(member, {})
            found.update((other, None) for other in members if other != member)
    return {member: tuple(found) for member, found in equivalents.items() if found}


def forget_synonym_groups(**kwargs) -> None:
    cache.delete(SYNONYM_GROUPS_KEY)
