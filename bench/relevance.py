"""Search relevance per engine against a plain BM25 baseline (issue 15, item 5): nDCG@10,
recall@10 and the zero-result rate of hand-judged Dutch queries, searched as a member.

The corpus is the demo content plus about 300 synthetic knowledge items on RIEC-LIEC
subjects (``bench/relevance_corpus.py``, seeded). The queries and their graded judgments
(2: exactly about it, 1: partly relevant, unlisted: 0) are in
``bench/relevance_judgments.toml``; they name items by a stable key (the page slug, see
``item_key``), never by database id.

Each query goes through the one query interface, ``search.query.search(text, user,
per_page=10, with_facets=False)``, on the ``database`` engine and, when
``ELASTICSEARCH_URL`` is set, on ``elasticsearch``; the result URLs are mapped back to item
keys. The baseline is ``rank_bm25.BM25Okapi`` over the search documents the same user may
see (title, summary and body), tokenised as lower-cased, accent-folded words stemmed with
the Snowball Dutch stemmer.

Metrics, per query, averaged over the queries:

- nDCG@10: DCG with linear gains (the grade) and the log2(rank + 1) discount, divided by
  the DCG of the ideal ranking of the judged items the user may see.
- recall@10: the relevant (grade >= 1) visible items in the top 10, divided by
  min(10, number of relevant visible items), so 1.0 is reachable for every query.
- zero-result rate: the share of queries without any result.

By default it builds a throw-away SQLite database ``var/bench-relevance.sqlite3`` (removed
and rebuilt on every run; media in ``var/bench-relevance-media``), so it needs no server::

    .venv/bin/python bench/relevance.py

With PostgreSQL and Elasticsearch of its own (never point it at real data)::

    DATABASE_URL=postgres://kpo:kpo-test@127.0.0.1:54339/kpo_relevance \\
    ELASTICSEARCH_URL=http://127.0.0.1:9259 \\
        .venv/bin/python bench/relevance.py

``--list`` prints the items the user may see (key, type, title) for writing judgments.
Prints a table and the per-query nDCG and saves it all as JSON in ``bench/results/``.
"""

import argparse
import json
import math
import os
import re
import sys
import time
import tomllib
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

JUDGMENTS = ROOT / "bench" / "relevance_judgments.toml"
RESULTS = ROOT / "bench" / "results"
SQLITE = ROOT / "var" / "bench-relevance.sqlite3"
MEDIA = ROOT / "var" / "bench-relevance-media"
DEFAULT_USER = "lid@kpo.example"
DEPTH = 10
BASELINE = "bm25"
ENGINE_GAP = 0.03
WORD_RE = re.compile(r"\w+")


# --- judgments ---


def load_judgments(path=JUDGMENTS) -> list[dict]:
    """The queries with their grades: ``[{"text", "grades": {key or "prefix*": grade}}]``."""
    with open(path, "rb") as file:
        queries = tomllib.load(file)["query"]
    texts = [query["text"] for query in queries]
    duplicates = {text for text in texts if texts.count(text) > 1}
    if duplicates:
        raise SystemExit(f"{path.name}: queries judged twice: {sorted(duplicates)}")
    for query in queries:
        for key, grade in query.get("grades", {}).items():
            if grade not in (0, 1, 2):
                raise SystemExit(f"{path.name}: {query['text']!r}: grade {grade!r} for {key}")
    return queries


def expand_grades(grades: dict, keys) -> dict[str, int]:
    """Grades per item key. A key ending in ``*`` grades every item whose key starts with
    the rest (all items of a synthetic subject: ``rb-horeca-sluiting-*``); a plain key
    given as well overrides it. Unknown keys and patterns that match nothing are errors,
    so a typo cannot silently drop a judgment."""
    expanded, exact = {}, {}
    for key, grade in grades.items():
        if key.endswith("*"):
            matches = [candidate for candidate in keys if candidate.startswith(key[:-1])]
            if not matches:
                raise SystemExit(f"judgment pattern {key!r} matches no item")
            expanded.update(dict.fromkeys(matches, grade))
        elif key not in keys:
            raise SystemExit(f"judged item {key!r} is not in the corpus")
        else:
            exact[key] = grade
    expanded.update(exact)
    return {key: grade for key, grade in expanded.items() if grade > 0}


# --- metrics ---


def dcg(gains) -> float:
    return sum(gain / math.log2(rank + 1) for rank, gain in enumerate(gains, start=1))


def ndcg(ranked_keys, grades: dict[str, int], depth=DEPTH) -> float:
    ideal = dcg(sorted(grades.values(), reverse=True)[:depth])
    if not ideal:
        return 0.0
    return dcg(grades.get(key, 0) for key in ranked_keys[:depth]) / ideal


def recall(ranked_keys, grades: dict[str, int], depth=DEPTH) -> float:
    relevant = {key for key, grade in grades.items() if grade >= 1}
    if not relevant:
        return 0.0
    found = relevant.intersection(ranked_keys[:depth])
    return len(found) / min(depth, len(relevant))


# --- the baseline ---


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class Baseline:
    """Plain BM25 (``rank_bm25.BM25Okapi``, its default k1 and b) over the visible items."""

    def __init__(self, documents: dict[str, str]):
        import snowballstemmer
        from rank_bm25 import BM25Okapi

        self.stemmer = snowballstemmer.stemmer("dutch")
        self.keys = list(documents)
        self.tokens = [self.tokenise(text) for text in documents.values()]
        self.vocabularies = [set(tokens) for tokens in self.tokens]
        self.bm25 = BM25Okapi(self.tokens)

    def tokenise(self, text: str) -> list[str]:
        return self.stemmer.stemWords(WORD_RE.findall(fold(text)))

    def search(self, query: str, depth=DEPTH) -> tuple[list[str], int]:
        """The keys of the top ``depth`` items and the number of items matching any term."""
        terms = self.tokenise(query)
        scores = self.bm25.get_scores(terms)
        matching = [
            index
            for index, vocabulary in enumerate(self.vocabularies)
            if vocabulary.intersection(terms)
        ]
        ranked = sorted(matching, key=lambda index: (-scores[index], self.keys[index]))
        return [self.keys[index] for index in ranked[:depth]], len(matching)


# --- the corpus ---


def item_key(document, objects) -> str:
    """A key that stays the same when the corpus is built again: the slug of a page, and
    for community posts and files the community and topic or file title (plus the post's
    position in its topic)."""
    from django.utils.text import slugify

    instance = objects.get((document.content_type_id, document.object_id))
    slug = getattr(instance, "slug", None)
    if slug:
        return slug
    model = document.content_type.model
    if model == "post" and instance is not None:
        position = instance.topic.posts.filter(pk__lt=instance.pk).count()
        community = instance.topic.community.slug
        return f"post:{community}:{slugify(instance.topic.title)[:60]}:{position}"
    if model == "communityfile" and instance is not None:
        return f"file:{instance.community.slug}:{slugify(document.title)[:60]}"
    return f"{model}:{slugify(document.title)[:60]}"


def corpus_keys(documents):
    """``{document pk: key}`` for the given search documents."""
    by_type = {}
    for document in documents:
        by_type.setdefault(document.content_type, []).append(document.object_id)
    objects = {}
    for content_type, ids in by_type.items():
        model = content_type.model_class()
        for instance in model._default_manager.filter(pk__in=ids):
            objects[(content_type.pk, instance.pk)] = getattr(instance, "specific", instance)
    keys = {document.pk: item_key(document, objects) for document in documents}
    # Slugs are unique among siblings only: name a page whose slug another item has too by
    # the last two segments of its URL (``trainingen/kennisevent-bibob``).
    seen = {}
    for key in keys.values():
        seen[key] = seen.get(key, 0) + 1
    for document in documents:
        if seen[keys[document.pk]] > 1:
            keys[document.pk] = "/".join(document.url.strip("/").split("/")[-2:])
    return keys


def build_database(fresh: bool, log):
    from django.core.management import call_command

    from bench.relevance_corpus import add_items, draw_items
    from search.models import SearchDocument

    if fresh:
        log("migrating a fresh database")
    call_command("migrate", verbosity=0)
    log("loading the demo content")
    call_command("kpo_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    add_items(draw_items(), log=log)
    log("rebuilding the search documents (and the Elasticsearch index, if configured)")
    call_command("kpo_search_index", "rebuild", stdout=open(os.devnull, "w"))  # noqa: SIM115
    log(f"{SearchDocument.objects.count()} search documents")


# --- measuring ---


def run_engine(queries, user, url_keys, elasticsearch_url):
    """Per query: the top keys, the result count and the engine that answered."""
    from django.test import override_settings

    from search.query import search

    rows = []
    with override_settings(ELASTICSEARCH_URL=elasticsearch_url):
        for query in queries:
            results = search(query["text"], user, per_page=DEPTH, with_facets=False)
            keys = [url_keys.get(result.url, f"unknown:{result.url}") for result in results.results]
            rows.append(
                {
                    "keys": keys,
                    "count": results.count,
                    "engine": results.engine,
                    "fallback": results.fallback,
                }
            )
    return rows


def score(rows, judged):
    per_query = []
    for row, (query, grades) in zip(rows, judged, strict=True):
        per_query.append(
            {
                "query": query["text"],
                "ndcg": round(ndcg(row["keys"], grades), 4),
                "recall": round(recall(row["keys"], grades), 4),
                **row,
            }
        )
    count = len(per_query)
    return {
        "ndcg": round(sum(row["ndcg"] for row in per_query) / count, 4),
        "recall": round(sum(row["recall"] for row in per_query) / count, 4),
        "zero_result_rate": round(sum(1 for row in per_query if not row["count"]) / count, 4),
        "queries": per_query,
    }


def occurring_queries(queries, vocabulary) -> set[str]:
    """The queries of which at least one word occurs in an item the user may see."""
    return {
        query["text"]
        for query in queries
        if any(word in vocabulary for word in WORD_RE.findall(fold(query["text"])))
    }


def target_check(measured, occurring) -> list[tuple[str, bool | None, str]]:
    engines = [name for name in measured if name != BASELINE]
    base = measured[BASELINE]["ndcg"]
    checks = []
    for name in engines:
        value = measured[name]["ndcg"]
        checks.append((f"{name} nDCG@10 >= baseline", value >= base, f"{value:.3f} vs {base:.3f}"))
    if len(engines) > 1:
        values = [measured[name]["ndcg"] for name in engines]
        gap = max(values) - min(values)
        checks.append((f"engines within {ENGINE_GAP} nDCG@10", gap <= ENGINE_GAP, f"gap {gap:.3f}"))
    else:
        checks.append((f"engines within {ENGINE_GAP} nDCG@10", None, "only one engine measured"))
    for name in engines:
        empty = [
            row["query"]
            for row in measured[name]["queries"]
            if not row["count"] and row["query"] in occurring
        ]
        detail = f"{len(empty)} of {len(occurring)}" + (f": {', '.join(empty)}" if empty else "")
        checks.append((f"{name}: no zero results when a word occurs", not empty, detail))
    return checks


# --- output ---


def summary_table(measured) -> str:
    header = f"{'engine':<14} {'nDCG@10':>8} {'recall@10':>10} {'zero-result':>12}"
    lines = [header, "-" * len(header)]
    for name, figures in measured.items():
        lines.append(
            f"{name:<14} {figures['ndcg']:>8.3f} {figures['recall']:>10.3f} "
            f"{figures['zero_result_rate']:>12.3f}"
        )
    return "\n".join(lines)


def per_query_table(measured) -> str:
    names = list(measured)
    width = max(len(row["query"]) for row in measured[BASELINE]["queries"])
    header = f"{'query':<{width}} " + " ".join(f"{name:>22}" for name in names)
    lines = [header, "-" * len(header)]
    for index, row in enumerate(measured[BASELINE]["queries"]):
        cells = []
        for name in names:
            other = measured[name]["queries"][index]
            cells.append(f"{other['ndcg']:>6.3f} ({other['count']:>4} found)".rjust(22))
        lines.append(f"{row['query']:<{width}} " + " ".join(cells))
    lines.append("nDCG@10 per query (results found)")
    return "\n".join(lines)


def check_lines(checks) -> str:
    marks = {True: "met", False: "NOT met", None: "n/a"}
    return "\n".join(f"  {marks[ok]:<8} {label} ({detail})" for label, ok, detail in checks)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--user", default=DEFAULT_USER, help="email of the user who searches")
    parser.add_argument(
        "--keep", action="store_true", help="reuse the SQLite file of the previous run"
    )
    parser.add_argument(
        "--list", action="store_true", help="print the items the user may see and stop"
    )
    args = parser.parse_args()

    fresh = False
    if not os.environ.get("DATABASE_URL"):
        SQLITE.parent.mkdir(exist_ok=True)
        if SQLITE.exists() and not args.keep:
            SQLITE.unlink()
        fresh = not SQLITE.exists()
        os.environ["DATABASE_URL"] = f"sqlite:///{SQLITE}"
        os.environ.setdefault("KPO_MEDIA_ROOT", str(MEDIA))
    os.environ.setdefault("KPO_SEARCH_INDEX_PREFIX", "kpo-relevance-")
    elasticsearch_url = os.environ.get("ELASTICSEARCH_URL", "")

    from bench.corpus import setup_django

    setup_django()
    from django.conf import settings
    from django.contrib.auth import get_user_model

    from kpo.access import access_tokens
    from search.models import SearchDocument

    settings.DEBUG = False  # no query log
    clock = time.monotonic()

    def log(message):
        print(f"{time.monotonic() - clock:7.1f}s {message}", flush=True)

    if not (args.keep and not fresh):
        build_database(fresh, log)
    user = get_user_model().objects.get(email=args.user)
    documents = list(SearchDocument.objects.select_related("content_type").order_by("pk"))
    keys = corpus_keys(documents)
    tokens = access_tokens(user)
    visible = [document for document in documents if document.access in tokens]
    if args.list:
        for document in visible:
            print(f"{keys[document.pk]:<70} {document.type:<14} {document.title}")
        return

    queries = load_judgments()
    visible_keys = {keys[document.pk] for document in visible}
    judged = []
    for query in queries:
        grades = expand_grades(query.get("grades", {}), set(keys.values()))
        visible_grades = {key: grade for key, grade in grades.items() if key in visible_keys}
        if not visible_grades:
            raise SystemExit(f"{query['text']!r}: no relevant item that {args.user} may see")
        judged.append((query, visible_grades))
    url_keys = {document.url: keys[document.pk] for document in visible}
    texts = {
        keys[document.pk]: f"{document.title} {document.summary} {document.body}"
        for document in visible
    }
    vocabulary = {
        word
        for document in visible
        for word in WORD_RE.findall(
            fold(f"{document.title} {document.summary} {document.body} {document.attachment_text}")
        )
    }

    log(f"{len(queries)} queries, {len(visible)} items visible to {args.user}")
    baseline = Baseline(texts)
    baseline_rows = []
    for query in queries:
        top, count = baseline.search(query["text"])
        baseline_rows.append({"keys": top, "count": count, "engine": BASELINE, "fallback": False})
    measured = {BASELINE: score(baseline_rows, judged)}
    engines = [("database", "")]
    if elasticsearch_url:
        engines.append(("elasticsearch", elasticsearch_url))
    for name, url in engines:
        log(f"searching on {name}")
        rows = run_engine(queries, user, url_keys, url)
        answered = {row["engine"] for row in rows}
        if answered != {name} or any(row["fallback"] for row in rows):
            log(f"warning: {name} queries were answered by {sorted(answered)} (fallback)")
        measured[name] = score(rows, judged)
    # The engines first, the baseline last, in the tables.
    measured = {name: measured[name] for name in [*dict(engines), BASELINE]}
    checks = target_check(measured, occurring_queries(queries, vocabulary))

    report = "\n\n".join(
        [
            per_query_table(measured),
            summary_table(measured),
            "Targets:\n" + check_lines(checks),
        ]
    )
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"relevance-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(
        json.dumps(
            {
                "user": args.user,
                "database": settings.DATABASES["default"]["ENGINE"],
                "elasticsearch": bool(elasticsearch_url),
                "visible_items": len(visible),
                "depth": DEPTH,
                "judgments": {query["text"]: grades for query, grades in judged},
                "engines": measured,
                "targets": [
                    {"target": label, "met": ok, "detail": detail} for label, ok, detail in checks
                ],
            },
            indent=2,
            ensure_ascii=False,
        )
    )
    print(f"\n{report}\nsaved {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
