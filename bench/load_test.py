"""Load test of `make prod-local` with locust: a mixed member workload (browse, search,
download, post) against a corpus of 10,000 items and 5,000 members, bounded in users and
time, on loopback only. Prints error count and latency percentiles per request type and
saves bench/results/load_test.json. Counts the replies posted before and after, so no
accepted post goes missing.

    KPO_CORPUS_ITEMS=10000 KPO_CORPUS_MEMBERS=5000 make prod-local   # or bench/corpus.py
    .venv/bin/python bench/load_test.py [--users 30] [--spawn-rate 3] [--time 120]
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    from bench import prod_local
except ModuleNotFoundError:  # run as a script: bench/ is on sys.path
    import prod_local

ROOT = Path(__file__).resolve().parents[1]
MEMBERS_IN_PLAN = 500


def plan():
    """The URLs the simulated members use, from prod-local's database."""
    from django.conf import settings
    from wagtail.documents import get_document_model

    from bench.corpus import MEMBER_DOMAIN
    from communities.models import Membership, MembershipStatus, Topic
    from kennisbank.models import ProductPage, ThemaPage

    members = []
    for email in (
        prod_local_user_model()
        .objects.filter(email__endswith=f"@{MEMBER_DOMAIN}")
        .order_by("pk")
        .values_list("email", flat=True)[:MEMBERS_IN_PLAN]
    ):
        communities = Membership.objects.filter(
            user__email=email, status=MembershipStatus.ACTIVE
        ).values_list("community_id", flat=True)
        topics = Topic.objects.filter(community_id__in=communities, is_locked=False)
        urls = [topic.get_absolute_url() for topic in topics.select_related("community")[:20]]
        if urls:
            members.append({"email": email, "topics": urls})
    if not members:
        raise SystemExit("No corpus members: start prod-local with KPO_CORPUS_MEMBERS set.")
    documents = [
        document.url
        for document in get_document_model().objects.filter(title__startswith="Bijlage bij ")
    ]
    return {
        "password": settings.KPO_DEMO_PASSWORD,
        "members": members,
        "themes": [page.url for page in ThemaPage.objects.live()],
        "items": [page.url for page in ProductPage.objects.live().order_by("?")[:1000]],
        "documents": documents or ["/documenten/"],
    }


def prod_local_user_model():
    from django.contrib.auth import get_user_model

    return get_user_model()


def post_count():
    from communities.models import Post

    return Post.objects.count()


def run_locust(base_url, plan_path, args, folder):
    command = [
        sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"),
        "--headless", "--host", base_url, "--users", str(args.users),
        "--spawn-rate", str(args.spawn_rate), "--run-time", f"{args.time}s",
        "--stop-timeout", "10", "--csv", str(folder / "locust"), "--only-summary",
        "--loglevel", "WARNING",
    ]  # fmt: skip
    env = {**os.environ, "KPO_LOCUST_PLAN": str(plan_path)}
    subprocess.run(command, env=env, check=False, timeout=args.time + 120)  # noqa: S603
    with open(folder / "locust_stats.csv", newline="") as handle:
        return list(csv.DictReader(handle))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--spawn-rate", type=float, default=3)
    parser.add_argument("--time", type=int, default=120, help="seconds")
    args = parser.parse_args()
    prod_local.setup_django()
    base_url = prod_local.load_env()
    if not base_url.startswith("http://127.0.0.1:"):
        raise SystemExit("The load test only runs against prod-local on loopback.")
    before = post_count()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plan_path = folder / "plan.json"
        plan_path.write_text(json.dumps(plan()))
        rows = run_locust(base_url, plan_path, args, folder)
    stats = [
        {
            "name": row["Name"],
            "requests": int(row["Request Count"]),
            "failures": int(row["Failure Count"]),
            "p50_ms": float(row["50%"] or 0),
            "p95_ms": float(row["95%"] or 0),
            "p99_ms": float(row["99%"] or 0),
            "rps": float(row["Requests/s"] or 0),
        }
        for row in rows
    ]
    posted = next((row["requests"] for row in stats if row["name"] == "post reply"), 0)
    failed_posts = next((row["failures"] for row in stats if row["name"] == "post reply"), 0)
    stored = post_count() - before
    print_table(args, stats, posted - failed_posts, stored)
    output = prod_local.save(
        "load_test",
        {"users": args.users, "seconds": args.time, "stats": stats,
         "posts_accepted": posted - failed_posts, "posts_stored": stored},
    )  # fmt: skip
    print(f"saved {output.relative_to(ROOT)}")


def print_table(args, stats, accepted, stored):
    print(f"locust: {args.users} members, {args.time} s, loopback")
    columns = ("count", "errors", "p50 ms", "p95 ms", "p99 ms")
    print(f"{'request':<20}" + "".join(f"{name:>8}" for name in columns) + f"{'req/s':>7}")
    for row in stats:
        print(
            f"{row['name']:<20}{row['requests']:>8}{row['failures']:>8}{row['p50_ms']:>8.0f}"
            f"{row['p95_ms']:>8.0f}{row['p99_ms']:>8.0f}{row['rps']:>7.1f}"
        )
    total = next((row for row in stats if row["name"] == "Aggregated"), None)
    errors = total["failures"] if total else "?"
    print(f"target: zero errors -> {errors} errors ({'met' if errors == 0 else 'NOT met'})")
    verdict = "none lost" if stored >= accepted else "LOST"
    print(f"posts accepted {accepted}, stored {stored} ({verdict})")


if __name__ == "__main__":
    main()
