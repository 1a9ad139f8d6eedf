"""Document builders for community posts: the opening posts of discussions and questions,
and their replies. Only the community's members hold its token; a post that waits for
approval, is hidden by a manager or belongs to a topic that waits for approval is not
searchable."""

from django.utils.translation import gettext_lazy as _

from communities.models import Post, TopicKind
from communities.views import post_url

from . import ItemData, html_text, local_date, register

TYPE_DISCUSSION = "discussie"
TYPE_QUESTION = "vraag"
TYPE_REPLY = "reactie"


def post_type(post) -> str:
    if not post.is_opening:
        return TYPE_REPLY
    return TYPE_QUESTION if post.topic.kind == TopicKind.QUESTION else TYPE_DISCUSSION


def is_searchable(post) -> bool:
    return not (post.is_hidden or post.needs_approval or post.topic.needs_approval)


@register(
    Post,
    {TYPE_DISCUSSION: _("Discussie"), TYPE_QUESTION: _("Vraag"), TYPE_REPLY: _("Reactie")},
)
def build_post(post) -> ItemData | None:
    if not is_searchable(post):
        return None
    topic, community = post.topic, post.topic.community
    return ItemData(
        title=topic.title,
        url=post_url(post, topic),
        type=post_type(post),
        access=community.token,
        body=html_text(post.body),
        themes=list(community.themes.all()),
        date=local_date(post.created_at),
        community_id=community.pk,
        community_name=community.name,
    )
