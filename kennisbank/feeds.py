"""RSS and Atom feeds of the public news."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import NewsIndexPage, NewsPage

FEED_ITEMS = 20


class NewsFeed(Feed):
    title = _("Nieuws van het Kennisplatform Ondermijning")
    description = _("Nieuws over de aanpak van ondermijning in het RIEC-LIEC-netwerk.")

    def link(self):
        news_index = NewsIndexPage.objects.live().public().first()
        return news_index.url if news_index else "/"

    def items(self):
        return NewsPage.objects.live().public().order_by("-date", "-pk")[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9)))


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
