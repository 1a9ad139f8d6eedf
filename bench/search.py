"""Search latency per engine at growing corpus sizes: p50 and p95 of ``/api/zoeken/`` on
the database engine and on Elasticsearch, and of the raw Elasticsearch request that the
API sends for the same search (client round trip, and the server's own ``took``).

The corpus comes from ``bench/corpus.py`` (seeded, bulk inserts): for each size it adds
knowledge items up to that number and one community topic with four replies per 25 items,
then rebuilds the search documents and the Elasticsearch index (bulk). Sizes grow within
one database, so 1k, 10k and 100k run one after the other.

Needs a database of its own and an Elasticsearch node (never point it at real data)::

    DATABASE_URL=postgres://kpo:kpo-test@127.0.0.1:54334/kpo_bench \\
    ELASTICSEARCH_URL=http://127.0.0.1:9254 \\
        .venv/bin/python bench/search.py --sizes 1000 10000 100000 --requests 30 \\
            --database-requests 5

Prints a table and saves it as JSON in ``bench/results/``.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import build_corpus, member_email, setup_django  # noqa: E402

QUERIES = [
    "handreiking",
    "witwassen vastgoed",
    "bibob horeca",
    '"bestuurlijk afpakken"',
    "financiële stromen gemeenten",
    "ondermij",
    "crypto",
    "vakantieparken buitengebied",
]
WARMUP = 2
TOPIC_EVERY = 25
RESULTS = ROOT / "bench" / "results"


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summary(milliseconds):
    return {
        "p50": round(statistics.median(milliseconds), 2),
        "p95": round(percentile(milliseconds, 0.95), 2),
        "n": len(milliseconds),
    }


def timed(function, repeat):
    for _ in range(WARMUP):
        function()
    durations = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        durations.append((time.perf_counter() - started) * 1000)
    return durations


def api_latency(client, settings_override, repeat):
    """Milliseconds per ``/api/zoeken/`` request over all queries, with one engine."""
    from django.test import override_settings

    durations = []
    with override_settings(**settings_override):
        for query in QUERIES:

            def request(query=query):
                response = client.get("/api/zoeken/", {"q": query})
                assert response.status_code == 200, response.status_code

            durations += timed(request, repeat)
    return durations


def raw_elasticsearch_latency(engine, tokens, repeat):
    """The request the API sends, timed on its own: client round trip and server ``took``."""
    from search.analysis import parse_query
    from search.engines import SORT_RELEVANCE, Filters

    round_trips, took = [], []
    for query in QUERIES:
        search = engine.build_search(parse_query(query), tokens, Filters(), 0, 10, SORT_RELEVANCE)
        body = search.to_dict()

        def request(body=body):
            took.append(engine.client.search(index=engine.alias, body=body)["took"])

        round_trips += timed(request, repeat)
    return round_trips, took[-len(round_trips) :]


def measure(size, repeat, elasticsearch_url, log, database_repeat=None, build=True):
    from django.contrib.auth import get_user_model
    from django.test import Client

    from kpo.access import access_tokens
    from search.engines import elasticsearch_engine
    from search.models import SearchDocument

    load_before = os.getloadavg()
    started = time.monotonic()
    if build:
        build_corpus(
            items=size, members=min(2000, max(50, size // 10)), topics=size // TOPIC_EVERY, log=log
        )
    build_seconds = time.monotonic() - started
    member = get_user_model().objects.get(email=member_email(1))
    client = Client()
    client.force_login(member)
    log(f"{size} items: timing the API on the database engine")
    database = api_latency(client, {"ELASTICSEARCH_URL": ""}, database_repeat or repeat)
    log(f"{size} items: timing the API on Elasticsearch and the raw request")
    api_es = api_latency(client, {"ELASTICSEARCH_URL": elasticsearch_url}, repeat)
    raw, took = raw_elasticsearch_latency(elasticsearch_engine(), access_tokens(member), repeat)
    return {
        "load_average": [round(load, 1) for load in (*load_before, *os.getloadavg())],
        "items": size,
        "documents": SearchDocument.objects.count(),
        "build_seconds": round(build_seconds, 1),
        "api_database": summary(database),
        "api_elasticsearch": summary(api_es),
        "raw_elasticsearch": summary(raw),
        "elasticsearch_took": summary(took),
    }


def ratio(one, other):
    return round(one / other, 1) if other else None


def target_ms(row) -> float:
    """Issue 9's target for the API on Elasticsearch: 1.5 x the raw p95 + 20 ms."""
    return round(1.5 * row["raw_elasticsearch"]["p95"] + 20, 1)


def verdict(row) -> str:
    gap = row["api_elasticsearch"]["p95"] - target_ms(row)
    return "met" if gap < 0 else f"+{gap:.0f} ms"


def table(rows) -> str:
    header = (
        f"{'items':>7} {'docs':>7} | {'db p50':>8} {'db p95':>8} | {'es p50':>8} {'es p95':>8} | "
        f"{'raw p50':>8} {'raw p95':>8} {'took50':>6} | {'es/raw':>6} {'db/es':>6} | "
        f"{'target':>7} {'verdict':>8}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        db, es, raw = row["api_database"], row["api_elasticsearch"], row["raw_elasticsearch"]
        lines.append(
            f"{row['items']:>7} {row['documents']:>7} | {db['p50']:>8} {db['p95']:>8} | "
            f"{es['p50']:>8} {es['p95']:>8} | {raw['p50']:>8} {raw['p95']:>8} "
            f"{row['elasticsearch_took']['p50']:>6} | "
            f"{ratio(es['p95'], raw['p95']):>6} {ratio(db['p95'], es['p95']):>6} | "
            f"{target_ms(row):>7} {verdict(row):>8}"
        )
    lines.append(
        "latency in ms; es/raw and db/es are ratios of the p95s; target: API on Elasticsearch "
        "p95 under 1.5 x raw p95 + 20 ms (verdict: met, or how far above)"
    )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--requests", type=int, default=30, help="timed requests per query")
    parser.add_argument(
        "--database-requests",
        type=int,
        default=None,
        help="timed requests per query on the database engine (default: --requests); its "
        "latency grows with the corpus, so fewer keep a 100k run short",
    )
    parser.add_argument(
        "--measure-only",
        action="store_true",
        help="measure a database (and index) an earlier run built, without adding to it or "
        "rebuilding the search documents (one size)",
    )
    args = parser.parse_args()
    elasticsearch_url = os.environ.get("ELASTICSEARCH_URL", "")
    if not (os.environ.get("DATABASE_URL") and elasticsearch_url):
        raise SystemExit("Set DATABASE_URL (a database of its own) and ELASTICSEARCH_URL.")
    os.environ.setdefault("KPO_SEARCH_INDEX_PREFIX", "kpo-bench-")
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.DEBUG = False  # no query log
    call_command("migrate", verbosity=0)
    call_command("kpo_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    clock = time.monotonic()

    def log(message):
        print(f"{time.monotonic() - clock:7.1f}s {message}", flush=True)

    rows = []
    for size in sorted(args.sizes):
        rows.append(
            measure(
                size,
                args.requests,
                elasticsearch_url,
                log,
                args.database_requests,
                build=not args.measure_only,
            )
        )
        print(table(rows), flush=True)
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"search-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(
        json.dumps(
            {"queries": QUERIES, "requests": args.requests, "rows": rows}, indent=2, default=str
        )
    )
    print(f"\n{table(rows)}\nsaved {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
