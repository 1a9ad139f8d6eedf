from django.urls import path

from .feeds import NewsAtomFeed, NewsFeed

urlpatterns = [
    path("nieuws.rss", NewsFeed(), name="news_feed_rss"),
    path("nieuws.atom", NewsAtomFeed(), name="news_feed_atom"),
]
