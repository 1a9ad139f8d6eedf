"""How page latency grows with the size of the kennisbank: 1,000, 10,000 and 100,000
knowledge items (bench/corpus.py), in-process with Django's test client on one fresh
database (SQLite unless DATABASE_URL is set, e.g. an empty PostgreSQL database), as a
logged-in member, page cache off (fragment and routing caches on, as in production).

For each size: p50/p95 of the home page, the kennisbank index, a theme page (its first
and its last page), a handreiking, a community thread of the demo, a thread of 2,000
posts (its first and its newest page) and the search API (database engine; its documents are
rebuilt up to ``--search-up-to`` items, beyond that the search row is left out;
``--no-index`` builds none). The theme page and the handreiking are also measured "after a
publish": each request starts a new cache generation, so nothing comes from the fragment
or routing caches (the session and access tokens still do). Latency is also given as a
ratio to the same page at the smallest size. Prints a table and saves
bench/results/growth.json.

    .venv/bin/python bench/growth.py [--sizes 1000 10000 100000] [--requests 50] [--no-index]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import corpus  # noqa: E402
from bench.prod_local import percentile, save  # noqa: E402
from bench.queries import setup_django  # noqa: E402

MEMBER = "lid@kpo.example"
COMMUNITY = "buitengebied"
LONG_THREAD = 2000
COLD_PAGES = ("theme page", "theme page, last page", "handreiking")


def pages(long_thread):
    from communities.models import Topic
    from kennisbank.models import HandreikingPage, KennisbankIndexPage, ThemaPage

    theme_page = ThemaPage.objects.live().order_by("pk").first().url
    return [
        ("home", "/"),
        ("kennisbank index", KennisbankIndexPage.objects.get().url),
        ("theme page", theme_page),
        ("theme page, last page", f"{theme_page}?page=999999"),
        ("handreiking", HandreikingPage.objects.live().order_by("pk").first().url),
        ("community thread", Topic.objects.order_by("pk").first().get_absolute_url()),
        (f"thread of {LONG_THREAD:,} posts", long_thread),
        (f"thread of {LONG_THREAD:,} posts, newest", f"{long_thread}?nieuwste=1"),
        ("search API", "/api/zoeken/?q=bibob"),
    ]


def add_long_thread():
    """A topic of ``LONG_THREAD`` posts in the member's community, inserted in bulk."""
    from datetime import timedelta

    from django.utils import timezone

    from communities.counters import refresh_topic
    from communities.models import Community, Post, Topic
    from kpo.models import User

    member = User.objects.get(email=MEMBER)
    topic = Topic.objects.create(
        community=Community.objects.get(slug=COMMUNITY), author=member, title="Lang gesprek"
    )
    start = timezone.now() - timedelta(days=60)
    posts = Post.objects.bulk_create(
        Post(topic=topic, author=member, is_opening=number == 0, source="-", body="<p>-</p>")
        for number in range(LONG_THREAD)
    )
    for number, post in enumerate(posts):
        post.created_at = start + timedelta(minutes=number)
    Post.objects.bulk_update(posts, ["created_at"], batch_size=500)
    refresh_topic(topic.pk)
    return topic.get_absolute_url()


def timed(client, path, requests, cold=False):
    from kpo import page_cache

    client.get(path)
    timings = []
    for _ in range(requests):
        if cold:
            page_cache.new_generation()
        start = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    timings.sort()
    return {"p50_ms": statistics.median(timings), "p95_ms": percentile(timings, 0.95)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--search-up-to", type=int, default=10_000)
    parser.add_argument("--no-index", action="store_true", help="build no search documents")
    args = parser.parse_args()
    if args.no_index:
        args.search_up_to = 0
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp) / "growth.sqlite3")
        from django.test import Client

        from kpo.models import User

        client = Client(SERVER_NAME="localhost")
        client.force_login(User.objects.get(email=MEMBER))
        long_thread = add_long_thread()
        for done, size in enumerate(args.sizes, start=1):
            started = time.monotonic()
            search = size <= args.search_up_to
            corpus.build_corpus(
                items=size, members=size // 2, index=search, log=lambda message: None
            )
            print(f"{size} items ready in {time.monotonic() - started:.0f} s", flush=True)
            for label, path in pages(long_thread):
                if label == "search API" and not search:
                    continue
                results.setdefault(label, {})[str(size)] = timed(client, path, args.requests)
                if label in COLD_PAGES:
                    results.setdefault(f"{label} (after a publish)", {})[str(size)] = timed(
                        client, path, args.requests, cold=True
                    )
            print_table(results, args.sizes[:done])  # so far, in case a larger size fails
            save("growth", {"sizes": args.sizes[:done], "pages": results})
    print_table(results, args.sizes)
    output = save("growth", {"sizes": args.sizes, "pages": results})
    print(f"saved {output.relative_to(ROOT)}")


def print_table(results, sizes):
    smallest = str(sizes[0])
    print("p50 / p95 in ms (× the smallest size's p95) by number of knowledge items")
    print(f"{'page':<30}" + "".join(f"{size:>24}" for size in sizes))
    for label, row in results.items():
        cells = []
        for size in sizes:
            cell = row.get(str(size))
            if cell is None:
                cells.append(f"{'-':>24}")
                continue
            ratio = cell["p95_ms"] / row[smallest]["p95_ms"]
            cells.append(f"{cell['p50_ms']:>9.1f} / {cell['p95_ms']:>6.1f} ({ratio:>3.1f}×)")
        print(f"{label:<30}" + "".join(cells))


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpo.settings.dev")
    main()
