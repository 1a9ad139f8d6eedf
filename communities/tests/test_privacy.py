"""The communities' part of the AVG export and of account deletion."""

import json

import pytest
from django.test import RequestFactory
from django.urls import reverse

from communities import moderation, notify
from communities.factories import CommunityFileFactory, PostAttachmentFactory
from communities.models import (
    CommunityFile,
    EmailFrequency,
    FollowLevel,
    Invitation,
    Membership,
    ModerationAction,
    Notification,
    Post,
    Report,
    Subscription,
)
from communities.posting import edit
from kpo.privacy import delete_account, export_personal_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def active_life(community, topic, opening_post, reply_post, community_member, manager):
    """Everything a member leaves behind in a community."""
    edit(reply_post, community_member, "Wij werken met een meldpunt en de gemeente.")
    PostAttachmentFactory(post=reply_post, filename="meldpunt.pdf")
    item = CommunityFileFactory(community=community, uploaded_by=community_member, title="Kaart")
    notify.follow(community_member, community, FollowLevel.WATCH)
    notify.set_email_frequency(community_member.pk, EmailFrequency.DAILY)
    Notification.objects.create(
        user=community_member, community=community, kind="reply", message="Nieuw", url="/x/"
    )
    moderation.report(opening_post, community_member, "Klopt dit wel?")
    Invitation.objects.create(community=community, email="LARS@utrecht.example")
    moderation.log(community, manager, ModerationAction.INVITE, reason="lars@utrecht.example")
    return item


def test_the_export_holds_the_members_community_data(community_member, active_life):
    data = json.loads(json.dumps(export_personal_data(community_member)))["communities"]

    assert data["memberships"][0]["community"] == "Buitengebied"
    post = data["posts"][0]
    assert post["text"] == "Wij werken met een meldpunt en de gemeente."
    assert post["earlier_versions"] == ["Wij werken met een meldpunt."]
    assert post["attachments"] == ["meldpunt.pdf"]
    assert data["files"][0]["file"] == "Kaart"
    assert data["notifications"][0]["message"] == "Nieuw"
    assert data["follows"][0]["level"] == "Alles volgen"
    assert data["email_notifications"] == "Eén keer per dag een overzicht"
    assert data["reports"][0]["reason"] == "Klopt dit wel?"
    assert data["invitations"][0]["email"] == "LARS@utrecht.example"


def test_deletion_keeps_posts_and_files_without_the_person(
    client, community, topic, community_member, manager, active_life
):
    request = RequestFactory().post("/")
    request.user = community_member

    delete_account(request, community_member)

    assert not Membership.objects.filter(user=community_member).exists()
    assert not Subscription.objects.filter(user=community_member).exists()
    assert not Notification.objects.filter(user=community_member).exists()
    assert not Report.objects.filter(reporter=community_member).exists()
    assert not Invitation.objects.exists()
    assert community.moderation_log.get().reason == ""
    item = CommunityFile.objects.get(pk=active_life.pk)
    assert item.uploaded_by is None
    assert item.current_version.uploaded_by is None
    assert Post.objects.filter(author=community_member).count() == 1
    client.force_login(manager)
    thread = client.get(topic.get_absolute_url()).content.decode()
    assert "verwijderd lid" in thread
    assert "Lars Mulder" not in thread
    file_page = client.get(item.get_absolute_url()).content.decode()
    assert "verwijderd lid" in file_page
    assert client.get(item.get_download_url()).status_code == 200
    listing = client.get(reverse("communities:files", args=[community.slug])).content.decode()
    assert "Lars Mulder" not in listing
