from .index import KennisbankIndexPage
from .news import NewsIndexPage, NewsPage

__all__ = ["KennisbankIndexPage", "NewsIndexPage", "NewsPage"]
