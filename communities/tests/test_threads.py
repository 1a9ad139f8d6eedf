"""Threads are read a page at a time by cursor (communities/threads.py): a 2,000-post
thread opens with as many queries as a 20-post one, the older and newer links walk every
post once, and a post's own link (in a notification, after a reply) opens the page that
holds it."""

import re
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from communities import posting
from communities.factories import MembershipFactory, TopicFactory
from communities.models import FollowLevel, Notification, Post
from communities.notify import follow
from communities.threads import POSTS_PER_PAGE, Cursor, after, cursor_of

pytestmark = pytest.mark.django_db
POST_ID = re.compile(r'id="bericht-(\d+)"')
LINK = re.compile(r'rel="(prev|next)" href="\?(\w+)=([\d-]+)"')


def thread_of(community, author, posts):
    """A topic with ``posts`` posts (the first the opening one), inserted in bulk; every
    three posts share a timestamp, so the cursor's tie-break on the id is exercised."""
    topic = TopicFactory(community=community, author=author)
    rows = Post.objects.bulk_create(
        Post(
            topic=topic,
            author=author,
            is_opening=number == 0,
            source=f"Bericht {number}",
            body=f"<p>Bericht {number}</p>",
        )
        for number in range(posts)
    )
    start = timezone.now() - timedelta(days=30)
    for number, post in enumerate(rows):
        post.created_at = start + timedelta(seconds=number // 3)
    Post.objects.bulk_update(rows, ["created_at"], batch_size=500)
    return topic, [post.pk for post in rows]


def shown(response):
    assert response.status_code == 200
    return [int(pk) for pk in POST_ID.findall(response.content.decode())]


def links(response):
    """{"prev"/"next": (parameter, cursor)} of the thread's older and newer links."""
    return {rel: (name, value) for rel, name, value in LINK.findall(response.content.decode())}


def query_count(client, url):
    client.get(url)  # the session, the user's tokens and the routes are cached after this
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.fixture
def reader(client, community_member):
    client.force_login(community_member)
    return client


def test_a_2000_post_thread_opens_with_as_many_queries_as_a_20_post_one(
    reader, community, community_member
):
    short, short_ids = thread_of(community, community_member, 20)
    long, long_ids = thread_of(community, community_member, 2000)
    last_short = Post.objects.get(pk=short_ids[-1])
    last_long = Post.objects.get(pk=long_ids[-1])

    def counts(topic, last):
        url = topic.get_absolute_url()
        return [
            query_count(reader, url),
            query_count(reader, last.get_absolute_url()),
            query_count(reader, f"{url}?nieuwste=1"),
            query_count(reader, f"{url}?na={cursor_of(topic.posts.first())}"),
        ]

    assert counts(long, last_long) == counts(short, last_short)
    assert len(shown(reader.get(long.get_absolute_url()))) == POSTS_PER_PAGE


def test_older_and_newer_links_walk_every_post_once(reader, community, community_member):
    topic, ids = thread_of(community, community_member, 3 * POSTS_PER_PAGE + 7)
    url = topic.get_absolute_url()

    response, forward = reader.get(url), []
    while True:
        forward += shown(response)
        if "next" not in links(response):
            break
        name, cursor = links(response)["next"]
        response = reader.get(url, {name: cursor})
    assert forward == ids

    response, backward = reader.get(url, {"nieuwste": "1"}), []
    while True:
        backward = shown(response) + backward
        if "prev" not in links(response):
            break
        name, cursor = links(response)["prev"]
        response = reader.get(url, {name: cursor})
    assert backward == ids


def test_a_page_stays_the_same_while_replies_are_added(reader, community, community_member):
    topic, ids = thread_of(community, community_member, 2 * POSTS_PER_PAGE)
    second_page = {"na": str(cursor_of(Post.objects.get(pk=ids[POSTS_PER_PAGE - 1])))}
    before = shown(reader.get(topic.get_absolute_url(), second_page))
    Post.objects.create(topic=topic, author=community_member, source="Nieuw", body="<p>Nieuw</p>")

    assert shown(reader.get(topic.get_absolute_url(), second_page)) == before == ids[50:]


def test_a_deep_link_opens_the_page_that_holds_the_post(reader, community, community_member):
    topic, ids = thread_of(community, community_member, 2000)
    for position in (1, 60, 1234, 1999):
        post = Post.objects.get(pk=ids[position])
        url = post.get_absolute_url()
        assert url.endswith(f"#bericht-{post.pk}")
        page = shown(reader.get(url))
        assert post.pk in page and len(page) == POSTS_PER_PAGE
    assert Post.objects.get(pk=ids[0]).get_absolute_url() == (
        f"{topic.get_absolute_url()}#bericht-{ids[0]}"
    )


def test_a_reply_notification_lands_on_the_page_with_the_reply(
    client, community, community_member, manager
):
    topic, _ids = thread_of(community, manager, 500)
    follow(community_member, community, FollowLevel.WATCH)
    topic.refresh_from_db()
    reply = posting.reply(topic, manager, source="Het nieuwste antwoord in een lang gesprek.")
    notification = Notification.objects.get(user=community_member, post=reply)
    assert notification.url == reply.get_absolute_url()

    client.force_login(community_member)
    assert reply.pk in shown(client.get(notification.url))


def test_a_reply_without_javascript_redirects_to_its_page(
    reader, community, community_member, manager
):
    topic, _ids = thread_of(community, manager, 300)
    url = reverse("communities:reply", args=[community.slug, topic.pk])
    response = reader.post(url, {"source": "Mijn reactie onderaan een lang gesprek."})
    reply = topic.posts.get(source__startswith="Mijn reactie")
    assert response.status_code == 302
    assert response.url == reply.get_absolute_url()
    assert reply.pk in shown(reader.get(response.url))


def test_held_posts_stay_out_of_a_members_pages(reader, community, community_member, manager):
    topic, ids = thread_of(community, manager, 10)
    Post.objects.filter(pk=ids[5]).update(needs_approval=True)
    assert shown(reader.get(topic.get_absolute_url())) == ids[:5] + ids[6:]
    assert shown(reader.get(Post.objects.get(pk=ids[5]).get_absolute_url())) == ids[:5] + ids[6:]


@pytest.mark.parametrize("cursor", ["abc", "12-", "-5", "99999999999999999999999-1"])
def test_a_broken_cursor_shows_the_first_page_and_says_so(
    reader, community, community_member, cursor
):
    topic, ids = thread_of(community, community_member, 60)
    response = reader.get(topic.get_absolute_url(), {"na": cursor})
    assert shown(response) == ids[:POSTS_PER_PAGE]
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "Deze link naar een deel van het onderwerp klopt niet."
    ]


def test_a_cursor_reads_back_what_it_wrote():
    moment = timezone.now().replace(microsecond=123456)
    cursor = Cursor(moment, 42)
    assert Cursor.parse(str(cursor)) == cursor


def test_a_thread_page_is_an_index_range_read(community, community_member):
    topic, ids = thread_of(community, community_member, 2000)
    for _ in range(5):
        thread_of(community, MembershipFactory(community=community).user, 400)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE communities_post")
    cursor = cursor_of(Post.objects.get(pk=ids[1500]))
    plan = topic.posts.filter(after(cursor)).order_by("created_at", "pk")[:51].explain()
    assert "communities_post_thread" in plan and "Seq Scan" not in plan
