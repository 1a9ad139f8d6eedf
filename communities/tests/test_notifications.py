import pytest
from django.core import mail
from django.urls import reverse

from communities.models import (
    EmailFrequency,
    FollowLevel,
    Notification,
    NotificationPreference,
)
from communities.notify import follow, unsubscribe_token
from communities.posting import reply, start_topic

pytestmark = pytest.mark.django_db


def test_watching_a_community_brings_new_topics(community, manager, community_member):
    follow(community_member, community, FollowLevel.WATCH)
    start_topic(community, manager, "discussion", "Agenda kenniskring", "Wat wilt u bespreken?")
    notification = Notification.objects.get(user=community_member)
    assert notification.message == "Nieuw onderwerp van Carla Visser: ‘Agenda kenniskring’"


def test_participants_hear_of_replies_unless_they_muted_the_thread(
    client, community, manager, community_member
):
    topic = start_topic(community, manager, "question", "Signalen", "Wie weet dit?")
    reply(topic, community_member, "Ik!")
    assert Notification.objects.get(user=manager).kind == "reply"
    client.force_login(manager)
    url = reverse("communities:follow_topic", args=[community.slug, topic.pk])
    response = client.post(url, {"level": FollowLevel.MUTE}, HTTP_HX_REQUEST="true")
    assert "opgeslagen" in response.content.decode()
    reply(topic, community_member, "Nog iets")
    assert Notification.objects.filter(user=manager).count() == 1


def test_no_email_with_content_after_leaving(community, manager, community_member):
    topic = start_topic(community, community_member, "discussion", "Vraag", "Tekst")
    membership = community.memberships.get(user=community_member)
    membership.status = "left"
    membership.save()
    mail.outbox.clear()
    reply(topic, manager, "Vertrouwelijk antwoord")
    assert not Notification.objects.filter(user=community_member).exists()
    assert all("Vertrouwelijk" not in email.body for email in mail.outbox)


def test_the_list_hides_notifications_of_communities_left(
    client, community, manager, community_member
):
    topic = start_topic(community, community_member, "discussion", "Geheim onderwerp", "Tekst")
    reply(topic, manager, "Antwoord")
    client.force_login(community_member)
    url = reverse("communities:notifications")
    assert "Geheim onderwerp" in client.get(url).content.decode()
    client.post(reverse("communities:leave", args=[community.slug]))
    assert "Geheim onderwerp" not in client.get(url).content.decode()


def test_marking_all_as_read(client, community, manager, community_member):
    topic = start_topic(community, community_member, "discussion", "Onderwerp", "Tekst")
    reply(topic, manager, "Antwoord")
    client.force_login(community_member)
    client.post(reverse("communities:notifications"))
    assert Notification.objects.get(user=community_member).read_at is not None


def test_one_click_unsubscribe(client, community, manager, community_member):
    url = reverse("communities:unsubscribe", args=[unsubscribe_token(community_member)])
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 200
    preference = NotificationPreference.objects.get(user=community_member)
    assert preference.email_frequency == EmailFrequency.NEVER
    topic = start_topic(community, community_member, "discussion", "Onderwerp", "Tekst")
    mail.outbox.clear()
    reply(topic, manager, "Antwoord")
    assert Notification.objects.filter(user=community_member).exists()
    assert mail.outbox == []


def test_tampered_unsubscribe_links_are_refused(client, community_member):
    token = unsubscribe_token(community_member) + "x"
    assert client.post(reverse("communities:unsubscribe", args=[token])).status_code == 404


def test_membership_decisions_reach_the_applicant(community, manager, pending_user):
    from communities.membership import decide

    decide(manager, community.memberships.get(user=pending_user), "refuse")
    assert "afgewezen" in Notification.objects.get(user=pending_user).message
    assert mail.outbox[-1].to == [pending_user.email]


def test_only_active_members_are_notified(community, manager, banned_user):
    follow(banned_user, community, FollowLevel.WATCH)
    start_topic(community, manager, "discussion", "Onderwerp", "Tekst")
    assert not Notification.objects.filter(user=banned_user).exists()
