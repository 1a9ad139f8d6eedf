"""The Elasticsearch engine (elasticsearch-dsl): one index per environment, reached through
an alias ``<prefix>items``. A rebuild fills a new index beside the old one and then
switches the alias in one step, so search is never empty.

The analysed fields hold the terms ``search.analysis`` produced and use the whitespace
analyser: the server needs no analysis plug-ins, and ranking matches the database engine
(constant scores per matched field, weights and rarity from ``weights.py``)."""

import datetime
from functools import cache

from django.conf import settings
from django.utils import timezone
from elasticsearch import Elasticsearch, NotFoundError
from elasticsearch.helpers import streaming_bulk
from elasticsearch_dsl import Q, Search

from . import (
    FACET_COMMUNITY,
    FACET_THEME,
    FACET_TYPE,
    FACET_YEAR,
    SORT_DATE,
    EngineResult,
    Filters,
    Hit,
)
from .weights import BODY_WEIGHT, PREFIX_WEIGHTS, TERM_FIELDS, TERM_WEIGHTS, coordination

FACET_SIZE = 100
BULK_CHUNK = 500
ANALYSED = {"type": "text", "analyzer": "whitespace", "norms": False}
STORED = {"type": "text", "index": False}
ANALYSED_FIELDS = [field for field, _w in TERM_WEIGHTS + PREFIX_WEIGHTS]
MAPPING = {
    "dynamic": "strict",
    "_source": {"excludes": ANALYSED_FIELDS},
    "properties": {
        "key": {"type": "keyword"},
        "title": STORED,
        "summary": STORED,
        "body": STORED,
        "attachment_text": STORED,
        "url": {"type": "keyword", "index": False},
        "type": {"type": "keyword"},
        "themes": {"type": "keyword"},
        "theme_names": {"type": "keyword", "index": False},
        "community": {"type": "keyword"},
        "date": {"type": "date"},
        "year": {"type": "integer"},
        "access": {"type": "keyword"},
        "boost": {"type": "integer"},
        **{field: ANALYSED for field in ANALYSED_FIELDS},
    },
}
INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0}
# While a rebuild fills a new index nobody searches yet, it is not refreshed; afterwards
# the default (one second) applies again.
BULK_REFRESH_INTERVAL = "-1"
DEFAULT_REFRESH_INTERVAL = "1s"
FACET_FIELDS = {
    FACET_TYPE: "type",
    FACET_THEME: "themes",
    FACET_COMMUNITY: "community",
    FACET_YEAR: "year",
}
HIT_FIELDS = ["key", "title", "url", "type", "theme_names", "date", "summary", "body"]


def client_for(url: str) -> Elasticsearch:
    """The client for searches and single updates (``KPO_ELASTICSEARCH_TIMEOUT``)."""
    return cached_client(url, settings.KPO_ELASTICSEARCH_TIMEOUT)


@cache
def cached_client(url: str, timeout: int) -> Elasticsearch:
    return Elasticsearch(url, request_timeout=timeout, max_retries=1)


def source(document) -> dict:
    """The Elasticsearch document of a ``SearchDocument``."""
    themes = list(document.themes.all())
    return {
        "key": document.key,
        "title": document.title,
        "summary": document.summary,
        "body": document.body,
        "attachment_text": document.attachment_text,
        "url": document.url,
        "type": document.type,
        "themes": [theme.slug for theme in themes],
        "theme_names": [theme.name for theme in themes],
        "community": str(document.community_id) if document.community_id else None,
        "date": document.date.isoformat() if document.date else None,
        "year": document.date.year if document.date else None,
        "access": document.access,
        "boost": document.boost,
        **{field: getattr(document, field) for field in ANALYSED_FIELDS},
    }


def weighted(query, weight: int, bonus: int) -> Q:
    """A match scoring ``weight``, plus ``bonus``: the query's coordination (``weights.py``)."""
    return Q("constant_score", filter=query, boost=weight + bonus)


def term_clause(term, bonus: int) -> Q:
    """The best-scoring field the term (or a phrase meaning the same, a pair of parts of
    it, its prefix) matches, each weight times the term's rarity, like
    ``database.term_conditions``."""
    should = [(Q("terms", **{field: list(term.forms)}), weight) for field, weight in TERM_WEIGHTS]
    should += [
        (Q("match_phrase", **{field: " ".join(phrase)}), weight)
        for phrase in term.phrases
        for field, weight in TERM_WEIGHTS
    ]
    should += [(split_clause(split), BODY_WEIGHT) for split in term.splits]
    if term.prefix:
        should += [
            (Q("prefix", **{field: term.prefix}), weight) for field, weight in PREFIX_WEIGHTS
        ]
    return Q(
        "dis_max",
        queries=[weighted(query, weight * term.rarity, bonus) for query, weight in should],
    )


def split_clause(split) -> Q:
    """Each part of a compound in any of the analysed fields."""
    fields = list(TERM_FIELDS)
    return Q("bool", must=[Q("multi_match", query=part, fields=fields) for part in split])


def phrase_clause(phrase, bonus: int) -> Q:
    text = " ".join(phrase)
    return Q(
        "dis_max",
        queries=[
            weighted(Q("match_phrase", **{field: text}), weight, bonus)
            for field, weight in TERM_WEIGHTS
        ],
    )


def filter_clauses(tokens, filters: Filters) -> list[Q]:
    clauses = [Q("terms", access=sorted(tokens))]
    if filters.type:
        clauses.append(Q("term", type=filters.type))
    if filters.theme:
        clauses.append(Q("term", themes=filters.theme))
    if filters.community is not None:
        clauses.append(Q("term", community=str(filters.community)))
    if filters.year is not None:
        clauses.append(Q("term", year=filters.year))
    return clauses


def to_hit(hit) -> Hit:
    data = hit.to_dict()
    date = data.get("date")
    return Hit(
        key=data["key"],
        title=data["title"],
        url=data["url"],
        type=data["type"],
        themes=list(data.get("theme_names") or []),
        date=datetime.date.fromisoformat(date[:10]) if date else None,
        summary=data.get("summary", ""),
        body=data.get("body", ""),
        attachment_text=data.get("attachment_text", ""),
    )


def bucket_counts(aggregation) -> dict[str, int]:
    return {str(bucket.key): bucket.doc_count for bucket in aggregation.buckets}


class ElasticsearchEngine:
    name = "elasticsearch"

    def __init__(self, url: str, prefix: str):
        self.client = client_for(url)
        # Index management (create, bulk fill, alias switch) may take much longer.
        self.admin = self.client.options(request_timeout=settings.KPO_ELASTICSEARCH_ADMIN_TIMEOUT)
        self.alias = f"{prefix}items"

    # --- searching ---

    def build_search(
        self, query, tokens, filters: Filters, offset, limit, sort, with_facets=True
    ) -> Search:
        """The request ``search`` sends (the benchmark times it on its own)."""
        # Every phrase must match and, without phrases, at least one word (best match).
        bonus = coordination(query)
        matching = Q(
            "bool",
            must=[phrase_clause(phrase, bonus) for phrase in query.phrases],
            should=[term_clause(term, bonus) for term in query.terms],
            minimum_should_match=0 if query.phrases or not query.terms else 1,
            filter=filter_clauses(tokens, filters),
        )
        search = (
            Search(using=self.client, index=self.alias)
            .query(
                Q(
                    "function_score",
                    query=matching,
                    functions=[{"field_value_factor": {"field": "boost", "missing": 0}}],
                    boost_mode="sum",
                )
            )
            .source(includes=[*HIT_FIELDS, "attachment_text"])
            .extra(track_total_hits=True, track_scores=True)
        )
        newest = {"date": {"order": "desc", "missing": "_last"}}
        if sort == SORT_DATE:
            search = search.sort(newest, "_score", "key")
        else:
            search = search.sort("_score", newest, "key")
        for name, field in FACET_FIELDS.items() if with_facets else ():
            search.aggs.bucket(name, "terms", field=field, size=FACET_SIZE)
        return search[offset : offset + limit]

    def search(
        self, query, tokens, filters: Filters, offset, limit, sort, with_facets=True
    ) -> EngineResult:
        search = self.build_search(query, tokens, filters, offset, limit, sort, with_facets)
        response = search.execute()
        return EngineResult(
            total=response.hits.total.value,
            hits=[to_hit(hit) for hit in response],
            best_score=max((hit.meta.score or 0 for hit in response), default=0),
            facets={
                name: bucket_counts(response.aggregations[name])
                for name in FACET_FIELDS
                if with_facets
            },
        )

    # --- writing ---

    def upsert(self, document) -> None:
        try:
            self.client.index(
                index=self.alias, id=document.key, document=source(document), require_alias=True
            )
        except NotFoundError:
            self.ensure_index()
            self.client.index(index=self.alias, id=document.key, document=source(document))

    def delete(self, key: str) -> None:
        self.client.options(ignore_status=404).delete(index=self.alias, id=key)

    def refresh(self) -> None:
        self.admin.indices.refresh(index=self.alias)

    # --- index management ---

    def new_index_name(self) -> str:
        return f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"

    def create_index(self, name: str, refresh_interval=DEFAULT_REFRESH_INTERVAL) -> None:
        self.admin.indices.create(
            index=name,
            settings={**INDEX_SETTINGS, "refresh_interval": refresh_interval},
            mappings=MAPPING,
        )

    def current_indices(self) -> list[str]:
        if not self.admin.indices.exists_alias(name=self.alias):
            return []
        return sorted(self.admin.indices.get_alias(name=self.alias))

    def ensure_index(self) -> None:
        """Create the first index behind the alias, unless there is one."""
        if self.current_indices():
            return
        name = self.new_index_name()
        self.create_index(name)
        self.admin.indices.put_alias(index=name, name=self.alias)

    def rebuild(self, documents, progress=None) -> str:
        """Index ``documents`` into a new index, then point the alias at it and drop the
        old one. Searches keep using the old index until the switch."""
        name = self.new_index_name()
        self.create_index(name, refresh_interval=BULK_REFRESH_INTERVAL)
        actions = (
            {"_index": name, "_id": document.key, "_source": source(document)}
            for document in documents
        )
        for done, _result in enumerate(
            streaming_bulk(self.admin, actions, chunk_size=BULK_CHUNK), start=1
        ):
            if progress:
                progress(done)
        self.admin.indices.put_settings(
            index=name, settings={"refresh_interval": DEFAULT_REFRESH_INTERVAL}
        )
        self.admin.indices.refresh(index=name)
        old = self.current_indices()
        self.admin.indices.update_aliases(
            actions=[
                {"add": {"index": name, "alias": self.alias}},
                *({"remove": {"index": index, "alias": self.alias}} for index in old),
            ]
        )
        for index in old:
            self.admin.indices.delete(index=index)
        return name

    def status(self) -> dict:
        indices = self.current_indices()
        count = self.admin.count(index=self.alias)["count"] if indices else 0
        return {"alias": self.alias, "indices": indices, "count": count}

    def drop(self) -> None:
        """Delete every index of this prefix (tests and a fresh start)."""
        self.admin.options(ignore_status=404).indices.delete(index=f"{self.alias}*")
