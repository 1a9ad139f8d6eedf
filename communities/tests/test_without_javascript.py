"""Reply, accept, follow and report as plain forms (no JavaScript, no htmx headers): each
POST redirects back to the thread with a message, as tests/test_browser_communities.py
does in place with htmx."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from communities.factories import png_bytes
from communities.models import FollowLevel, Post, Report, Subscription, TopicKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(topic, opening_post, reply_post):
    topic.kind = TopicKind.QUESTION
    topic.save()
    return topic


def messages_after(client, response):
    """The flash messages shown on the page a redirect leads to."""
    assert response.status_code == 302
    page = client.get(response.url.split("#")[0])
    return [str(message) for message in page.context["messages"]]


def test_reply_with_an_image_without_javascript(client, question, community_member):
    client.force_login(community_member)
    image = SimpleUploadedFile("schuur.png", png_bytes(), "image/png")

    response = client.post(
        reverse("communities:reply", args=[question.community.slug, question.pk]),
        {"source": "Hier is een foto.", "images": [image]},
    )

    post = Post.objects.get(source="Hier is een foto.")
    assert response.url == post.get_absolute_url()
    assert response.url.endswith(f"#bericht-{post.pk}")
    assert messages_after(client, response) == ["Uw bericht is geplaatst."]
    assert post.attachments.get().filename == "schuur.png"


def test_accept_without_javascript(client, question, reply_post, manager):
    client.force_login(manager)

    response = client.post(
        reverse("communities:accept", args=[question.community.slug, reply_post.pk])
    )

    assert messages_after(client, response) == ["Het geaccepteerde antwoord is bijgewerkt."]
    question.refresh_from_db()
    assert question.accepted_answer == reply_post


def test_follow_without_javascript(client, question, community_member):
    client.force_login(community_member)

    response = client.post(
        reverse("communities:follow_topic", args=[question.community.slug, question.pk]),
        {"level": FollowLevel.WATCH},
    )

    assert response.url == question.get_absolute_url()
    assert messages_after(client, response) == ["Uw keuze voor meldingen is opgeslagen."]
    assert Subscription.objects.get(user=community_member, topic=question).level == "watch"


def test_report_without_javascript(client, question, opening_post, community_member):
    client.force_login(community_member)
    url = reverse("communities:report", args=[question.community.slug, opening_post.pk])

    form = client.get(url)
    response = client.post(url, {"reason": "Dit noemt een adres."})

    assert form.status_code == 200
    assert "Melding versturen" in form.content.decode()
    assert messages_after(client, response) == [
        "Bedankt. De community managers bekijken uw melding."
    ]
    assert Report.objects.get(post=opening_post).reason == "Dit noemt een adres."
