import pytest
from django.core import mail
from django.urls import reverse

from communities.models import Notification, NotificationKind, Post, PostRevision, TopicKind
from communities.posting import RATE_LIMIT_POSTS, RATE_LIMIT_SECONDS, PostingError, check_rate_limit

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def test_a_member_asks_a_question(client, community, community_member, manager):
    client.force_login(community_member)
    url = reverse("communities:new_topic", args=[community.slug])
    response = client.post(
        url,
        {
            "kind": TopicKind.QUESTION,
            "title": "Controle leegstaande schuur",
            "source": "Wie heeft ervaring?\n\n<script>alert(1)</script><b>Graag</b>",
        },
    )
    assert response.status_code == 302
    topic = community.topics.get()
    post = topic.posts.get()
    assert (topic.kind, post.is_opening) == (TopicKind.QUESTION, True)
    assert post.body == "<p>Wie heeft ervaring?</p><p>alert(1)<b>Graag</b></p>"
    assert "Wie heeft ervaring?" in client.get(response.url).content.decode()


def test_a_topic_needs_a_title_and_keeps_the_text(client, community, community_member):
    client.force_login(community_member)
    response = client.post(
        reverse("communities:new_topic", args=[community.slug]),
        {"kind": TopicKind.DISCUSSION, "title": "", "source": "Mijn lange bericht"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Dit is een verplicht veld." in html
    assert "Mijn lange bericht" in html


def test_reply_without_javascript_redirects_to_the_post(
    client, topic, opening_post, community_member
):
    client.force_login(community_member)
    url = reverse("communities:reply", args=[topic.community.slug, topic.pk])
    response = client.post(url, {"source": "Wij gebruiken de Weerbaarheidsscan."})
    post = topic.posts.get(is_opening=False)
    assert response.status_code == 302
    assert response.url.endswith(f"#bericht-{post.pk}")
    topic.refresh_from_db()
    assert topic.reply_count == 1


def test_reply_with_htmx_returns_the_partial(client, topic, opening_post, community_member):
    client.force_login(community_member)
    url = reverse("communities:reply", args=[topic.community.slug, topic.pk])
    response = client.post(url, {"source": "Met htmx geplaatst."}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="reply-area"' in html
    assert 'hx-swap-oob="beforeend:#posts"' in html
    assert "Met htmx geplaatst." in html
    assert "<html" not in html


def test_an_empty_reply_is_explained_in_place(client, topic, opening_post, community_member):
    client.force_login(community_member)
    url = reverse("communities:reply", args=[topic.community.slug, topic.pk])
    response = client.post(url, {"source": ""}, **HTMX)
    assert "Dit is een verplicht veld." in response.content.decode()
    assert client.post(url, {"source": ""}).status_code == 400


def test_mentions_link_and_notify_the_member(
    client, topic, opening_post, community_member, manager
):
    client.force_login(manager)
    url = reverse("communities:reply", args=[topic.community.slug, topic.pk])
    client.post(url, {"source": "@lars-mulder kijk eens naar de handreiking, en @onbekend ook."})
    post = topic.posts.get(is_opening=False)
    assert (
        f'href="/communities/{topic.community.slug}/leden/#lid-{community_member.pk}"' in post.body
    )
    assert "@onbekend" in post.body and post.body.count("<a ") == 1
    notification = Notification.objects.get(user=community_member)
    assert notification.kind == NotificationKind.MENTION
    assert notification.message == f"Carla Visser noemde u in ‘{topic.title}’"
    assert notification.url.endswith(f"#bericht-{post.pk}")
    email = mail.outbox[-1]
    assert email.to == [community_member.email]
    assert "kijk eens naar de handreiking" in email.body
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert not Notification.objects.filter(user=manager).exists()


def test_mentions_of_non_members_do_nothing(client, topic, opening_post, manager, outsider):
    client.force_login(manager)
    url = reverse("communities:reply", args=[topic.community.slug, topic.pk])
    client.post(url, {"source": "@noor-el-amrani weet jij dit?"})
    assert not Notification.objects.filter(user=outsider).exists()
    assert all(outsider.email not in email.to for email in mail.outbox)


def test_authors_edit_and_history_is_kept(client, reply_post, community_member):
    client.force_login(community_member)
    slug = reply_post.topic.community.slug
    url = reverse("communities:edit_post", args=[slug, reply_post.pk])
    assert "Wij werken met een meldpunt." in client.get(url).content.decode()
    assert (
        client.post(url, {"source": "Wij werken met een meldpunt en een loket."}).status_code == 302
    )
    reply_post.refresh_from_db()
    assert reply_post.edited_at is not None
    revision = PostRevision.objects.get(post=reply_post)
    assert revision.source == "Wij werken met een meldpunt."
    history = client.get(reverse("communities:post_history", args=[slug, reply_post.pk]))
    assert "Wij werken met een meldpunt.</p>" in history.content.decode()


@pytest.mark.parametrize("who", ["asker", "manager"])
def test_asker_or_manager_accepts_an_answer(
    client, request, community, manager, community_member, who
):
    from communities.factories import PostFactory, TopicFactory

    topic = TopicFactory(community=community, author=community_member, kind=TopicKind.QUESTION)
    PostFactory(topic=topic, is_opening=True)
    answer = PostFactory(topic=topic, author=manager if who == "asker" else community_member)
    client.force_login(community_member if who == "asker" else manager)
    url = reverse("communities:accept", args=[community.slug, answer.pk])
    response = client.post(url, **HTMX)
    assert response.status_code == 200
    assert "Geaccepteerd antwoord" in response.content.decode()
    topic.refresh_from_db()
    assert topic.accepted_answer == answer
    if answer.author != (community_member if who == "asker" else manager):
        assert Notification.objects.get(user=answer.author).kind == NotificationKind.ACCEPTED


def test_other_members_cannot_accept(
    client, community, manager, community_member, topic, opening_post
):
    from communities.factories import PostFactory

    topic.kind = TopicKind.QUESTION
    topic.save()
    answer = PostFactory(topic=topic, author=manager)
    client.force_login(community_member)
    response = client.post(reverse("communities:accept", args=[community.slug, answer.pk]))
    assert response.status_code == 403


def test_posting_is_rate_limited_with_a_clear_message(
    client, topic, opening_post, community_member
):
    client.force_login(community_member)
    url = reverse("communities:reply", args=[topic.community.slug, topic.pk])
    for number in range(RATE_LIMIT_POSTS):
        assert client.post(url, {"source": f"Bericht {number}"}).status_code == 302
    response = client.post(url, {"source": "Nog eentje"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "U plaatst te snel achter elkaar berichten" in html
    assert "Nog eentje" in html
    assert Post.objects.filter(topic=topic, is_opening=False).count() == RATE_LIMIT_POSTS


def test_locked_topics_take_no_replies(client, topic, opening_post, community_member):
    topic.is_locked = True
    topic.save()
    client.force_login(community_member)
    url = reverse("communities:reply", args=[topic.community.slug, topic.pk])
    response = client.post(url, {"source": "Toch nog iets"})
    assert response.status_code == 400
    assert "Dit onderwerp is gesloten" in response.content.decode()


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.cache.backends.locmem.LocMemCache",
        # The production default: its incr stores the count again with a 300 s timeout.
        "django.core.cache.backends.filebased.FileBasedCache",
    ],
)
def test_the_rate_limit_window_is_fixed(backend, tmp_path, community_member, settings):
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": str(tmp_path)}}
    start = 1_800_000_000.0
    for second in range(RATE_LIMIT_POSTS):
        check_rate_limit(community_member, now=start + second)
    with pytest.raises(PostingError):
        check_rate_limit(community_member, now=start + 10)
    with pytest.raises(PostingError):  # still the same window, also after a refused post
        check_rate_limit(community_member, now=start + RATE_LIMIT_SECONDS - 1)

    # The window ends a fixed time after its first post, not after the latest attempt.
    next_window = start + RATE_LIMIT_SECONDS
    for second in range(RATE_LIMIT_POSTS):
        check_rate_limit(community_member, now=next_window + second)
    with pytest.raises(PostingError):
        check_rate_limit(community_member, now=next_window + 30)
