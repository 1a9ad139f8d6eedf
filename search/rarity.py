"""How rare each query word is, for ranking (``engines/weights.py``): a word that few items
contain says more about what the searcher wants than one that most items contain.

The rarity is BM25's inverse document frequency, rounded to a whole number from 1 to
``RARITY_MAX``, counted over the public items only: everyone may see those, so the ranking
tells nobody anything about members-only or community content. The counts come from the
database (both engines index the same documents) in one query for all the words not yet
cached, and are kept for an hour: a word's rarity changes slowly."""

import dataclasses
import hashlib
import math

from django.core.cache import cache
from django.db import connection

from kpo.access import PUBLIC

from .engines.database import Match, full_text
from .engines.weights import RARITY_MAX, TERM_FIELDS
from .models import SearchDocument

RARITY_TIMEOUT = 3600
TOTAL_KEY = "search:rarity:total"


def with_rarity(query):
    """``query`` with each word's ``rarity`` set."""
    if not query.terms:
        return query
    frequencies = document_frequencies([term.forms for term in query.terms])
    total = frequencies.pop(TOTAL_KEY)
    return dataclasses.replace(
        query,
        terms=tuple(
            dataclasses.replace(term, rarity=rarity(frequencies[term_key(term.forms)], total))
            for term in query.terms
        ),
    )


def public_frequency(forms: tuple[str, ...]) -> int:
    """The number of public items holding a word (its stems ``forms``), cached."""
    return document_frequencies([forms])[term_key(forms)]


def rarity(frequency: int, total: int) -> int:
    """BM25's idf of a word in ``frequency`` of ``total`` items, as a whole number from 1
    (in most items) to ``RARITY_MAX`` (in very few, or none)."""
    frequency = min(frequency, total)
    idf = math.log(1 + (total - frequency + 0.5) / (frequency + 0.5))
    return max(1, min(RARITY_MAX, round(idf)))


def term_key(forms: tuple[str, ...]) -> str:
    digest = hashlib.sha256(" ".join(forms).encode()).hexdigest()[:32]
    return f"search:rarity:{digest}"


def document_frequencies(form_groups: list[tuple[str, ...]]) -> dict[str, int]:
    """Per word (its stems), the number of public items holding it, by ``term_key``; and the
    number of public items under ``TOTAL_KEY``. Cached; the missing ones counted at once."""
    keys = {term_key(forms): forms for forms in form_groups}
    found = cache.get_many([TOTAL_KEY, *keys])
    missing = {key: forms for key, forms in keys.items() if key not in found}
    if missing or TOTAL_KEY not in found:
        counted = count_public(missing)
        cache.set_many(counted, RARITY_TIMEOUT)
        found.update(counted)
    return found


def count_public(form_groups: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """The counts of ``document_frequencies`` in one query: a ``COUNT`` per word, each on the
    full-text index, and one of all public items."""
    public = SearchDocument.objects.filter(access=PUBLIC).order_by()
    engine = full_text()
    counted = {TOTAL_KEY: public}
    for key, forms in form_groups.items():
        counted[key] = public.filter(engine.condition([Match(TERM_FIELDS, forms=forms)]))
    selects, params = [], []
    for queryset in counted.values():
        sql, query_params = queryset.values("pk").query.sql_with_params()
        selects.append(f"(SELECT COUNT(*) FROM ({sql}) AS counted)")  # noqa: S608
        params.extend(query_params)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(selects), params)
        return dict(zip(counted, cursor.fetchone(), strict=True))
