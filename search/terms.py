"""Search terms and promoted results, on ``wagtail.contrib.search_promotions``.

Each search typed on /zoeken/ or /api/zoeken/ (first page only) adds a hit for its
normalised text per day (Wagtail's ``Query`` and ``QueryDailyHits``); a search without
results also counts in ``NoResultsDailyHits``. Nothing about who searched is stored.

Editors attach promoted results to a search text in the admin (Instellingen >
Uitgelichte zoekresultaten). They are shown above the results, but a promoted page only to
users who may see that page."""

import datetime
from dataclasses import dataclass

from django.db.models import F, Q, Sum
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.utils import normalise_query_string

from kpo.access import PUBLIC, access_tokens

from .models import NoResultsDailyHits


@dataclass(frozen=True)
class Promotion:
    title: str
    url: str
    description: str


def record_search(query_text: str, count: int) -> None:
    """Count one search for ``query_text`` today, and one without results if ``count`` is 0."""
    if not normalise_query_string(query_text):
        return
    query = Query.get(query_text)
    query.add_hit()
    if not count:
        hits, _created = NoResultsDailyHits.objects.get_or_create(
            query=query, date=timezone.localdate()
        )
        NoResultsDailyHits.objects.filter(pk=hits.pk).update(hits=F("hits") + 1)


def may_see_page(page, tokens) -> bool:
    """Pages without a ``visibility`` are public, as for document downloads."""
    return (
        page.live
        and getattr(page, "visibility", PUBLIC) in tokens
        and not page.get_view_restrictions().exists()
    )


def promoted_results(query_text: str, user) -> list[Promotion]:
    """The promoted results for this exact search text that ``user`` may see."""
    normalised = normalise_query_string(query_text)
    if not normalised:
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
