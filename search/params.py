"""Reading search parameters from a query string, shared by the page and the API."""

from dataclasses import dataclass

from .engines import SORT_RELEVANCE, Filters

MAX_QUERY_LENGTH = 200


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


def search_params(data) -> SearchParams:
    """Parameters from ``request.GET``: ``q``, ``type``, ``thema``, ``community``, ``jaar``,
    ``sort`` and ``page``; malformed values are ignored."""
    return SearchParams(
        query=data.get("q", "").strip()[:MAX_QUERY_LENGTH],
        filters=Filters(
            type=data.get("type", "").strip(),
            theme=data.get("thema", "").strip(),
            community=positive_int(data.get("community")),
            year=positive_int(data.get("jaar")),
        ),
        page=positive_int(data.get("page")) or 1,
        sort=data.get("sort", SORT_RELEVANCE),
    )
