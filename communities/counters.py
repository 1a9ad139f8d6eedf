"""Every topic keeps its number of replies and the time of its last activity, so that the
community overview lists topics without counting posts.

Both count what members read: posts that are not waiting for approval and not hidden.
They are worked out again from the topic's own posts (one range of the thread index)
whenever a post is published, hidden, restored or deleted, with the topic row locked
first, so that replies written at the same moment are all counted."""

from django.db import transaction
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce

from communities.models import Post, Topic


def counter_values(post_model):
    """The counters of a topic as SQL expressions over its posts, for ``update()`` of a
    topic queryset (``post_model``: ``Post``, or its historical model in a migration)."""
    readable = post_model.objects.filter(
        topic=OuterRef("pk"), needs_approval=False, is_hidden=False
    )
    replies = (
        readable.filter(is_opening=False)
        .order_by()
        .values("topic")
        .annotate(number=Count("pk"))
        .values("number")
    )
    latest = readable.order_by("-created_at", "-pk").values("created_at")[:1]
    return {
        "reply_count": Coalesce(Subquery(replies), 0),
        "last_activity_at": Coalesce(Subquery(latest), F("created_at")),
    }


@transaction.atomic
def refresh_topic(topic_id) -> None:
    """Count the replies of topic ``topic_id`` and find its last activity again."""
    list(Topic.objects.select_for_update().filter(pk=topic_id).values_list("pk", flat=True))
    Topic.objects.filter(pk=topic_id).update(**counter_values(Post))


def on_post_deleted(sender, instance, origin=None, **kwargs):
    """Receiver of ``post_delete`` for ``Post``: a post deleted on its own (or with a
    queryset of posts) leaves its topic; one deleted with its topic or community has
    nothing left to count."""
    if isinstance(origin, Post) or getattr(origin, "model", None) is Post:
        refresh_topic(instance.topic_id)
