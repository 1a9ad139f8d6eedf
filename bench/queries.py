"""SQL queries per page for each page type, with 10 and with 1,000 related items, in-process
with Django's test client on a fresh demo database (SQLite unless DATABASE_URL is set).

Related items per page type: products tagged with the theme (theme page, kennisbank
index, handreiking), news items (home, news index), topics (community home), replies
(community thread) and matching search documents (search API). The target: the same
number of queries with 1,000 related items as with 10. Each page is counted twice: on a
repeated visit (the site, route and fragments come from the cache) and "after a publish"
(a new cache generation, so everything but the session and the access tokens is looked up
again). Prints a table and saves bench/results/queries.json.

    .venv/bin/python bench/queries.py [--levels 10 1000]
"""

import argparse
import datetime
import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import corpus  # noqa: E402
from bench.prod_local import save  # noqa: E402

MEMBER = "lid@kpo.example"
THEME = "Wet Bibob"
COMMUNITY = "buitengebied"
SEARCH_WORD = "kenniskring"


def setup_django(database_path):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpo.settings.dev")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{database_path}")
    os.environ["KPO_PAGE_CACHE_SECONDS"] = "0"
    os.environ["DEBUG"] = "false"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("kpo_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


class Fixture:
    """The demo objects the related items hang from."""

    def __init__(self):
        from communities.models import Community, Topic
        from kennisbank.models import HandreikingPage, KennisbankIndexPage, NewsIndexPage
        from kpo.models import Theme, User

        self.rng = random.Random(corpus.SEED)
        self.fake = corpus.text_generator(corpus.SEED)
        self.member = User.objects.get(email=MEMBER)
        self.theme = Theme.objects.get(name=THEME)
        self.kennisbank = KennisbankIndexPage.objects.get()
        self.news_index = NewsIndexPage.objects.get()
        self.community = Community.objects.get(slug=COMMUNITY)
        self.handreiking = HandreikingPage.objects.live().order_by("pk").first()
        self.thread = Topic.objects.create(
            community=self.community, author=self.member, title="Een lange draad"
        )
        self.counts = {"products": 0, "news": 0, "topics": 0, "replies": 0}

    def top_up(self, level):
        """Bring every kind of related item up to ``level``."""
        self.add_products(level - self.counts["products"])
        self.add_news(level - self.counts["news"])
        self.add_topics(level - self.counts["topics"])
        self.add_replies(level - self.counts["replies"])
        from search import indexing

        indexing.rebuild_documents()

    def add_products(self, count):
        first = self.counts["products"] + 1
        items = []
        for number in range(first, first + count):
            item = corpus.draw_item(900_000 + number, self.rng, self.fake, [self.theme.pk])
            item["title"] = f"{item['title']} {SEARCH_WORD}"
            items.append((900_000 + number, item))
        if items:
            corpus.insert_items(self.kennisbank, items)
        self.counts["products"] += count

    def add_news(self, count):
        from kennisbank.models import NewsPage
        from kpo.factories import paragraph_body

        first = self.counts["news"] + 1
        pages = []
        for number in range(first, first + count):
            page = NewsPage(
                title=f"Nieuwsbericht {number} {SEARCH_WORD}",
                draft_title=f"Nieuwsbericht {number}",
                slug=f"bench-news-{number}",
                date=datetime.date(2025, 1, 1) + datetime.timedelta(days=number % 300),
                intro=self.fake.sentence(nb_words=12),
                body=paragraph_body(self.fake.paragraph()),
            )
            page.themes_to_set = [self.theme.pk]
            pages.append(page)
        if pages:
            corpus.insert_pages(self.news_index, pages)
        self.counts["news"] += count

    def add_topics(self, count):
        from communities.models import Post, Topic

        topics = Topic.objects.bulk_create(
            Topic(community=self.community, author=self.member, title=f"Vraag {n} {SEARCH_WORD}")
            for n in range(count)
        )
        Post.objects.bulk_create(
            Post(
                topic=topic,
                author=self.member,
                is_opening=True,
                source="Vraag",
                body="<p>Vraag</p>",
            )
            for topic in topics
        )
        self.counts["topics"] += count

    def add_replies(self, count):
        from communities.models import Post

        Post.objects.bulk_create(
            Post(topic=self.thread, author=self.member, source="Antwoord", body="<p>Antwoord</p>")
            for _ in range(count)
        )
        self.thread.reply_count = self.counts["replies"] + count
        self.thread.save(update_fields=["reply_count"])
        self.counts["replies"] += count


def pages(fixture):
    from kennisbank.models import ThemaPage

    theme_page = ThemaPage.objects.get(theme=fixture.theme)
    return [
        ("home", "/"),
        ("kennisbank index", fixture.kennisbank.url),
        ("theme page", theme_page.url),
        ("handreiking", fixture.handreiking.url),
        ("news index", fixture.news_index.url),
        ("community home", f"/communities/{COMMUNITY}/"),
        ("community thread", fixture.thread.get_absolute_url()),
        ("search API", f"/api/zoeken/?q={SEARCH_WORD}"),
        ("search page", f"/zoeken/?q={SEARCH_WORD}"),
    ]


def count_queries(client, path, cold=False):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kpo import page_cache

    client.get(path)  # warm per-process caches (navigation, content types)
    if cold:
        page_cache.new_generation()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", type=int, nargs="+", default=[10, 1000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp) / "queries.sqlite3")
        from django.test import Client

        fixture = Fixture()
        client = Client(SERVER_NAME="localhost")
        client.force_login(fixture.member)
        results = {}
        for level in args.levels:
            fixture.top_up(level)
            for label, path in pages(fixture):
                row = results.setdefault(label, {"path": path})
                row[str(level)] = count_queries(client, path)
                row[f"{level} after a publish"] = count_queries(client, path, cold=True)
    print_table(results, args.levels)
    output = save("queries", {"levels": args.levels, "pages": results})
    print(f"saved {output.relative_to(ROOT)}")


def print_table(results, levels):
    print("SQL queries per page (logged-in member), by number of related items:")
    print("repeated visit / after a publish")
    print(f"{'page':<20}" + "".join(f"{level:>12}" for level in levels) + "  constant")
    for label, row in results.items():
        counts = [(row[str(level)], row[f"{level} after a publish"]) for level in levels]
        constant = "yes" if len(set(counts)) == 1 else "NO"
        cells = "".join(f"{f'{warm} / {cold}':>12}" for warm, cold in counts)
        print(f"{label:<20}" + cells + f"  {constant}")


if __name__ == "__main__":
    main()
