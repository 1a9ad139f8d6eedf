"""Download counts of documents (recorded by ``DocumentDownload.record`` after each access
check passed): in total, in the last 90 days, and the most downloaded documents of a theme
in a period. For staff only: callers check who may see them.

Wagtail's reference index stores object ids as text. Ids are only ever cast from integer to
text here, never the other way: a text id of another model (a UUID, a slug) in the same
table can then never make PostgreSQL fail a cast, whatever order it evaluates conditions in.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q, Sum
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from .models.download import DocumentDownload, DocumentDownloadDay
from .models.product import ProductPage
from .models.thema import ThemaPage

RECENT_DAYS = 90


@dataclass(frozen=True)
class DownloadCount:
    total: int = 0
    recent: int = 0


def recent_start(today=None) -> datetime.date:
    """The first day of the last ``RECENT_DAYS`` days, today included."""
    return (today or timezone.localdate()) - datetime.timedelta(days=RECENT_DAYS - 1)


def download_counts(document_ids, today=None) -> dict:
    """``{document id: DownloadCount}`` for every id given (zero when never downloaded)."""
    document_ids = list(document_ids)
    if not document_ids:
        return {}
    totals = dict(
        DocumentDownload.objects.filter(document__in=document_ids).values_list("document", "count")
    )
    recent = dict(
        DocumentDownloadDay.objects.filter(document__in=document_ids, day__gte=recent_start(today))
        .values("document")
        .annotate(number=Sum("count"))
        .values_list("document", "number")
    )
    return {pk: DownloadCount(totals.get(pk, 0), recent.get(pk, 0)) for pk in document_ids}


def document_type():
    return ContentType.objects.get_for_model(get_document_model())


def page_type():
    return ContentType.objects.get_for_model(Page)


def as_text(field):
    return Cast(field, output_field=CharField())


def documents_of_page(page):
    """The documents a saved page uses (document fields, inlines, rich text links), by title."""
    ids = (
        ReferenceIndex.objects.filter(
            base_content_type=page_type(), object_id=str(page.pk), to_content_type=document_type()
        )
        .values_list("to_object_id", flat=True)
        .distinct()
    )
    return get_document_model().objects.filter(pk__in=[int(pk) for pk in ids]).order_by("title")


def pages_using(document_ids) -> dict:
    """``{document id: [page, …]}``: the pages that use each document, by title; an empty
    list for a document no page uses."""
    document_ids = list(document_ids)
    references = set(
        ReferenceIndex.objects.filter(
            base_content_type=page_type(),
            to_content_type=document_type(),
            to_object_id__in=[str(pk) for pk in document_ids],
        ).values_list("to_object_id", "object_id")
    )
    pages = Page.objects.in_bulk({int(page_id) for _document, page_id in references})
    using = {pk: [] for pk in document_ids}
    for document_id, page_id in references:
        if int(page_id) in pages:  # a page deleted since the index was written is left out
            using[int(document_id)].append(pages[int(page_id)])
    for listed in using.values():
        listed.sort(key=lambda page: (page.title, page.pk))
    return using


def used_by_theme(theme):
    """A condition on documents: used by one of ``theme``'s products or its theme page."""
    products = ProductPage.objects.filter(themes=theme).values_list(as_text("pk"), flat=True)
    theme_page = ThemaPage.objects.filter(theme=theme).values_list(as_text("pk"), flat=True)
    return Exists(
        ReferenceIndex.objects.filter(
            Q(object_id__in=products) | Q(object_id__in=theme_page),
            base_content_type=page_type(),
            to_content_type=document_type(),
            to_object_id=as_text(OuterRef("pk")),
        )
    )


def most_downloaded(start, end, theme=None):
    """Documents downloaded between ``start`` and ``end`` (both included), most downloaded
    first, with ``period_downloads`` and ``total_downloads``; only those of ``theme`` when
    given. Reads the days of the period only (one index range)."""
    documents = get_document_model().objects.filter(
        downloads_per_day__day__gte=start, downloads_per_day__day__lte=end
    )
    if theme is not None:
        documents = documents.filter(used_by_theme(theme))
    return (
        documents.annotate(
            period_downloads=Sum("downloads_per_day__count"),
            total_downloads=Coalesce("download_count__count", 0),
        )
        .filter(period_downloads__gt=0)
        .order_by("-period_downloads", "title", "pk")
    )
