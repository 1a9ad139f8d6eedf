"""Wagtail and Django signals that queue search index updates for registered models."""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from academie.models import CoursePage, TrainingPage
from communities.models import Community, CommunityFile, FileVersion, Post, PostAttachment, Topic
from kpo.models import Theme

from .builders import builder_for
from .extraction import forget_text
from .labels import forget_facet_names
from .tasks import update_search_item, update_search_items
from .terms import forget_promoted_texts

# Topic fields that appear in, or decide about, its posts' search documents.
TOPIC_FIELDS = {"title", "kind", "needs_approval", "community"}


def queue_update(instance) -> None:
    """Queue a rebuild of ``instance``'s search document once the transaction commits."""
    if builder_for(type(instance)) is None:
        return
    meta = instance._meta
    transaction.on_commit(
        partial(update_search_item.enqueue, meta.app_label, meta.model_name, str(instance.pk))
    )


def queue_updates(model, pks) -> None:
    """Queue one task that rebuilds the documents of many items of ``model``."""
    pks = [str(pk) for pk in pks]
    if not pks:
        return
    meta = model._meta
    transaction.on_commit(
        partial(update_search_items.enqueue, meta.app_label, meta.model_name, pks)
    )


def queue_subtree(page) -> None:
    """A page and its descendants: their URLs change when it moves or changes slug."""
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific():
        queue_update(descendant)


def queue_community(community_id) -> None:
    """Everything searchable in a community: its name and themes are in each document."""
    posts = Post.objects.filter(topic__community_id=community_id)
    queue_updates(Post, posts.values_list("pk", flat=True))
    files = CommunityFile.objects.filter(community_id=community_id)
    queue_updates(CommunityFile, files.values_list("pk", flat=True))


def on_publish_or_unpublish(sender, instance, **kwargs):
    queue_update(instance.specific)


def on_move(sender, instance, **kwargs):
    queue_subtree(instance)


def on_slug_changed(sender, instance, **kwargs):
    queue_subtree(instance)


def on_delete(sender, instance, **kwargs):
    queue_update(instance)


def on_file_deleted(sender, instance, **kwargs):
    forget_text(instance)


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


def on_saved(sender, instance, raw=False, **kwargs):
    """A post written, edited, approved, hidden or restored; a library file added, given a
    new version, moved, hidden or restored."""
    if not raw:
        queue_update(instance)


def on_attachment_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        queue_updates(Post, [instance.post_id])


def on_attachment_deleted(sender, instance, **kwargs):
    forget_text(instance)
    queue_updates(Post, [instance.post_id])


def on_topic_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and not TOPIC_FIELDS & set(update_fields)):
        return
    queue_updates(Post, instance.posts.values_list("pk", flat=True))


def queue_academy_pages(community_id) -> None:
    """The e-learnings and trainings discussed in a community carry its name and, unless
    it is hidden, its id."""
    for model in (CoursePage, TrainingPage):
        queue_updates(
            model, model.objects.filter(community_id=community_id).values_list("pk", flat=True)
        )


def on_community_saved(sender, instance, raw=False, created=False, **kwargs):
    if not (raw or created):
        queue_community(instance.pk)
        queue_academy_pages(instance.pk)


def on_community_themes_changed(sender, instance, action, reverse=False, pk_set=None, **kwargs):
    if not action.startswith("post_"):
        return
    if reverse:  # a theme's communities changed
        for community_id in pk_set or ():
            queue_community(community_id)
    else:
        queue_community(instance.pk)


def connect() -> None:
    page_published.connect(on_publish_or_unpublish, dispatch_uid="search-published")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="search-unpublished")
    post_page_move.connect(on_move, dispatch_uid="search-moved")
    page_slug_changed.connect(on_slug_changed, dispatch_uid="search-slug-changed")
    post_delete.connect(on_delete, dispatch_uid="search-deleted")
    document = get_document_model()
    post_save.connect(on_document_saved, sender=document, dispatch_uid="search-document-saved")
    post_delete.connect(on_file_deleted, sender=document, dispatch_uid="search-document-deleted")
    post_save.connect(on_saved, sender=Post, dispatch_uid="search-post-saved")
    post_save.connect(on_saved, sender=CommunityFile, dispatch_uid="search-file-saved")
    post_save.connect(
        on_attachment_saved, sender=PostAttachment, dispatch_uid="search-attachment-saved"
    )
    post_delete.connect(
        on_attachment_deleted, sender=PostAttachment, dispatch_uid="search-attachment-deleted"
    )
    post_delete.connect(on_file_deleted, sender=FileVersion, dispatch_uid="search-version-deleted")
    post_save.connect(on_topic_saved, sender=Topic, dispatch_uid="search-topic-saved")
    post_save.connect(on_community_saved, sender=Community, dispatch_uid="search-community-saved")
    m2m_changed.connect(
        on_community_themes_changed,
        sender=Community.themes.through,
        dispatch_uid="search-community-themes",
    )
    for model in (Theme, Community):
        post_save.connect(forget_facet_names, sender=model, dispatch_uid=f"search-names-{model}")
        post_delete.connect(forget_facet_names, sender=model, dispatch_uid=f"search-gone-{model}")
    for model in (SearchPromotion, Query):
        post_save.connect(forget_promoted_texts, sender=model, dispatch_uid=f"search-pick-{model}")
        post_delete.connect(
            forget_promoted_texts, sender=model, dispatch_uid=f"search-unpick-{model}"
        )
