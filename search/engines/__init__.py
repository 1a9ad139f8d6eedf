"""The two search engines behind ``search.query``: ``database`` (always available, the
embedded default) and ``elasticsearch`` (when ``settings.ELASTICSEARCH_URL`` is set).

Both take the same request and return the same ``EngineResult``; both filter on the
user's access tokens inside the engine query."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from elasticsearch import ApiError, TransportError

# An unreachable or failing Elasticsearch: search falls back, indexing retries later.
ENGINE_ERRORS = (TransportError, ApiError)

SORT_RELEVANCE = "relevance"
SORT_DATE = "date"

FACET_TYPE = "type"
FACET_THEME = "thema"
FACET_COMMUNITY = "community"
FACET_YEAR = "jaar"
FACETS = (FACET_TYPE, FACET_THEME, FACET_COMMUNITY, FACET_YEAR)


@dataclass(frozen=True)
class Filters:
    type: str = ""
    theme: str = ""
    community: int | None = None
    year: int | None = None


@dataclass(frozen=True)
class Hit:
    key: str
    title: str
    url: str
    type: str
    themes: list[str]
    date: datetime.date | None
    summary: str
    body: str
    attachment_text: str


@dataclass
class EngineResult:
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    # The best score among ``hits``: tells whether any of them matched every query word.
    best_score: float = 0


def database_engine():
    from .database import DatabaseEngine

    return DatabaseEngine()


def elasticsearch_engine():
    """The Elasticsearch engine when ``ELASTICSEARCH_URL`` is set, else ``None``."""
    if not settings.ELASTICSEARCH_URL:
        return None
    from .elasticsearch import ElasticsearchEngine

    return ElasticsearchEngine(settings.ELASTICSEARCH_URL, settings.KPO_SEARCH_INDEX_PREFIX)


def get_engine():
    return elasticsearch_engine() or database_engine()
