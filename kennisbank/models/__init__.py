from .base import KennisbankPage, Visibility
from .download import DocumentDownload, DocumentDownloadDay
from .event import EventPage
from .factsheet import FactsheetPage, KeyFigure
from .handreiking import HandreikingDocument, HandreikingPage
from .index import KennisbankIndexPage
from .news import NewsIndexPage, NewsPage
from .product import ProductPage, ProductType
from .review_reminder import ReviewReminder
from .thema import ThemaContact, ThemaPage, ThemaRelatedProduct
from .theme_product import ThemeProduct
from .version import DocumentVersion

__all__ = [
    "DocumentDownload",
    "DocumentDownloadDay",
    "DocumentVersion",
    "EventPage",
    "FactsheetPage",
    "HandreikingDocument",
    "HandreikingPage",
    "KennisbankIndexPage",
    "KennisbankPage",
    "KeyFigure",
    "NewsIndexPage",
    "NewsPage",
    "ProductPage",
    "ProductType",
    "ReviewReminder",
    "ThemaContact",
    "ThemaPage",
    "ThemaRelatedProduct",
    "ThemeProduct",
    "Visibility",
]
