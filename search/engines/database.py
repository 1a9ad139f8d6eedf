"""The database engine: matches the analysed terms stored on ``SearchDocument`` with plain
``LIKE`` queries, so it works the same on SQLite and PostgreSQL."""

from django.db.models import Case, Count, F, Q, Value, When
from django.db.models.functions import ExtractYear

from ..models import SearchDocument
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
from .weights import PREFIX_WEIGHTS, TERM_WEIGHTS


def contains(field: str, text: str) -> Q:
    return Q(**{f"{field}__contains": text})


def term_conditions(term) -> list[tuple[Q, int]]:
    """(condition, weight) pairs, heaviest first: the term's stems as whole terms, and its
    prefix on words."""
    conditions = []
    for field, weight in TERM_WEIGHTS:
        condition = Q()
        for form in term.forms:
            condition |= contains(field, f" {form} ")
        conditions.append((condition, weight))
    if term.prefix:
        conditions += [(contains(field, f" {term.prefix}"), w) for field, w in PREFIX_WEIGHTS]
    return sorted(conditions, key=lambda pair: -pair[1])


def phrase_conditions(phrase) -> list[tuple[Q, int]]:
    text = " ".join(phrase)
    return [(contains(field, f" {text} "), weight) for field, weight in TERM_WEIGHTS]


def any_of(conditions) -> Q:
    combined = Q()
    for condition, _weight in conditions:
        combined |= condition
    return combined


def filtered(tokens, filters: Filters):
    documents = SearchDocument.objects.filter(access__in=tokens)
    if filters.type:
        documents = documents.filter(type=filters.type)
    if filters.theme:
        documents = documents.filter(themes__slug=filters.theme)
    if filters.community is not None:
        documents = documents.filter(community_id=filters.community)
    if filters.year is not None:
        documents = documents.filter(date__year=filters.year)
    return documents


def counts(queryset, field) -> dict[str, int]:
    rows = queryset.order_by().values(field).annotate(count=Count("pk", distinct=True))
    return {str(row[field]): row["count"] for row in rows if row[field] is not None}


def facets(documents) -> dict[str, dict[str, int]]:
    return {
        FACET_TYPE: counts(documents, "type"),
        FACET_THEME: counts(documents, "themes__slug"),
        FACET_COMMUNITY: counts(documents, "community_id"),
        FACET_YEAR: counts(documents.annotate(year=ExtractYear("date")), "year"),
    }


def to_hit(document) -> Hit:
    return Hit(
        key=document.key,
        title=document.title,
        url=document.url,
        type=document.type,
        themes=[theme.name for theme in document.themes.all()],
        date=document.date,
        summary=document.summary,
        body=document.body,
        attachment_text=document.attachment_text,
    )


class DatabaseEngine:
    name = "database"

    def refresh(self) -> None:
        """Nothing to do: saved rows are searchable at once."""

    def search(
        self, query, tokens, filters: Filters, offset, limit, sort, with_facets=True
    ) -> EngineResult:
        parts = [term_conditions(term) for term in query.terms]
        parts += [phrase_conditions(phrase) for phrase in query.phrases]
        documents = filtered(tokens, filters)
        for conditions in parts:
            documents = documents.filter(any_of(conditions))
        matched = SearchDocument.objects.filter(pk__in=documents.values("pk"))
        scores = [
            Case(*(When(c, then=Value(weight)) for c, weight in conditions), default=Value(0))
            for conditions in parts
        ]
        score = sum(scores, F("boost"))
        ordered = matched.annotate(score=score)
        newest = F("date").desc(nulls_last=True)
        if sort == SORT_DATE:
            ordered = ordered.order_by(newest, "-score", "pk")
        else:
            ordered = ordered.order_by("-score", newest, "pk")
        page = ordered.select_related("content_type").prefetch_related("themes")
        return EngineResult(
            total=matched.count(),
            hits=[to_hit(document) for document in page[offset : offset + limit]],
            facets=facets(matched) if with_facets else {},
        )
