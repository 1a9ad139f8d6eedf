"""Document builders for what is written and shared in a community: posts (the opening
posts of discussions and questions, and their replies, with the text of their attached
files) and the files of its library (with the text of their current version). Only the
community's members hold its token. A post that waits for approval, is hidden by a manager
or belongs to a topic that waits for approval is not searchable, nor is a hidden file."""

import hashlib

from django.utils.translation import gettext_lazy as _

from communities.models import AttachmentKind, CommunityFile, Post, TopicKind

from ..extraction import stored_text
from . import ItemData, html_text, local_date, register

TYPE_DISCUSSION = "discussie"
TYPE_QUESTION = "vraag"
TYPE_REPLY = "reactie"
TYPE_FILE = "bestand"


def file_text(field) -> str:
    """The text of a stored upload (an attachment, a library file version). Stored uploads
    never change: the file's storage name identifies its content."""
    version = hashlib.sha1(field.name.encode(), usedforsecurity=False).hexdigest()
    return stored_text(field.instance, version, field)


def post_type(post) -> str:
    if not post.is_opening:
        return TYPE_REPLY
    return TYPE_QUESTION if post.topic.kind == TopicKind.QUESTION else TYPE_DISCUSSION


def is_searchable(post) -> bool:
    return not (post.is_hidden or post.needs_approval or post.topic.needs_approval)


def prefetch_posts(posts):
    return posts.select_related("topic__community").prefetch_related(
        "attachments", "topic__community__themes"
    )


def prefetch_files(files):
    return files.select_related("community", "current_version").prefetch_related(
        "community__themes"
    )


@register(
    Post,
    {TYPE_DISCUSSION: _("Discussie"), TYPE_QUESTION: _("Vraag"), TYPE_REPLY: _("Reactie")},
    prefetch=prefetch_posts,
)
def build_post(post) -> ItemData | None:
    if not is_searchable(post):
        return None
    topic, community = post.topic, post.topic.community
    return ItemData(
        title=topic.title,
        url=post.get_absolute_url(),
        type=post_type(post),
        access=community.token,
        body=html_text(post.body),
        attachment_text=" ".join(
            file_text(attachment.content)
            for attachment in post.attachments.all()
            if attachment.kind == AttachmentKind.ATTACHMENT
        ),
        themes=list(community.themes.all()),
        date=local_date(post.created_at),
        community_id=community.pk,
        community_name=community.name,
    )


@register(CommunityFile, {TYPE_FILE: _("Bestand")}, prefetch=prefetch_files)
def build_file(item) -> ItemData | None:
    version = item.current_version
    if item.is_hidden or version is None:
        return None
    community = item.community
    return ItemData(
        title=item.title,
        url=item.get_absolute_url(),
        type=TYPE_FILE,
        access=community.token,
        summary=item.description,
        attachment_text=file_text(version.content),
        themes=list(community.themes.all()),
        date=local_date(item.updated_at),
        community_id=community.pk,
        community_name=community.name,
    )
