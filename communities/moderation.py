"""Reports and the managers' moderation actions. Every action is written to the log."""

from django.db import transaction
from django.utils import timezone

from communities.counters import refresh_topic
from communities.models import ModerationAction, ModerationLogEntry, Post, Report


def log(community, actor, action, *, target_user=None, topic=None, post=None, file=None, reason=""):
    return ModerationLogEntry.objects.create(
        community=community,
        actor=actor,
        action=action,
        target_user=target_user,
        topic=topic,
        post=post,
        file=file,
        reason=reason,
    )


def report(post, reporter, reason):
    """A member flags a post; one open report per member and post."""
    existing = post.reports.filter(reporter=reporter, resolved_at=None).first()
    if existing:
        return existing
    return Report.objects.create(post=post, reporter=reporter, reason=reason)


def open_reports(community):
    return (
        Report.objects.filter(post__topic__community=community, resolved_at=None)
        .select_related("post__topic", "post__author", "reporter")
        .order_by("created_at")
    )


def resolve_reports(post):
    post.reports.filter(resolved_at=None).update(resolved_at=timezone.now())


@transaction.atomic
def hide_post(manager, post, reason):
    post.is_hidden, post.hidden_reason = True, reason
    post.save(update_fields=["is_hidden", "hidden_reason"])
    refresh_topic(post.topic_id)
    resolve_reports(post)
    log(post.topic.community, manager, ModerationAction.HIDE_POST, post=post, reason=reason)


@transaction.atomic
def restore_post(manager, post):
    post.is_hidden, post.hidden_reason = False, ""
    post.save(update_fields=["is_hidden", "hidden_reason"])
    refresh_topic(post.topic_id)
    log(post.topic.community, manager, ModerationAction.RESTORE_POST, post=post)


@transaction.atomic
def approve_post(manager, post):
    from communities.posting import approve

    approve(post)
    log(post.topic.community, manager, ModerationAction.APPROVE_POST, post=post)


def held_posts(community):
    """First posts of new members waiting for a manager."""
    return (
        Post.objects.filter(topic__community=community, needs_approval=True)
        .select_related("topic", "author")
        .order_by("created_at")
    )


@transaction.atomic
def dismiss_reports(manager, post):
    resolve_reports(post)
    log(post.topic.community, manager, ModerationAction.DISMISS_REPORT, post=post)


TOPIC_ACTIONS = {
    ModerationAction.LOCK_TOPIC: ("is_locked", True),
    ModerationAction.UNLOCK_TOPIC: ("is_locked", False),
    ModerationAction.PIN_TOPIC: ("is_pinned", True),
    ModerationAction.UNPIN_TOPIC: ("is_pinned", False),
}


@transaction.atomic
def change_topic(manager, topic, action):
    """Lock, unlock, pin or unpin a topic."""
    field, value = TOPIC_ACTIONS[action]
    setattr(topic, field, value)
    topic.save(update_fields=[field])
    log(topic.community, manager, action, topic=topic)
