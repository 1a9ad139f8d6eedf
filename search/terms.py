"""Search terms and promoted results, on ``wagtail.contrib.search_promotions``.

Each search typed on /zoeken/ or /api/zoeken/ (first page only) adds a hit for its
normalised text per day (Wagtail's ``Query`` and ``QueryDailyHits``); a search without
results also counts in ``NoResultsDailyHits``. Nothing about who searched is stored.

Editors attach promoted results to a search text in the admin (Instellingen >
Uitgelichte zoekresultaten). They are shown above the results, but a promoted page only to
users who may see that page."""

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.db.models import Q, Sum
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import normalise_query_string

from kpo.access import PUBLIC, access_tokens

from .models import NoResultsDailyHits


@dataclass(frozen=True)
class Promotion:
    title: str
    url: str
    description: str


# The search texts that have promoted results, cached: most searches have none and then
# need no query. Changing a promotion forgets it (``forget_promoted_texts``); the timeout
# bounds how late another app server sees a new promotion.
PROMOTED_TEXTS_KEY = "search:promoted-texts"
PROMOTED_TEXTS_TIMEOUT = 300


def record_search(query_text: str, count: int) -> None:
    """Count one search for ``query_text`` today, and one without results if ``count`` is 0.

    Upserts (``INSERT … ON CONFLICT``, PostgreSQL and SQLite): two statements per search,
    three without results, and concurrent searches never collide on the unique keys."""
    normalised = normalise_query_string(query_text)
    if not normalised:
        return
    query_id = upsert_query(normalised)
    today = timezone.localdate()
    add_daily_hit(QueryDailyHits, query_id, today)
    if not count:
        add_daily_hit(NoResultsDailyHits, query_id, today)


def upsert_query(normalised: str) -> int:
    table = connection.ops.quote_name(Query._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (query_string) VALUES (%s) "  # noqa: S608 (table name)
            "ON CONFLICT (query_string) DO UPDATE SET query_string = EXCLUDED.query_string "
            "RETURNING id",
            [normalised],
        )
        return cursor.fetchone()[0]


def add_daily_hit(model, query_id: int, date) -> None:
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (query_id, date, hits) VALUES (%s, %s, 1) "  # noqa: S608
            f"ON CONFLICT (query_id, date) DO UPDATE SET hits = {table}.hits + 1",
            [query_id, date],
        )


def may_see_page(page, tokens) -> bool:
    """Pages without a ``visibility`` are public, as for document downloads."""
    return (
        page.live
        and getattr(page, "visibility", PUBLIC) in tokens
        and not page.get_view_restrictions().exists()
    )


def promoted_texts() -> frozenset[str]:
    texts = cache.get(PROMOTED_TEXTS_KEY)
    if texts is None:
        texts = frozenset(
            SearchPromotion.objects.values_list("query__query_string", flat=True).distinct()
        )
        cache.set(PROMOTED_TEXTS_KEY, texts, PROMOTED_TEXTS_TIMEOUT)
    return texts


def forget_promoted_texts(**kwargs) -> None:
    cache.delete(PROMOTED_TEXTS_KEY)


def promoted_results(query_text: str, user) -> list[Promotion]:
    """The promoted results for this exact search text that ``user`` may see."""
    normalised = normalise_query_string(query_text)
    if not normalised or normalised not in promoted_texts():
        return []
    tokens = access_tokens(user)
    picks = SearchPromotion.objects.filter(query__query_string=normalised).order_by("sort_order")
    promotions = []
    for pick in picks.select_related("page"):
        if pick.page is None:
            promotions.append(
                Promotion(pick.external_link_text or "", pick.external_link_url, pick.description)
            )
            continue
        page = pick.page.specific
        if may_see_page(page, tokens):
            promotions.append(Promotion(page.title, page.get_url(), pick.description))
    return promotions


def top_terms(days: int, no_results: bool = False, limit: int = 50):
    """The most searched terms of the last ``days`` days (only those that found nothing,
    with ``no_results``), as rows of ``query_string`` and ``hits``."""
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    relation = "no_results_daily_hits" if no_results else "daily_hits"
    in_period = Q(**{f"{relation}__date__gte": since})
    return (
        Query.objects.filter(in_period)
        .annotate(hits=Sum(f"{relation}__hits", filter=in_period))
        .order_by("-hits", "query_string")
        .values("query_string", "hits")[:limit]
    )
