"""RSS and Atom feeds: the public news, and per theme its new and updated products.

A theme's feed holds what the requesting user may see (``kpo.access``): a feed reader
without a session gets the public products only."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from kpo.access import can_see, visible_to

from .models import NewsIndexPage, NewsPage, ProductPage, ThemaPage

FEED_ITEMS = 20


class PageFeed(Feed):
    """A feed of Wagtail pages: each item is a page, linked by its URL."""

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.url


class NewsFeed(PageFeed):
    title = _("Nieuws van het Kennisplatform Ondermijning")
    description = _("Nieuws over de aanpak van ondermijning in het RIEC-LIEC-netwerk.")

    def link(self):
        news_index = NewsIndexPage.objects.live().public().first()
        return news_index.url if news_index else "/"

    def items(self):
        return NewsPage.objects.live().public().order_by("-date", "-pk")[:FEED_ITEMS]

    def item_description(self, item):
        return item.intro

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9)))


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description


class ThemeFeed(PageFeed):
    """The products of one theme, last published first: new ones and updated ones."""

    def get_object(self, request, slug):
        """The theme page, if it is live and ``request.user`` may see it, holding the user
        (the feed object is shared by all requests, the page is this request's own)."""
        page = ThemaPage.objects.live().public().filter(slug=slug).first()
        if page is None or not can_see(request.user, page.visibility):
            raise Http404
        page.feed_user = request.user
        return page

    def title(self, page):
        return _("%(theme)s: nieuwe en bijgewerkte kennisproducten") % {"theme": page.title}

    def description(self, page):
        return page.intro

    def link(self, page):
        return page.url

    def items(self, page):
        products = ProductPage.objects.live().public().filter(themes=page.theme_id)
        newest = visible_to(products, page.feed_user).order_by("-last_published_at", "-pk")
        return newest[:FEED_ITEMS]

    def item_description(self, item):
        return item.summary

    def item_categories(self, item):
        return [item.get_product_type_display()]

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class ThemeAtomFeed(ThemeFeed):
    feed_type = Atom1Feed

    def subtitle(self, page):
        return page.intro
