"""Writing in a community: topics, replies, edits (with history) and accepted answers.

Every post body goes through ``kpo.sanitize``; @mentions of members become links."""

import re
import time

from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from communities.counters import refresh_topic
from communities.library import remove_stored
from communities.models import (
    AttachmentKind,
    FollowLevel,
    Membership,
    MembershipStatus,
    Post,
    PostAttachment,
    PostRevision,
    Topic,
)
from communities.notify import follow, notify_accepted, notify_new_post
from kpo.s3storage import StorageUnavailable, delete_quietly
from kpo.sanitize import sanitize_html, text_to_html

MENTION = re.compile(r"(?<![\w@/.:=&\"'-])@([a-z0-9][a-z0-9-]*[a-z0-9])", re.IGNORECASE)
RATE_LIMIT_POSTS = 5
RATE_LIMIT_SECONDS = 60
RATE_LIMIT_MESSAGE = _(
    "U plaatst te snel achter elkaar berichten. Wacht een minuut en probeer het dan opnieuw; "
    "uw tekst is bewaard."
)


class PostingError(Exception):
    """Posting is not allowed right now; the message is shown next to the text field."""


def mention_handle(user):
    """The name to @mention a member with: their full name as a slug, e.g. @lars-mulder."""
    return slugify(user.full_name or user.email.split("@")[0])


def member_handles(community):
    """Handle → user id of the community's active members."""
    members = Membership.objects.filter(
        community=community, status=MembershipStatus.ACTIVE
    ).select_related("user")
    return {mention_handle(membership.user): membership.user_id for membership in members}


def render_body(source, community):
    """Sanitised HTML for ``source`` and the ids of the members it mentions."""
    handles = member_handles(community)
    members_url = reverse("communities:members", args=[community.slug])
    mentioned = set()

    def link(match):
        user_id = handles.get(match.group(1).lower())
        if user_id is None:
            return match.group(0)
        mentioned.add(user_id)
        return f'<a href="{members_url}#lid-{user_id}">@{escape(match.group(1).lower())}</a>'

    return sanitize_html(MENTION.sub(link, text_to_html(source))), mentioned


def check_rate_limit(user, now: float | None = None):
    """At most ``RATE_LIMIT_POSTS`` posts per member in a window of ``RATE_LIMIT_SECONDS``
    that starts at their first post after the previous window ended (``now``: seconds since
    the epoch, the current time if None).

    The window's start is part of the count's key, so a new window counts from zero however
    long the cache keeps an old count (``incr`` stores it again with the backend's default
    timeout on the file and database caches)."""
    now = time.time() if now is None else now
    key = f"communities:posts:{user.pk}:{window_start(user.pk, now)}"
    cache.add(key, 0, RATE_LIMIT_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, RATE_LIMIT_SECONDS)
        count = 1
    if count > RATE_LIMIT_POSTS:
        raise PostingError(RATE_LIMIT_MESSAGE)


def window_start(user_id, now: float) -> float:
    """When the member's current rate-limit window started: ``now`` if it has ended."""
    key = f"communities:posts:{user_id}:window"
    start = cache.get(key)
    if start is None or not start <= now < start + RATE_LIMIT_SECONDS:
        start = now
        cache.set(key, start, RATE_LIMIT_SECONDS)
    return start


def needs_approval(community, author):
    """A new member's first post waits for a manager, if the community asks for that."""
    if not community.first_posts_need_approval:
        return False
    membership = Membership.objects.filter(community=community, user=author).first()
    if membership is not None and membership.is_manager:
        return False
    return not Post.objects.filter(
        topic__community=community, author=author, needs_approval=False
    ).exists()


def add_attachments(post, images=(), attachments=()):
    """Store checked uploads (``communities.library.CheckedUpload``) with ``post``. When the
    object store fails on one, the files stored before it are removed again (the post's
    transaction is rolled back) and ``StorageUnavailable`` is raised."""
    stored = []
    for kind, uploads in ((AttachmentKind.IMAGE, images), (AttachmentKind.ATTACHMENT, attachments)):
        for upload in uploads:
            attachment = PostAttachment(
                post=post,
                kind=kind,
                filename=upload.filename,
                size=upload.size,
                content_type=upload.content_type,
            )
            try:
                attachment.content.save(upload.filename, upload.file, save=False)
            except StorageUnavailable:
                delete_quietly(attachment.content.storage, stored)
                raise
            stored.append(attachment.content.name)
            attachment.save()


@transaction.atomic
def start_topic(community, author, kind, title, source, images=(), attachments=()):
    check_rate_limit(author)
    held = needs_approval(community, author)
    topic = Topic.objects.create(
        community=community, author=author, kind=kind, title=title, needs_approval=held
    )
    body, mentioned = render_body(source, community)
    post = Post.objects.create(
        topic=topic, author=author, is_opening=True, source=source, body=body, needs_approval=held
    )
    add_attachments(post, images, attachments)
    follow(author, community, FollowLevel.WATCH, topic=topic)
    if not held:
        notify_new_post(post, mentioned)
    return topic


@transaction.atomic
def reply(topic, author, source, images=(), attachments=()):
    if topic.is_locked:
        raise PostingError(_("Dit onderwerp is gesloten; reageren kan niet meer."))
    check_rate_limit(author)
    held = needs_approval(topic.community, author)
    body, mentioned = render_body(source, topic.community)
    post = Post.objects.create(
        topic=topic, author=author, source=source, body=body, needs_approval=held
    )
    add_attachments(post, images, attachments)
    if not held:
        publish(post, mentioned)
    return post


def publish(post, mentioned):
    """Count the post in its thread and tell the followers and the members mentioned."""
    refresh_topic(post.topic_id)
    notify_new_post(post, mentioned)


@transaction.atomic
def approve(post):
    """A manager lets a held first post through; only now are others notified."""
    post.needs_approval = False
    post.save(update_fields=["needs_approval"])
    if post.is_opening:
        Topic.objects.filter(pk=post.topic_id).update(needs_approval=False)
    _body, mentioned = render_body(post.source, post.topic.community)
    publish(post, mentioned)


@transaction.atomic
def edit(post, editor, source, images=(), attachments=(), removed=()):
    """Keep the current version as a revision, then save the new text; add the new
    attachments and delete the ``removed`` ones (also from storage)."""
    PostRevision.objects.create(post=post, source=post.source, body=post.body, edited_by=editor)
    post.source = source
    post.body, _mentioned = render_body(source, post.topic.community)
    post.edited_at = timezone.now()
    post.save(update_fields=["source", "body", "edited_at"])
    add_attachments(post, images, attachments)
    remove_attachments(post, removed)
    return post


def remove_attachments(post, attachments):
    stored = [item.content for item in attachments if item.post_id == post.pk]
    post.attachments.filter(pk__in=[item.pk for item in attachments]).delete()
    transaction.on_commit(lambda: remove_stored(stored))


def accept_answer(topic, post, user):
    """Mark ``post`` as the answer to the question ``topic`` (or take the mark away)."""
    topic.accepted_answer = None if topic.accepted_answer_id == post.pk else post
    topic.save(update_fields=["accepted_answer"])
    if topic.accepted_answer is not None:
        notify_accepted(post, user)
    return topic
