"""The access matrix: every community URL for every kind of visitor."""

import pytest
from django.urls import reverse

from communities.factories import (
    CommunityFactory,
    CommunityFileFactory,
    FolderFactory,
    MembershipFactory,
    PostAttachmentFactory,
    PostFactory,
    TopicFactory,
)
from communities.models import AttachmentKind, CommunityType, MembershipStatus, Role

ROLES = ["anonymous", "unapproved_user", "outsider", "pending_user", "banned_user"]
SECRET = "Geheime casus over de loods in Moerdijk"


@pytest.fixture
def thread(community, manager, community_member):
    topic = TopicFactory(community=community, author=community_member, title=SECRET)
    opening = PostFactory(topic=topic, is_opening=True, source=f"{SECRET}: wie weet meer?")
    answer = PostFactory(topic=topic, author=manager, source="Een antwoord.")
    PostAttachmentFactory(post=answer, filename="antwoord.pdf")
    PostAttachmentFactory(post=answer, kind=AttachmentKind.IMAGE, filename="kaart.png")
    folder = FolderFactory(community=community, name=SECRET)
    CommunityFileFactory(community=community, folder=folder, uploaded_by=manager, title=SECRET)
    return topic, opening, answer


def download_urls(community, post):
    """The URLs that serve file contents: library file versions and post attachments."""
    slug = community.slug
    item = community.files.get()
    return [
        reverse("communities:file_download", args=[slug, item.pk]),
        reverse("communities:version_download", args=[slug, item.pk, item.current_version_id]),
        *(attachment.get_absolute_url() for attachment in post.attachments.all()),
    ]


def file_urls(community, post):
    """The library pages and every download URL (GET) of ``community``."""
    slug = community.slug
    item = community.files.get()
    pages = [
        reverse("communities:files", args=[slug]),
        reverse("communities:folder", args=[slug, item.folder_id]),
        reverse("communities:file", args=[slug, item.pk]),
    ]
    return [("get", url) for url in pages + download_urls(community, post)]


def member_urls(community, topic, post):
    """GET and POST URLs that every active member may use."""
    slug = community.slug
    return [
        *file_urls(community, post),
        ("post", reverse("communities:upload", args=[slug])),
        ("get", reverse("communities:home", args=[slug])),
        ("get", reverse("communities:members", args=[slug])),
        ("get", reverse("communities:new_topic", args=[slug])),
        ("get", reverse("communities:topic", args=[slug, topic.pk])),
        ("get", reverse("communities:post_history", args=[slug, post.pk])),
        ("get", reverse("communities:report", args=[slug, post.pk])),
        ("post", reverse("communities:reply", args=[slug, topic.pk])),
        ("post", reverse("communities:follow", args=[slug])),
        ("post", reverse("communities:follow_topic", args=[slug, topic.pk])),
    ]


def manager_urls(community, topic, post, membership):
    slug = community.slug
    item = community.files.get()
    return [
        ("post", reverse("communities:new_folder", args=[slug])),
        ("post", reverse("communities:new_subfolder", args=[slug, item.folder_id])),
        ("post", reverse("communities:new_version", args=[slug, item.pk])),
        ("post", reverse("communities:manage_file", args=[slug, item.pk])),
        ("get", reverse("communities:moderation", args=[slug])),
        ("post", reverse("communities:moderate_post", args=[slug, post.pk])),
        ("post", reverse("communities:moderate_topic", args=[slug, topic.pk])),
        ("post", reverse("communities:decide", args=[slug, membership.pk])),
        ("post", reverse("communities:invite", args=[slug])),
    ]


def all_urls(community, thread, membership):
    topic, _opening, answer = thread
    return member_urls(community, topic, answer) + manager_urls(
        community, topic, answer, membership
    )


def login(client, request, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))


@pytest.mark.parametrize("role", ROLES)
def test_non_members_get_no_content_from_any_community_url(
    client, request, role, community, thread, community_member
):
    login(client, request, role)
    membership = community.memberships.get(user=community_member)
    for method, url in all_urls(community, thread, membership):
        response = getattr(client, method)(url)
        if role == "anonymous":
            assert response.status_code == 302, url
            assert response.url.startswith(reverse("account_login")), url
        else:
            assert response.status_code == 403, (url, response.status_code)
            assert SECRET not in response.content.decode(), url
    community.refresh_from_db()
    assert community.topics.get().reply_count == 0


def test_members_reach_member_urls_but_not_manager_urls(
    client, community, thread, community_member, manager
):
    client.force_login(community_member)
    topic, _opening, answer = thread
    for method, url in member_urls(community, topic, answer):
        response = getattr(client, method)(url, {"level": "normal", "source": "Ik ook."})
        if url == reverse("communities:upload", args=[community.slug]):
            assert response.status_code == 400, url  # no file: the form answers, no 403
        else:
            assert response.status_code in (200, 302), url
    membership = community.memberships.get(user=manager)
    for method, url in manager_urls(community, topic, answer, membership):
        assert getattr(client, method)(url).status_code == 403, url


def test_managers_reach_every_url(client, community, thread, manager, pending_user):
    client.force_login(manager)
    topic, _opening, answer = thread
    membership = community.memberships.get(user=pending_user)
    for method, url in all_urls(community, thread, membership):
        response = getattr(client, method)(url)
        assert response.status_code in (200, 302, 400), (url, response.status_code)
        assert response.status_code != 400 or method == "post"


def test_the_home_page_shows_members_the_content(client, community, thread, community_member):
    client.force_login(community_member)
    response = client.get(reverse("communities:home", args=[community.slug]))
    assert SECRET in response.content.decode()


def test_the_refusal_offers_to_join_without_content(client, community, thread, outsider):
    client.force_login(outsider)
    response = client.get(reverse("communities:home", args=[community.slug]))
    assert response.status_code == 403
    html = response.content.decode()
    assert community.description in html
    assert "Lidmaatschap aanvragen" in html
    assert SECRET not in html


@pytest.mark.parametrize("status", [None, MembershipStatus.PENDING, MembershipStatus.BANNED])
def test_hidden_communities_answer_404_to_non_members(client, outsider, status):
    hidden = CommunityFactory(name="LFT OMG contactpersonen", type=CommunityType.HIDDEN)
    if status:
        MembershipFactory(community=hidden, user=outsider, status=status)
    topic = TopicFactory(community=hidden)
    post = PostFactory(topic=topic, is_opening=True)
    PostAttachmentFactory(post=post)
    CommunityFileFactory(community=hidden, folder=FolderFactory(community=hidden))
    client.force_login(outsider)
    for method, url in member_urls(hidden, topic, post):
        assert getattr(client, method)(url).status_code == 404, url
    assert client.post(reverse("communities:join", args=[hidden.slug])).status_code == 404


def test_hidden_communities_open_for_their_members(client, member):
    hidden = CommunityFactory(name="LFT OMG contactpersonen", type=CommunityType.HIDDEN)
    MembershipFactory(community=hidden, user=member, role=Role.MEMBER)
    client.force_login(member)
    assert client.get(reverse("communities:home", args=[hidden.slug])).status_code == 200


def test_a_member_who_left_loses_access(client, community, thread, community_member):
    client.force_login(community_member)
    assert client.post(reverse("communities:leave", args=[community.slug])).status_code == 302
    response = client.get(reverse("communities:topic", args=[community.slug, thread[0].pk]))
    assert response.status_code == 403


def test_only_the_author_edits_a_post(client, community, thread, community_member, manager):
    _topic, opening, answer = thread
    client.force_login(community_member)
    assert (
        client.get(reverse("communities:edit_post", args=[community.slug, opening.pk])).status_code
        == 200
    )
    assert (
        client.get(reverse("communities:edit_post", args=[community.slug, answer.pk])).status_code
        == 403
    )


def test_unknown_communities_answer_404(client, member):
    client.force_login(member)
    assert client.get(reverse("communities:home", args=["bestaat-niet"])).status_code == 404


@pytest.fixture
def other_community_member(db):
    """An active member of another community only."""
    return MembershipFactory(community=CommunityFactory(name="Criminele Geldstromen")).user


FILE_STATUS = {
    "anonymous": 302,
    "unapproved_user": 403,
    "outsider": 403,
    "other_community_member": 403,
    "pending_user": 403,
    "banned_user": 403,
    "community_member": 200,
    "manager": 200,
}


@pytest.mark.parametrize(("role", "expected"), FILE_STATUS.items())
def test_file_downloads_and_attachments_per_role(client, request, role, expected, thread):
    """Every file URL gives each role the expected status; only members get the bytes."""
    community, answer = thread[0].community, thread[2]
    login(client, request, role)
    for _method, url in file_urls(community, answer):
        response = client.get(url)
        assert response.status_code == expected, (url, response.status_code)
        if expected != 200:
            assert SECRET not in response.content.decode(), url
    for url in download_urls(community, answer):
        response = client.get(url)
        if expected == 200:
            assert response["Content-Disposition"].startswith("attachment;"), url
            assert response["X-Content-Type-Options"] == "nosniff", url
            assert response["Cache-Control"] == "private, no-store", url
        else:
            assert not response.has_header("Content-Disposition"), url
