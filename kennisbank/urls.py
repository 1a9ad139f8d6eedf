from django.urls import path

from .feeds import NewsAtomFeed, NewsFeed, ThemeAtomFeed, ThemeFeed

urlpatterns = [
    path("nieuws.rss", NewsFeed(), name="news_feed_rss"),
    path("nieuws.atom", NewsAtomFeed(), name="news_feed_atom"),
    path("thema/<slug:slug>.rss", ThemeFeed(), name="theme_feed_rss"),
    path("thema/<slug:slug>.atom", ThemeAtomFeed(), name="theme_feed_atom"),
]
