"""The one query interface of the site search, used by the search page, the JSON API and
autocomplete. It asks the configured engine and, when Elasticsearch is unreachable,
answers from the database engine instead and says so (``fallback``)."""

import datetime
import difflib
import logging
from dataclasses import dataclass, field

from django.utils.safestring import SafeString

from kpo.access import access_tokens, community_ids

from .analysis import fold, parse_query, words
from .builders import type_label
from .engines import (
    ENGINE_ERRORS,
    FACET_COMMUNITY,
    FACET_THEME,
    FACET_TYPE,
    FACET_YEAR,
    SORT_DATE,
    SORT_RELEVANCE,
    Filters,
    database_engine,
    get_engine,
)
from .engines.weights import coordination
from .labels import facet_names
from .rarity import public_frequency, with_rarity
from .snippets import make_snippet
from .synonyms import synonym_groups
from .vocabulary import title_vocabulary

logger = logging.getLogger(__name__)

PER_PAGE = 10
MAX_PAGE = 1000
SORTS = (SORT_RELEVANCE, SORT_DATE)
# How many letters a typo may add or drop (did-you-mean compares words this close in length).
TYPO_LENGTH_CHANGE = 2


@dataclass(frozen=True)
class Result:
    title: str
    url: str
    type: str
    type_label: str
    snippet: SafeString
    themes: list[str]
    date: datetime.date | None


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResults:
    query: str
    count: int
    page: int
    per_page: int
    engine: str
    results: list[Result] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    fallback: bool = False
    suggestion: str = ""
    # Found, but no result has every word of the query (best match).
    partial: bool = False

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.per_page))


def search(
    query_text: str,
    user,
    filters: Filters | None = None,
    page: int = 1,
    sort: str = SORT_RELEVANCE,
    per_page: int = PER_PAGE,
    with_facets: bool = True,
) -> SearchResults:
    """Search what ``user`` may see. An empty query with filters lists the filtered items."""
    filters = filters or Filters()
    tokens = access_tokens(user)
    parsed = with_rarity(parse_query(query_text, synonym_groups()))
    page = min(max(page, 1), MAX_PAGE)
    sort = sort if sort in SORTS else SORT_RELEVANCE
    request = (parsed, tokens, filters, (page - 1) * per_page, per_page, sort, with_facets)
    engine, fallback = get_engine(), False
    try:
        raw = engine.search(*request)
    except ENGINE_ERRORS as error:
        logger.warning(
            "Search engine %s failed, answering from the database: %s", engine.name, error
        )
        engine, fallback = database_engine(), True
        raw = engine.search(*request)
    results = SearchResults(
        query=query_text,
        count=raw.total,
        page=page,
        per_page=per_page,
        engine=engine.name,
        results=[to_result(hit, parsed) for hit in raw.hits],
        facets=labelled_facets(raw.facets, filters, tokens),
        fallback=fallback,
        partial=bool(raw.total) and not matched_everything(parsed, raw.best_score),
    )
    if parsed and (results.partial or not raw.total) and with_facets:
        results.suggestion = better_query(query_text, user, tokens, filters)
    return results


def matched_everything(parsed, best_score: float) -> bool:
    """Whether the best hit matched every word and phrase (each scores the coordination)."""
    return best_score >= coordination(parsed) * (len(parsed.terms) + len(parsed.phrases))


def better_query(query_text: str, user, tokens, filters: Filters) -> str:
    """``did_you_mean``, but only when that query finds results with all its words."""
    suggestion = did_you_mean(query_text, tokens)
    if not suggestion:
        return ""
    found = search(suggestion, user, filters, per_page=1, with_facets=False)
    return suggestion if found.count and not found.partial else ""


def to_result(hit, parsed) -> Result:
    return Result(
        title=hit.title,
        url=hit.url,
        type=hit.type,
        type_label=type_label(hit.type),
        snippet=make_snippet(hit, parsed),
        themes=hit.themes,
        date=hit.date,
    )


def labelled_facets(facets, filters: Filters, tokens) -> dict[str, list[FacetValue]]:
    """Facet values with labels, most frequent first (years newest first). Community values
    are only ever communities the user is a member of."""
    member_of = {str(pk) for pk in community_ids(tokens)}
    facets = {
        **facets,
        FACET_COMMUNITY: {
            pk: count for pk, count in facets.get(FACET_COMMUNITY, {}).items() if pk in member_of
        },
    }
    named = facets.get(FACET_THEME) or facets.get(FACET_COMMUNITY)
    names = facet_names() if named else {"themes": {}, "communities": {}}
    labels = {
        FACET_TYPE: type_label,
        FACET_THEME: lambda slug: names["themes"].get(slug, slug),
        FACET_COMMUNITY: lambda pk: names["communities"].get(pk, pk),
        FACET_YEAR: str,
    }
    selected = {
        FACET_TYPE: filters.type,
        FACET_THEME: filters.theme,
        FACET_COMMUNITY: str(filters.community or ""),
        FACET_YEAR: str(filters.year or ""),
    }
    labelled = {}
    for name, label in labels.items():
        values = [
            FacetValue(value, str(label(value)), count, value == selected[name])
            for value, count in facets.get(name, {}).items()
        ]
        if name == FACET_YEAR:
            values.sort(key=lambda value: value.value, reverse=True)
        else:
            values.sort(key=lambda value: (-value.count, value.label))
        labelled[name] = values
    return labelled


def did_you_mean(query_text: str, tokens) -> str:
    """The query with the words that no item the user may see contains replaced by the
    closest title words the user may see, or "" when no word is unknown or nothing better is
    known. Built from the database in both engines."""
    query_words = words(query_text)
    unknown = {word for word in query_words if not is_known(word, tokens)}
    if not unknown:
        return ""
    vocabulary = title_vocabulary(tokens)
    changed, corrected = False, []
    for word in query_words:
        close = closest_word(fold(word), vocabulary) if word in unknown else ""
        corrected.append(close or word)
        changed = changed or bool(close)
    return " ".join(corrected) if changed else ""


def closest_word(word: str, vocabulary) -> str:
    """The word of ``vocabulary`` closest to ``word`` (a typo), or "". Only words with the
    same first letter and about the same length are compared: a typo rarely changes either,
    and comparing fewer words keeps a large vocabulary fast."""
    candidates = [
        known
        for known in vocabulary
        if known[:1] == word[:1] and abs(len(known) - len(word)) <= TYPO_LENGTH_CHANGE
    ]
    close = difflib.get_close_matches(word, candidates, 1)
    return close[0] if close else ""


def is_known(word: str, tokens) -> bool:
    """Whether an item the user may see contains ``word`` (in any form, not as a prefix).
    A word in a public item is known to everyone: that count is cached (``search.rarity``),
    so only words no public item holds are looked up among what the user may see."""
    parsed = parse_query(f"{word} ")
    if not parsed:
        return True
    if public_frequency(parsed.terms[0].forms):
        return True
    # Counted, not ``exists()``: with a LIMIT 1 PostgreSQL expects an early hit and reads the
    # whole table when there is none; a count reads the full-text indexes (and the words
    # that get here are rare: no public item holds them).
    return database_engine().matching(parsed, tokens, Filters()).count() > 0
