"""Page latency and SQL queries per page, in-process, against a fresh demo database.

Prints a table and saves it as JSON in bench/results/. Latency is reported as a
ratio to serving a static file through the same Django stack in the same run, so
figures compare across machines.

    .venv/bin/python bench/page_latency.py [--requests 200]
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = "/static/css/kpo.css"
PAGES = ["/", "/kennisbank/", "/nieuws/", "/zoeken/?q=bibob", "/accounts/login/"]


def setup_django(database_path):
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "kpo.settings.dev"
    os.environ["DATABASE_URL"] = f"sqlite:///{database_path}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("kpo_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


def measure(client, path, requests):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()  # DEBUG's query log is bounded; a full log would hide new queries
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(path)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {
        "path": path,
        "queries": len(queries),
        "p50_ms": statistics.median(timings),
        "p95_ms": timings[int(len(timings) * 0.95) - 1],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp) / "bench.sqlite3")
        from django.test import Client

        client = Client(SERVER_NAME="localhost")
        reference = measure(client, REFERENCE, args.requests)
        rows = [measure(client, path, args.requests) for path in PAGES]
    for row in rows:
        row["p50_ratio"] = row["p50_ms"] / reference["p50_ms"]
        row["p95_ratio"] = row["p95_ms"] / reference["p95_ms"]
    print(
        f"reference {REFERENCE}: p50 {reference['p50_ms']:.2f} ms, p95 {reference['p95_ms']:.2f} ms"
    )
    print(f"{'page':<24}{'queries':>8}{'p50 ms':>9}{'p95 ms':>9}{'p50 ×ref':>10}{'p95 ×ref':>10}")
    for row in rows:
        print(
            f"{row['path']:<24}{row['queries']:>8}{row['p50_ms']:>9.2f}{row['p95_ms']:>9.2f}"
            f"{row['p50_ratio']:>10.1f}{row['p95_ratio']:>10.1f}"
        )
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    output = results / "page_latency.json"
    output.write_text(json.dumps({"reference": reference, "pages": rows}, indent=2))
    print(f"saved {output.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
