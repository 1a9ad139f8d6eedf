"""Wagtail and Django signals that queue search index updates for registered models."""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .builders import builder_for
from .tasks import update_search_item


def queue_update(instance) -> None:
    """Queue a rebuild of ``instance``'s search document once the transaction commits."""
    if builder_for(type(instance)) is None:
        return
    meta = instance._meta
    transaction.on_commit(
        partial(update_search_item.enqueue, meta.app_label, meta.model_name, str(instance.pk))
    )


def queue_subtree(page) -> None:
    """A page and its descendants: their URLs change when it moves or changes slug."""
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific():
        queue_update(descendant)


def on_publish_or_unpublish(sender, instance, **kwargs):
    queue_update(instance.specific)


def on_move(sender, instance, **kwargs):
    queue_subtree(instance)


def on_slug_changed(sender, instance, **kwargs):
    queue_subtree(instance)


def on_delete(sender, instance, **kwargs):
    queue_update(instance)


def on_document_saved(sender, instance, raw=False, **kwargs):
    """A replaced file changes the text of every page that uses the document."""
    if raw:
        return
    page_ids = (
        ReferenceIndex.get_references_to(instance)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    for page in Page.objects.filter(pk__in=[int(pk) for pk in page_ids]).specific():
        queue_update(page)


def connect() -> None:
    page_published.connect(on_publish_or_unpublish, dispatch_uid="search-published")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="search-unpublished")
    post_page_move.connect(on_move, dispatch_uid="search-moved")
    page_slug_changed.connect(on_slug_changed, dispatch_uid="search-slug-changed")
    post_delete.connect(on_delete, dispatch_uid="search-deleted")
    post_save.connect(
        on_document_saved, sender=get_document_model(), dispatch_uid="search-document-saved"
    )
