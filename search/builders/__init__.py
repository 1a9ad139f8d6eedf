"""Document builders: one function per searchable model that turns an instance into the
fields of its search document, or ``None`` when it must not be found (unpublished, or
behind a view restriction). Apps register their own with ``@register(Model, types)``."""

import datetime
import html
from collections.abc import Callable
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

_builders: dict[type, Builder] = {}
TYPE_LABELS: dict[str, str] = {}


def register(model, type_labels: dict[str, str]):
    """Register the decorated function as the builder of ``model`` and its subclasses;
    ``type_labels`` names the result types it produces (for facets)."""

    def decorator(function: Builder) -> Builder:
        _builders[model] = function
        TYPE_LABELS.update(type_labels)
        return function

    return decorator


def builder_for(model) -> Builder | None:
    for klass in model.__mro__:
        if klass in _builders:
            return _builders[klass]
    return None


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


def page_url(page) -> str | None:
    """The URL of a live page anyone could open, or ``None`` when it must not be indexed."""
    if not page.live or page.get_view_restrictions().exists():
        return None
    return page.get_url()


def local_date(moment) -> datetime.date | None:
    return timezone.localdate(moment) if moment else None
