"""Demo content for the kennisbank: its entrance page and the public news."""

import datetime

from django.utils.text import slugify

from kennisbank.factories import KennisbankIndexPageFactory, NewsIndexPageFactory, NewsPageFactory
from kpo.demo import ensure_child, publish, read_fixture
from kpo.factories import paragraph_body
from kpo.models import Theme


def load_news(home):
    news_index = ensure_child(home, NewsIndexPageFactory, "nieuws")
    existing = set(news_index.get_children().values_list("slug", flat=True))
    for item in read_fixture("news.json"):
        slug = slugify(item["title"])[:80]
        if slug in existing:
            continue
        page = NewsPageFactory.build(
            slug=slug,
            title=item["title"],
            intro=item["intro"],
            date=datetime.date.fromisoformat(item["date"]),
            body=paragraph_body(*item["body"]),
        )
        page.themes = Theme.objects.filter(name__in=item["themes"])
        news_index.add_child(instance=page)
        publish(page)
    return news_index


def load_kennisbank(home):
    body = paragraph_body(*read_fixture("pages.json")["kennisbank"]["body"])
    kennisbank = ensure_child(home, KennisbankIndexPageFactory, "kennisbank", body=body)
    load_news(home)
    return kennisbank
