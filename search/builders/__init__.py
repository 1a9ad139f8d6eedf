"""Document builders: one function per searchable model that turns an instance into the
fields of its search document, or ``None`` when it must not be found (unpublished, or
behind a view restriction). Apps register their own with ``@register(Model, types)``."""

import datetime
import html
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.html import strip_tags


@dataclass
class ItemData:
    """What a builder returns; ``search.indexing`` stores it as a ``SearchDocument``.

    ``boost`` is added to the relevance score: a small nudge (a title match weighs 10) that
    puts knowledge products above news about them when both match equally well."""

    title: str
    url: str
    type: str
    access: str
    summary: str = ""
    body: str = ""
    attachment_text: str = ""
    themes: list = field(default_factory=list)
    date: datetime.date | None = None
    community_id: int | None = None
    community_name: str = ""
    boost: int = 0


Builder = Callable[[object], ItemData | None]
Prefetch = Callable[[object], object]

_builders: dict[type, Builder] = {}
_prefetchers: dict[type, Prefetch] = {}
TYPE_LABELS: dict[str, str] = {}


def register(model, type_labels: dict[str, str], prefetch: Prefetch | None = None):
    """Register the decorated function as the builder of ``model`` and its subclasses;
    ``type_labels`` names the result types it produces (for facets). ``prefetch`` takes a
    queryset of the model (or a subclass) and adds what the builder reads, for bulk builds."""

    def decorator(function: Builder) -> Builder:
        _builders[model] = function
        if prefetch is not None:
            _prefetchers[model] = prefetch
        TYPE_LABELS.update(type_labels)
        return function

    return decorator


def registered(registry: dict, model):
    for klass in model.__mro__:
        if klass in registry:
            return registry[klass]
    return None


def builder_for(model) -> Builder | None:
    return registered(_builders, model)


def bulk_queryset(model):
    """All items of ``model`` with what its builder reads fetched in a few queries."""
    queryset = model._default_manager.order_by("pk")
    prefetch = registered(_prefetchers, model)
    return prefetch(queryset) if prefetch else queryset


def indexed_models() -> list[type]:
    return list(_builders)


def type_label(value: str) -> str:
    return str(TYPE_LABELS.get(value, value))


def stream_text(stream_value) -> str:
    """The plain text of a StreamField value, as Wagtail's own search indexes it."""
    if not stream_value:
        return ""
    return " ".join(stream_value.stream_block.get_searchable_content(stream_value))


def html_text(value: str) -> str:
    """The plain text of (sanitised) HTML."""
    return " ".join(html.unescape(strip_tags(value or "")).split())


# Inside ``bulk_build()``: the tree paths of pages with a view restriction or that are
# aliases; a page with none of them among itself and its ancestors has no restriction.
_marked_paths: ContextVar[frozenset | None] = ContextVar("marked_paths", default=None)
PATH_STEP = 4  # treebeard's steplen: each tree level adds four characters to the path


@contextmanager
def bulk_build():
    """Build many pages' documents: ``page_url`` reads the view restrictions once instead of
    querying them per page (pages under a restriction or an alias are still checked one by
    one, exactly as Wagtail does)."""
    from wagtail.models import Page, PageViewRestriction

    restricted = PageViewRestriction.objects.values("page_id")
    marked = Page.objects.filter(pk__in=restricted) | Page.objects.filter(alias_of__isnull=False)
    reset = _marked_paths.set(frozenset(marked.values_list("path", flat=True)))
    try:
        yield
    finally:
        _marked_paths.reset(reset)


def has_view_restrictions(page) -> bool:
    marked = _marked_paths.get()
    if marked is not None and not any(
        page.path[:end] in marked for end in range(PATH_STEP, len(page.path) + 1, PATH_STEP)
    ):
        return False
    return page.get_view_restrictions().exists()


def page_url(page) -> str | None:
    """The URL of a live page anyone could open, or ``None`` when it must not be indexed."""
    if not page.live or has_view_restrictions(page):
        return None
    return page.get_url()


def local_date(moment) -> datetime.date | None:
    return timezone.localdate(moment) if moment else None
