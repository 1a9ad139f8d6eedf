"""Document builders for the kennisbank page types and the news."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from kennisbank.documents import required_tokens
from kennisbank.models import (
    FactsheetPage,
    HandreikingDocument,
    HandreikingPage,
    NewsPage,
    ProductPage,
    ProductType,
    ThemaPage,
)
from kpo.access import PUBLIC

from ..extraction import document_text
from . import ItemData, local_date, page_url, register, stream_text

TYPE_THEME = "thema"
TYPE_NEWS = "nieuws"
PRODUCT_BOOST = 2
THEME_BOOST = 1


def attachments_text(documents, access: str) -> str:
    """The text of the documents everyone who sees the item may also download: a document
    that a stricter page also uses is left out, so its text is never found through a more
    open page."""
    allowed = {access, PUBLIC}
    return " ".join(
        document_text(document) for document in documents if required_tokens(document) <= allowed
    )


def product_documents(page) -> list:
    if isinstance(page, HandreikingPage):
        return [link.document for link in page.documents.all()]
    if isinstance(page, FactsheetPage) and page.document_id:
        return [page.document]
    return []


def product_body(page) -> str:
    body = stream_text(page.body)
    if isinstance(page, FactsheetPage):
        figures = " ".join(f"{figure.value} {figure.label}" for figure in page.figures.all())
        body = f"{figures} {body}".strip()
    return body


def prefetch_products(pages):
    pages = pages.prefetch_related("themes")
    if issubclass(pages.model, HandreikingPage):
        links = HandreikingDocument.objects.select_related("document")
        pages = pages.prefetch_related(Prefetch("documents", queryset=links))
    if issubclass(pages.model, FactsheetPage):
        pages = pages.select_related("document").prefetch_related("figures")
    return pages


@register(ProductPage, dict(ProductType.choices), prefetch=prefetch_products)
def build_product(page) -> ItemData | None:
    url = page_url(page)
    if url is None:
        return None
    return ItemData(
        title=page.title,
        url=url,
        type=page.product_type,
        access=page.visibility,
        summary=page.summary,
        body=product_body(page),
        attachment_text=attachments_text(product_documents(page), page.visibility),
        themes=list(page.themes.all()),
        date=page.publication_date,
        boost=PRODUCT_BOOST,
    )


@register(
    ThemaPage, {TYPE_THEME: _("Themapagina")}, prefetch=lambda pages: pages.select_related("theme")
)
def build_theme(page) -> ItemData | None:
    url = page_url(page)
    if url is None:
        return None
    return ItemData(
        title=page.title,
        url=url,
        type=TYPE_THEME,
        access=page.visibility,
        summary=page.intro,
        body=stream_text(page.body),
        themes=[page.theme],
        date=local_date(page.last_published_at),
        boost=THEME_BOOST,
    )


@register(
    NewsPage, {TYPE_NEWS: _("Nieuws")}, prefetch=lambda pages: pages.prefetch_related("themes")
)
def build_news(page) -> ItemData | None:
    url = page_url(page)
    if url is None:
        return None
    return ItemData(
        title=page.title,
        url=url,
        type=TYPE_NEWS,
        access=PUBLIC,
        summary=page.intro,
        body=stream_text(page.body),
        themes=list(page.themes.all()),
        date=page.date,
    )
