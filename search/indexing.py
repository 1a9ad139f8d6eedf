"""Keeping search documents up to date: build an item's document, store it in the database,
and copy it to Elasticsearch when that engine is configured.

The database copy is always written first, so search can fall back to it; an item whose
Elasticsearch write failed is recorded in ``PendingIndexUpdate`` and sent again later."""

import logging

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from .analysis import analyse, fold_words
from .builders import ItemData, builder_for, bulk_build, bulk_queryset, indexed_models
from .engines import ENGINE_ERRORS, elasticsearch_engine
from .models import PendingIndexUpdate, SearchDocument
from .models.document import item_key
from .vocabulary import documents_changed

logger = logging.getLogger(__name__)

BULK_BATCH = 500


def update_item(app_label: str, model_name: str, pk) -> bool:
    """Rebuild the search document of one item (removing it when it is gone or hidden).
    Return whether Elasticsearch, if configured, has it too."""
    model = apps.get_model(app_label, model_name)
    content_type = ContentType.objects.get_for_model(model)
    instance = model._default_manager.filter(pk=pk).first()
    builder = builder_for(model)
    data = builder(instance) if instance is not None and builder is not None else None
    with transaction.atomic():
        if data is None:
            SearchDocument.objects.filter(content_type=content_type, object_id=pk).delete()
        else:
            store(content_type, int(pk), data)
        documents_changed()
    return sync_to_engine(item_key(content_type, pk))


def document_fields(data: ItemData) -> dict:
    """The stored fields of a search document built from ``data`` (themes aside)."""
    return {
        "title": data.title,
        "summary": data.summary,
        "body": data.body,
        "attachment_text": data.attachment_text,
        "url": data.url,
        "type": data.type,
        "community_id": data.community_id,
        "community_name": data.community_name,
        "date": data.date,
        "access": data.access,
        "boost": data.boost,
        "title_terms": analyse(data.title),
        "summary_terms": analyse(data.summary),
        "theme_terms": analyse(" ".join(theme.name for theme in data.themes)),
        "body_terms": analyse(data.body),
        "attachment_terms": analyse(data.attachment_text),
        "title_words": fold_words(data.title),
        "words": fold_words(f"{data.summary} {data.body} {data.attachment_text}"),
    }


def store(content_type, object_id: int, data: ItemData) -> SearchDocument:
    document, _created = SearchDocument.objects.update_or_create(
        content_type=content_type, object_id=object_id, defaults=document_fields(data)
    )
    document.themes.set(data.themes)
    return document


def store_many(content_type, built: dict[int, ItemData | None]) -> None:
    """Store the documents of many items of one type in a few queries (``None``: the item
    is not searchable and its document goes)."""
    documents_changed()
    gone = [pk for pk, data in built.items() if data is None]
    SearchDocument.objects.filter(content_type=content_type, object_id__in=gone).delete()
    kept = {pk: data for pk, data in built.items() if data is not None}
    if not kept:
        return
    fields = {pk: document_fields(data) for pk, data in kept.items()}
    SearchDocument.objects.bulk_create(
        [SearchDocument(content_type=content_type, object_id=pk, **fields[pk]) for pk in kept],
        update_conflicts=True,
        unique_fields=["content_type", "object_id"],
        update_fields=[*fields[next(iter(kept))], "updated_at"],
    )
    ids = dict(
        SearchDocument.objects.filter(content_type=content_type, object_id__in=kept).values_list(
            "object_id", "pk"
        )
    )
    through = SearchDocument.themes.through
    through.objects.filter(searchdocument_id__in=ids.values()).delete()
    through.objects.bulk_create(
        through(searchdocument_id=ids[pk], theme_id=theme.pk)
        for pk, data in kept.items()
        for theme in set(data.themes)
    )


def document_for_key(key: str) -> SearchDocument | None:
    label, object_id = key.rsplit(":", 1)
    app_label, model = label.split(".")
    return (
        SearchDocument.objects.filter(
            content_type__app_label=app_label, content_type__model=model, object_id=object_id
        )
        .prefetch_related("themes")
        .first()
    )


def sync_to_engine(key: str) -> bool:
    """Copy the item's current document (or its absence) to Elasticsearch, if configured.

    An unreachable engine never fails the caller: the item is kept for a later retry."""
    engine = elasticsearch_engine()
    if engine is None:
        return True
    try:
        document = document_for_key(key)
        if document is None:
            engine.delete(key)
        else:
            engine.upsert(document)
    except ENGINE_ERRORS as error:
        logger.warning("Search index update of %s postponed: %s", key, error)
        PendingIndexUpdate.objects.get_or_create(key=key)
        return False
    PendingIndexUpdate.objects.filter(key=key).delete()
    return True


def retry_pending() -> int:
    """Send the postponed updates again; return how many are still pending."""
    for key in PendingIndexUpdate.objects.values_list("key", flat=True).order_by("pk"):
        if not sync_to_engine(key):
            break
    return PendingIndexUpdate.objects.count()


def rebuild_documents(progress=None) -> int:
    """Rebuild the database documents of every registered model, ``BULK_BATCH`` items at a
    time (each batch read with what its builder needs, and stored in one transaction);
    remove the others. ``progress(label, done, total)`` is called after each batch."""
    started = timezone.now()
    with bulk_build():
        for model in concrete_models(indexed_models()):
            rebuild_model(model, progress)
    SearchDocument.objects.filter(updated_at__lt=started).delete()
    documents_changed()
    return SearchDocument.objects.count()


def rebuild_model(model, progress=None) -> None:
    content_type = ContentType.objects.get_for_model(model)
    builder = builder_for(model)
    pks = list(model._default_manager.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), BULK_BATCH):
        batch = pks[start : start + BULK_BATCH]
        with transaction.atomic():
            items = bulk_queryset(model).filter(pk__in=batch)
            store_many(content_type, {item.pk: builder(item) for item in items})
        if progress:
            progress(model._meta.verbose_name_plural, start + len(batch), len(pks))


def concrete_models(models) -> list[type]:
    """The concrete models that are, or inherit from, a registered model and have no
    subclasses themselves (each page is built once, from its most specific class)."""
    candidates = [
        model
        for model in apps.get_models()
        if any(issubclass(model, base) for base in models) and not model._meta.abstract
    ]
    return [
        model
        for model in candidates
        if not any(other is not model and issubclass(other, model) for other in candidates)
    ]
