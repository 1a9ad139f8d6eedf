"""Reading search parameters from a query string, shared by the page and the API."""

import re
from dataclasses import dataclass

from .engines import SORT_RELEVANCE, Filters

MAX_QUERY_LENGTH = 200
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class SearchParams:
    query: str
    filters: Filters
    page: int
    sort: str

    @property
    def active(self) -> bool:
        return bool(self.query or self.filters != Filters())


def positive_int(value) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 10 else None


def clean_text(value: str) -> str:
    """Text without control characters (PostgreSQL refuses NUL bytes), trimmed."""
    return CONTROL_CHARACTERS.sub("", value).strip()


def search_params(data) -> SearchParams:
    """Parameters from ``request.GET``: ``q``, ``type``, ``thema``, ``community``, ``jaar``,
    ``sort`` and ``page``; malformed values are ignored."""
    return SearchParams(
        query=clean_text(data.get("q", ""))[:MAX_QUERY_LENGTH],
        filters=Filters(
            type=clean_text(data.get("type", "")),
            theme=clean_text(data.get("thema", "")),
            community=positive_int(data.get("community")),
            year=positive_int(data.get("jaar")),
        ),
        page=positive_int(data.get("page")) or 1,
        sort=data.get("sort", SORT_RELEVANCE),
    )
