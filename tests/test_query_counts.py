"""Queries per page do not grow with the number of related items (bench/queries.py
measures 10 against 1,000; here 3 against 30, to stay quick)."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench import corpus
from communities.factories import MembershipFactory, PostFactory, TopicFactory
from kennisbank.factories import ThemaPageFactory
from kennisbank.models import HandreikingPage, KennisbankIndexPage
from kpo import page_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme_page(home_page):
    page = ThemaPageFactory(parent=KennisbankIndexPage.objects.get(), slug="wet-bibob")
    page.save_revision().publish()
    return page


def add_products(theme_page, first, count):
    rng, fake = random.Random(first), corpus.text_generator(first)
    items = [
        (number, corpus.draw_item(number, rng, fake, [theme_page.theme_id]))
        for number in range(first, first + count)
    ]
    corpus.insert_items(KennisbankIndexPage.objects.get(), items)


def queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_theme_page_and_kennisbank_index_queries_do_not_grow_with_products(
    member_client, theme_page
):
    add_products(theme_page, 1, 3)
    few = [queries(member_client, theme_page.url), queries(member_client, "/kennisbank/")]
    add_products(theme_page, 4, 27)
    many = [queries(member_client, theme_page.url), queries(member_client, "/kennisbank/")]

    assert many == few


def test_community_thread_queries_do_not_grow_with_replies(member_client, member, home_page):
    membership = MembershipFactory(user=member)
    topic = TopicFactory(community=membership.community, author=member)
    PostFactory(topic=topic, is_opening=True)
    path = topic.get_absolute_url()
    for _ in range(3):
        PostFactory(topic=topic, author=member)
    few = queries(member_client, path)
    for _ in range(27):
        PostFactory(topic=topic, author=member)

    assert queries(member_client, path) == few


def test_community_home_queries_do_not_grow_with_topics(member_client, member, home_page):
    membership = MembershipFactory(user=member)
    path = f"/communities/{membership.community.slug}/"
    for _ in range(3):
        PostFactory(topic=TopicFactory(community=membership.community, author=member))
    few = queries(member_client, path)
    for _ in range(27):
        PostFactory(topic=TopicFactory(community=membership.community, author=member))

    assert queries(member_client, path) == few


def cold_queries(client, path):
    """Queries of a visit right after a publish (a new cache generation: no cached site,
    route or fragment), with the session and the user's access tokens already cached."""
    client.get(path)
    page_cache.new_generation()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_member_theme_page_and_handreiking_queries(member_client, theme_page):
    """After the first visit a member's theme page or handreiking takes one query: the
    user. The session, site, page, view restrictions, access tokens and the page's
    fragments come from the cache. Right after a publish everything but the session and
    access tokens is looked up again; the theme page's facets and count are one query, and
    its communities, e-learnings and trainings one query each (three tables that have
    nothing in common to join on; kennisbank/tests/test_theme_links.py checks that they do
    not grow with the number of courses)."""
    add_products(theme_page, 1, 3)
    handreiking = HandreikingPage.objects.filter(external_id__startswith="corpus-").first()

    assert queries(member_client, theme_page.url) == 1
    assert queries(member_client, handreiking.url) == 1
    assert cold_queries(member_client, theme_page.url) == 17
    assert cold_queries(member_client, handreiking.url) == 12
