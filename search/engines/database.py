"""The database engine: full-text search on the analysed fields of ``SearchDocument``.

PostgreSQL matches the generated ``tsvector`` columns (GIN indexes), SQLite its FTS5 table
(``search/migrations/0005_full_text.py``); other databases are refused. Both receive the
terms ``search.analysis`` produced, so the Dutch stemming and accent folding are the same
as in Elasticsearch, and score like it (``weights.py``): each query word (or phrase) scores
the weight of the best field it matches times its rarity, plus the query's coordination,
and the item's boost is added once."""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchVectorExact, SearchVectorField
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import Case, Count, Expression, F, Q, Value, When
from django.db.models.expressions import Col, RawSQL
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
from .weights import BODY_WEIGHT, PREFIX_WEIGHTS, TERM_FIELDS, TERM_WEIGHTS, coordination


@dataclass(frozen=True)
class Match:
    """Documents with ``fields`` containing one of ``forms``, a word starting with ``prefix``,
    the words of ``phrase`` in order, or each of ``all_of`` anywhere in them (exactly one of
    the four is set)."""

    fields: tuple[str, ...]
    forms: tuple[str, ...] = ()
    prefix: str = ""
    phrase: tuple[str, ...] = ()
    all_of: tuple[str, ...] = ()


def term_conditions(term) -> list[tuple[Match, int]]:
    """(match, weight) pairs, heaviest first: the term's stems as whole terms, the phrases
    that mean the same, the pairs of parts of a compound and its prefix on words, each
    weight multiplied by the term's rarity."""
    conditions = [(Match((field,), forms=term.forms), weight) for field, weight in TERM_WEIGHTS]
    conditions += [pair for phrase in term.phrases for pair in phrase_conditions(phrase)]
    conditions += [(Match(TERM_FIELDS, all_of=split), BODY_WEIGHT) for split in term.splits]
    if term.prefix:
        conditions += [
            (Match((field,), prefix=term.prefix), weight) for field, weight in PREFIX_WEIGHTS
        ]
    return sorted(
        ((match, weight * term.rarity) for match, weight in conditions),
        key=lambda pair: -pair[1],
    )


def phrase_conditions(phrase) -> list[tuple[Match, int]]:
    return [(Match((field,), phrase=phrase), weight) for field, weight in TERM_WEIGHTS]


def phrase_parts(query) -> list[list[tuple[Match, int]]]:
    """Per phrase, its weighted matches (a document matching one matches the phrase)."""
    return [phrase_conditions(phrase) for phrase in query.phrases]


def word_parts(query) -> list[list[tuple[Match, int]]]:
    return [term_conditions(term) for term in query.terms]


def unweighted(parts) -> list[list[Match]]:
    return [[match for match, _weight in part] for part in parts]


def merged(matches: list[Match]) -> list[Match]:
    """The same documents in fewer matches: one per pattern, over all its fields."""
    fields: dict[Match, list[str]] = {}
    for match in matches:
        pattern = Match((), match.forms, match.prefix, match.phrase, match.all_of)
        fields.setdefault(pattern, []).extend(match.fields)
    return [
        Match(
            tuple(dict.fromkeys(names)),
            pattern.forms,
            pattern.prefix,
            pattern.phrase,
            pattern.all_of,
        )
        for pattern, names in fields.items()
    ]


class PostgresFullText:
    """``tsvector`` columns (each field has a weight label in each column holding it):
    ``terms_vector`` has the stems of title, summary, themes and body, ``attachment_vector``
    those of the attachments and ``words_vector`` the folded words, for finding documents
    (GIN indexes); the small ``heading_vector`` has the title, summary and theme stems and
    the title words, for scoring the documents found (migration 0007)."""

    COLUMNS = {
        "heading_vector": {
            "title_terms": "A",
            "summary_terms": "B",
            "title_words": "C",
            "theme_terms": "D",
        },
        "terms_vector": {
            "title_terms": "A",
            "summary_terms": "B",
            "theme_terms": "C",
            "body_terms": "D",
        },
        "attachment_vector": {"attachment_terms": "D"},
        "words_vector": {"title_words": "A", "words": "D"},
    }
    INDEXED = ("terms_vector", "attachment_vector", "words_vector")

    def placed(self, fields) -> dict[str, list[str]]:
        """The fields grouped by the column to query them in: the one holding all of them
        (the small heading column first), or else each in the first indexed column holding
        it."""
        for column, labels in self.COLUMNS.items():
            if set(fields) <= set(labels):
                return {column: list(fields)}
        places: dict[str, list[str]] = {}
        for field in fields:
            column = next(name for name in self.INDEXED if field in self.COLUMNS[name])
            places.setdefault(column, []).append(field)
        return places

    def labels(self, column: str, fields) -> str:
        """Weight labels restricting a query to ``fields`` ("" for the whole column)."""
        labels = self.COLUMNS[column]
        return "" if set(fields) == set(labels) else "".join(sorted(labels[f] for f in fields))

    def tsquery(self, match: Match, column: str, fields) -> str:
        if match.phrase and len(fields) > 1:
            # The fields follow each other in the column: a phrase must not run from one
            # into the next, so it is looked for in each field on its own.
            return " | ".join(f"({self.tsquery(match, column, [field])})" for field in fields)
        labels = self.labels(column, fields)

        def lexeme(text, suffix=""):
            return f"'{text}':{suffix}{labels}" if suffix or labels else f"'{text}'"

        if match.prefix:
            return lexeme(match.prefix, "*")
        if match.phrase:
            return " <-> ".join(lexeme(word) for word in match.phrase)
        if match.all_of:
            return "(" + " & ".join(lexeme(word) for word in match.all_of) + ")"
        return "(" + " | ".join(lexeme(form) for form in match.forms) + ")"

    def condition(self, matches: list[Match]) -> Q:
        combined = Q()
        for match in merged(matches):
            for column, fields in self.placed(match.fields).items():
                query = SearchQuery(
                    self.tsquery(match, column, fields),
                    search_type="raw",
                    config="simple",
                )
                combined |= Q(SearchVectorExact(Vector(column), query))
        return combined

    def filter(self, documents, required: list[list[Match]], optional: list[list[Match]]):
        for matches in required:
            documents = documents.filter(self.condition(matches))
        if optional:
            documents = documents.filter(self.condition([m for ms in optional for m in ms]))
        return documents


class SqliteFullText:
    """The FTS5 table ``search_searchdocument_fts``, a column per analysed field."""

    MATCHING = (
        "SELECT rowid FROM search_searchdocument_fts WHERE search_searchdocument_fts MATCH %s"
    )

    def expression(self, match: Match) -> str:
        def quoted(text):
            return '"' + text.replace('"', '""') + '"'

        if match.prefix:
            pattern = quoted(match.prefix) + "*"
        elif match.phrase:
            pattern = quoted(" ".join(match.phrase))
        elif match.all_of:
            pattern = "(" + " AND ".join(quoted(word) for word in match.all_of) + ")"
        else:
            pattern = "(" + " OR ".join(quoted(form) for form in match.forms) + ")"
        return "{" + " ".join(match.fields) + "} : " + pattern

    def any_of(self, matches: list[Match]) -> str:
        return "(" + " OR ".join(self.expression(match) for match in merged(matches)) + ")"

    def matching(self, text: str) -> RawSQL:
        """The rowids matching an FTS5 query (passed as a parameter, never in the SQL)."""
        return RawSQL(self.MATCHING, [text])  # noqa: S611

    def condition(self, matches: list[Match]) -> Q:
        return Q(pk__in=self.matching(self.any_of(matches)))

    def filter(self, documents, required: list[list[Match]], optional: list[list[Match]]):
        """One FTS5 query for the whole search: every required part and one optional."""
        clauses = [self.any_of(matches) for matches in required]
        if optional:
            clauses.append(self.any_of([match for matches in optional for match in matches]))
        if not clauses:
            return documents
        return documents.filter(pk__in=self.matching(" AND ".join(clauses)))


class Vector(Expression):
    """A ``tsvector`` column of ``search_searchdocument`` that the model does not declare
    (the database generates it)."""

    def __init__(self, column: str):
        super().__init__(output_field=SearchVectorField())
        self.column = column

    def resolve_expression(self, query=None, *args, **kwargs):
        target = SearchVectorField()
        target.set_attributes_from_name(self.column)
        return Col(query.get_initial_alias(), target)


FULL_TEXT = {"postgresql": PostgresFullText, "sqlite": SqliteFullText}


def full_text():
    try:
        return FULL_TEXT[connection.vendor]()
    except KeyError:
        raise ImproperlyConfigured(
            f"The database search engine needs PostgreSQL or SQLite, not {connection.vendor}."
        ) from None


def filtered(tokens, filters: Filters):
    documents = SearchDocument.objects.filter(access__in=tokens)
    if filters.type:
        documents = documents.filter(type=filters.type)
    if filters.theme:
        tagged = SearchDocument.themes.through.objects.filter(theme__slug=filters.theme)
        documents = documents.filter(pk__in=tagged.values("searchdocument_id"))
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

    def __init__(self):
        self.full_text = full_text()

    def refresh(self) -> None:
        """Nothing to do: saved rows are searchable at once."""

    def score(self, part: list[tuple[Match, int]], matched_by_all: bool, bonus: int) -> Case:
        """The weight of the best match of one query part, plus ``bonus`` (the query's
        coordination) when it matches. When every document found matches the part (a
        phrase, or the only word), the lightest match needs no check."""
        lightest = min(weight for _match, weight in part)
        checked = [(m, w) for m, w in part if w > lightest or not matched_by_all]
        return Case(
            *(
                When(self.full_text.condition([match]), then=Value(weight + bonus))
                for match, weight in checked
            ),
            default=Value(lightest + bonus if matched_by_all else 0),
        )

    def matching(self, query, tokens, filters: Filters):
        """The documents the user may see that match every phrase of ``query`` and, without
        phrases, at least one of its words (best match: not all of them)."""
        phrases = unweighted(phrase_parts(query))
        return self.full_text.filter(
            filtered(tokens, filters), phrases, [] if phrases else unweighted(word_parts(query))
        )

    def scores(self, query) -> list[Case]:
        words = word_parts(query)
        bonus = coordination(query)
        return [self.score(part, True, bonus) for part in phrase_parts(query)] + [
            self.score(part, len(words) == 1, bonus) for part in words
        ]

    def search(
        self, query, tokens, filters: Filters, offset, limit, sort, with_facets=True
    ) -> EngineResult:
        matched = self.matching(query, tokens, filters)
        ordered = matched.annotate(score=sum(self.scores(query), F("boost")))
        newest = F("date").desc(nulls_last=True)
        if sort == SORT_DATE:
            ordered = ordered.order_by(newest, "-score", "pk")
        else:
            ordered = ordered.order_by("-score", newest, "pk")
        page = ordered.select_related("content_type").prefetch_related("themes")
        documents = list(page[offset : offset + limit])
        return EngineResult(
            total=matched.count(),
            hits=[to_hit(document) for document in documents],
            best_score=max((document.score for document in documents), default=0),
            facets=facets(matched) if with_facets else {},
        )
