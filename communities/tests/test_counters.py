"""A topic's reply count and last activity (communities/counters.py) stay right after a
reply, an approval, a hide, a restore and a delete, and the community overview shows them
without reading a single post."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from communities import moderation, posting
from communities.counters import refresh_topic
from communities.factories import MembershipFactory, PostFactory
from communities.models import Post, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(topic, opening_post, community_member):
    """The opening post and two replies, a minute apart."""
    start = timezone.now() - timedelta(hours=1)
    replies = [PostFactory(topic=topic, author=community_member) for _ in range(2)]
    for number, post in enumerate([opening_post, *replies]):
        Post.objects.filter(pk=post.pk).update(created_at=start + timedelta(minutes=number))
    refresh_topic(topic.pk)
    return [Post.objects.get(pk=post.pk) for post in (opening_post, *replies)]


def counters(topic):
    topic = Topic.objects.get(pk=topic.pk)
    return topic.reply_count, topic.last_activity_at


def test_a_reply_is_counted_and_is_the_last_activity(topic, thread, community_member):
    assert counters(topic) == (2, thread[2].created_at)
    reply = posting.reply(topic, community_member, source="Een derde reactie.")
    assert counters(topic) == (3, reply.created_at)


def test_a_held_reply_counts_once_approved(topic, thread, community, manager):
    community.first_posts_need_approval = True
    community.save()
    newcomer = MembershipFactory(community=community).user
    reply = posting.reply(topic, newcomer, source="Mijn eerste bericht.")
    assert reply.needs_approval
    assert counters(topic) == (2, thread[2].created_at)

    moderation.approve_post(manager, reply)
    assert counters(topic) == (3, reply.created_at)


def test_hiding_the_last_reply_takes_it_out_and_restoring_puts_it_back(topic, thread, manager):
    moderation.hide_post(manager, thread[2], "Persoonsgegevens")
    assert counters(topic) == (1, thread[1].created_at)

    moderation.restore_post(manager, thread[2])
    assert counters(topic) == (2, thread[2].created_at)


def test_deleting_replies_keeps_the_counts_right(topic, thread):
    thread[2].delete()
    assert counters(topic) == (1, thread[1].created_at)

    Post.objects.filter(pk=thread[1].pk).delete()
    assert counters(topic) == (0, thread[0].created_at)


def test_deleting_a_topic_with_its_posts_needs_no_counting(topic, thread):
    with CaptureQueriesContext(connection) as captured:
        topic.delete()
    assert not Topic.objects.filter(pk=topic.pk).exists()
    counting = [query["sql"] for query in captured if "reply_count" in query["sql"]]
    assert counting == []


def test_the_overview_shows_the_counts_without_reading_posts(
    client, community, topic, thread, community_member, manager
):
    moderation.hide_post(manager, thread[1], "Buiten het onderwerp")
    client.force_login(community_member)
    url = reverse("communities:home", args=[community.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)

    html = re.sub(r"\s+", " ", response.content.decode())
    assert '<span class="kpo-topic-list__count">1</span> reactie' in html
    reading_posts = [query["sql"] for query in captured if '"communities_post"' in query["sql"]]
    assert reading_posts == []
