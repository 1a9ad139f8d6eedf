"""Page latency p50/p95 and throughput at a fixed concurrency against `make prod-local`
(gunicorn, PostgreSQL, Elasticsearch), as ratios to serving a static file (WhiteNoise)
from the same server in the same run.

Pages: home, a theme page, a handreiking, a community thread and the search API, each as
a logged-in member (no page cache: the besloten deel) and the public ones also as an
anonymous visitor (page cache). Prints a table and saves bench/results/page_latency.json.

    make prod-local
    .venv/bin/python bench/page_latency.py [--requests 300] [--concurrency 10]
"""

import argparse
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests

try:
    from bench import prod_local
except ModuleNotFoundError:  # run as a script: bench/ is on sys.path
    import prod_local

TARGET_RATIO = 5.0  # theme page and handreiking p95 under 5x the static file's p95


def pages_to_measure():
    """(label, path, as member) for each page type, found in prod-local's database."""
    from communities.models import Topic
    from kennisbank.models import HandreikingPage, ThemaPage

    theme = ThemaPage.objects.live().filter(visibility="public").order_by("pk").first()
    handreiking = HandreikingPage.objects.live().filter(visibility="public").order_by("pk").first()
    topic = Topic.objects.filter(community__slug="buitengebied").order_by("pk").first()
    return [
        ("home", "/", False),
        ("theme page", theme.url, False),
        ("handreiking", handreiking.url, False),
        ("home", "/", True),
        ("theme page", theme.url, True),
        ("handreiking", handreiking.url, True),
        ("community thread", topic.get_absolute_url(), True),
        ("search API", "/api/zoeken/?q=bibob", True),
    ]


def measure(base_url, path, sessions, requests_total, concurrency):
    """Send ``requests_total`` GETs with ``concurrency`` threads (one session each)."""
    local = threading.local()
    counter = iter(range(10**9))
    lock = threading.Lock()

    def session():
        if not hasattr(local, "session"):
            with lock:
                local.session = sessions[next(counter) % len(sessions)]
        return local.session

    def one(_):
        start = time.perf_counter()
        response = session().get(base_url + path, timeout=60, allow_redirects=False)
        elapsed = (time.perf_counter() - start) * 1000
        return elapsed, response.status_code

    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, range(concurrency * 2)))  # warm up connections and caches
        started = time.perf_counter()
        results = list(pool.map(one, range(requests_total)))
        wall = time.perf_counter() - started
    timings = sorted(elapsed for elapsed, _status in results)
    errors = sum(1 for _elapsed, status in results if status != 200)
    return {
        "path": path,
        "requests": requests_total,
        "errors": errors,
        "p50_ms": statistics.median(timings),
        "p95_ms": prod_local.percentile(timings, 0.95),
        "throughput_rps": requests_total / wall,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=10)
    args = parser.parse_args()
    prod_local.setup_django()
    base_url = prod_local.load_env()
    members = [prod_local.login(base_url) for _ in range(args.concurrency)]
    anonymous = [requests.Session() for _ in range(args.concurrency)]
    static = prod_local.static_reference(base_url)
    reference = measure(base_url, static, anonymous, args.requests, args.concurrency)
    rows = []
    for label, path, as_member in pages_to_measure():
        row = measure(
            base_url, path, members if as_member else anonymous, args.requests, args.concurrency
        )
        row.update(
            page=label,
            user="member" if as_member else "anonymous",
            p50_ratio=row["p50_ms"] / reference["p50_ms"],
            p95_ratio=row["p95_ms"] / reference["p95_ms"],
        )
        rows.append(row)
    print_table(reference, rows, args.concurrency)
    path = prod_local.save(
        "page_latency",
        {"concurrency": args.concurrency, "reference": reference, "pages": rows},
    )
    print(f"saved {path.relative_to(prod_local.ROOT)}")


def print_table(reference, rows, concurrency):
    print(
        f"concurrency {concurrency}; static file {reference['path']}: "
        f"p50 {reference['p50_ms']:.1f} ms, p95 {reference['p95_ms']:.1f} ms, "
        f"{reference['throughput_rps']:.0f} req/s"
    )
    header = (
        f"{'page':<18}{'user':<11}{'p50 ms':>8}{'p95 ms':>8}{'req/s':>7}"
        f"{'p50 ×static':>12}{'p95 ×static':>12}{'errors':>7}  target"
    )
    print(header)
    for row in rows:
        target = ""
        if row["page"] in ("theme page", "handreiking"):
            met = row["p95_ratio"] < TARGET_RATIO
            target = f"p95 < {TARGET_RATIO:.0f}× static: {'met' if met else 'NOT met'}"
        print(
            f"{row['page']:<18}{row['user']:<11}{row['p50_ms']:>8.1f}{row['p95_ms']:>8.1f}"
            f"{row['throughput_rps']:>7.0f}{row['p50_ratio']:>12.1f}{row['p95_ratio']:>12.1f}"
            f"{row['errors']:>7}  {target}"
        )


if __name__ == "__main__":
    main()
