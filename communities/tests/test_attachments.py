"""Images and attachments in posts: checked by content, shown to those who see the post."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from communities.factories import (
    MembershipFactory,
    PostAttachmentFactory,
    PostFactory,
    png_bytes,
)
from communities.models import AttachmentKind, Post
from kennisbank.pdf import make_pdf

pytestmark = pytest.mark.django_db


def reply_url(topic):
    return reverse("communities:reply", args=[topic.community.slug, topic.pk])


def test_a_reply_carries_an_image_shown_inline_and_a_listed_attachment(
    client, topic, opening_post, community_member
):
    client.force_login(community_member)
    image = SimpleUploadedFile("kaart buitengebied.png", png_bytes(), "image/png")
    document = SimpleUploadedFile("notitie.pdf", make_pdf("Notitie", "Tekst"), "application/pdf")

    response = client.post(
        reply_url(topic), {"source": "Zie de kaart.", "images": [image], "attachments": [document]}
    )

    assert response.status_code == 302
    post = Post.objects.get(author=community_member)
    image_item = post.attachments.get(kind=AttachmentKind.IMAGE)
    document_item = post.attachments.get(kind=AttachmentKind.ATTACHMENT)
    assert image_item.filename == "kaart-buitengebied.png"
    assert image_item.content_type == "image/png"
    html = client.get(topic.get_absolute_url()).content.decode()
    assert f'<img src="{image_item.get_absolute_url()}"' in html
    assert f'href="{document_item.get_absolute_url()}"' in html
    served = client.get(image_item.get_absolute_url())
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Cache-Control"] == "private, no-store"
    assert served["Content-Disposition"].startswith("attachment;")


def test_an_attachment_is_checked_by_content_and_the_text_is_kept(
    client, topic, opening_post, community_member
):
    client.force_login(community_member)
    disguised = SimpleUploadedFile("foto.png", b"<html><script>alert(1)</script>", "image/png")
    script_svg = SimpleUploadedFile(
        "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>'
    )

    response = client.post(
        reply_url(topic),
        {"source": "Mijn tekst blijft staan.", "images": [disguised, script_svg]},
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "foto.png" in html and "logo.svg" in html
    assert "Mijn tekst blijft staan." in html
    assert not Post.objects.filter(author=community_member).exists()


def test_at_most_five_files_per_kind(client, topic, opening_post, community_member):
    client.force_login(community_member)
    images = [SimpleUploadedFile(f"{n}.png", png_bytes(), "image/png") for n in range(6)]

    response = client.post(reply_url(topic), {"source": "Veel foto's", "images": images})

    assert response.status_code == 400
    assert "hoogstens 5 bestanden" in response.content.decode()


def test_a_new_topic_and_an_edit_can_add_attachments(client, community, community_member):
    client.force_login(community_member)
    document = SimpleUploadedFile("plan.pdf", make_pdf("Plan", "Stappen"), "application/pdf")

    client.post(
        reverse("communities:new_topic", args=[community.slug]),
        {
            "kind": "question",
            "title": "Wie kent dit plan?",
            "source": "Zie bijlage.",
            "attachments": [document],
        },
    )
    post = Post.objects.get(author=community_member)
    image = SimpleUploadedFile("schets.png", png_bytes(), "image/png")
    client.post(
        reverse("communities:edit_post", args=[community.slug, post.pk]),
        {"source": "Zie bijlage en schets.", "images": [image]},
    )

    assert sorted(post.attachments.values_list("filename", flat=True)) == [
        "plan.pdf",
        "schets.png",
    ]


def test_attachments_of_hidden_and_held_posts_reach_only_who_may_see_them(
    client, community, topic, community_member, manager
):
    hidden = PostFactory(topic=topic, author=community_member, is_hidden=True, hidden_reason="x")
    held = PostFactory(topic=topic, author=community_member, needs_approval=True)
    hidden_file = PostAttachmentFactory(post=hidden)
    held_file = PostAttachmentFactory(post=held, kind=AttachmentKind.IMAGE)
    other = MembershipFactory(community=community).user

    client.force_login(other)
    assert client.get(hidden_file.get_absolute_url()).status_code == 404
    assert client.get(held_file.get_absolute_url()).status_code == 404
    client.force_login(community_member)
    assert client.get(held_file.get_absolute_url()).status_code == 200
    client.force_login(manager)
    assert client.get(hidden_file.get_absolute_url()).status_code == 200
    assert client.get(held_file.get_absolute_url()).status_code == 200


def test_an_attachment_url_with_another_name_is_not_found(client, reply_post, community_member):
    attachment = PostAttachmentFactory(post=reply_post)
    community = reply_post.topic.community
    client.force_login(community_member)

    url = reverse("communities:attachment", args=[community.slug, attachment.pk, "anders.pdf"])

    assert client.get(url).status_code == 404


def test_the_author_removes_an_attachment_when_editing(
    client, reply_post, community_member, django_capture_on_commit_callbacks
):
    kept = PostAttachmentFactory(post=reply_post, filename="blijft.pdf")
    removed = PostAttachmentFactory(post=reply_post, kind=AttachmentKind.IMAGE)
    stored = removed.content.name
    community = reply_post.topic.community
    url = reverse("communities:edit_post", args=[community.slug, reply_post.pk])
    client.force_login(community_member)

    assert "afbeelding.png" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"source": "Zonder de foto.", "remove_attachments": [removed.pk]}
        )

    assert response.status_code == 302
    assert list(reply_post.attachments.all()) == [kept]
    assert not default_storage.exists(stored)
    assert client.get(removed.get_absolute_url()).status_code == 404
