"""The community home and a long thread take a bounded number of queries."""

import pytest
from django.urls import reverse

from communities.factories import (
    CommunityFileFactory,
    FolderFactory,
    MembershipFactory,
    PostAttachmentFactory,
    PostFactory,
    TopicFactory,
)
from communities.models import TopicKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_community(community, manager, community_member):
    for number in range(20):
        MembershipFactory(community=community)
        topic = TopicFactory(
            community=community,
            author=community_member,
            kind=TopicKind.QUESTION if number % 2 else TopicKind.DISCUSSION,
            is_pinned=number < 2,
        )
        PostFactory(topic=topic, is_opening=True)
    return community


def test_community_home_queries_are_bounded(
    client, busy_community, manager, django_assert_max_num_queries
):
    client.force_login(manager)
    # 27: two of them read the academy's e-learnings and trainings of the community (one
    # per page type; communities/tests/test_theme_links.py).
    with django_assert_max_num_queries(27):
        response = client.get(reverse("communities:home", args=[busy_community.slug]))
    assert response.status_code == 200


def test_thread_with_200_replies_queries_are_bounded(
    client, community, manager, community_member, django_assert_max_num_queries
):
    topic = TopicFactory(community=community, author=community_member, kind=TopicKind.QUESTION)
    PostFactory(topic=topic, is_opening=True)
    authors = [MembershipFactory(community=community).user for _ in range(10)]
    for number in range(200):
        post = PostFactory(topic=topic, author=authors[number % 10])
        if number % 20 == 0:
            PostAttachmentFactory(post=post)
    client.force_login(manager)
    url = reverse("communities:topic", args=[community.slug, topic.pk])
    with django_assert_max_num_queries(20):
        response = client.get(url)
    assert response.status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(url, {"nieuwste": "1"}).status_code == 200


def test_file_library_queries_are_bounded(
    client, community, manager, community_member, django_assert_max_num_queries
):
    folder = FolderFactory(community=community, name="Kenniskring")
    for number in range(8):
        FolderFactory(community=community, parent=folder, name=f"Jaar {2018 + number}")
    uploaders = [MembershipFactory(community=community).user for _ in range(5)]
    for number in range(30):
        CommunityFileFactory(community=community, folder=folder, uploaded_by=uploaders[number % 5])
    client.force_login(community_member)
    for url in (folder.get_absolute_url(), folder.get_absolute_url() + "?page=2&sorteer=nieuwste"):
        with django_assert_max_num_queries(20):
            assert client.get(url).status_code == 200
