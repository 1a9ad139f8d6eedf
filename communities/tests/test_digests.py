"""Daily and weekly digests: content, recipients, unsubscribe, nothing from communities left."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from communities.models import EmailFrequency, Notification
from communities.notify import send_digests, set_email_frequency
from communities.posting import reply, start_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def daily_member(community_member):
    set_email_frequency(community_member.pk, EmailFrequency.DAILY)
    return community_member


def test_daily_digest_collects_notifications_in_one_email(community, manager, daily_member):
    topic = start_topic(community, daily_member, "question", "Leegstaande schuur", "Wie weet dit?")
    mail.outbox.clear()
    reply(topic, manager, "@lars-mulder bespreek het in het signalenoverleg.")
    reply(topic, manager, "Aanvulling: zie ook de handreiking.")
    assert mail.outbox == []  # not immediately
    assert send_digests(EmailFrequency.WEEKLY) == 0
    assert send_digests(EmailFrequency.DAILY) == 1
    email = mail.outbox[0]
    assert email.to == [daily_member.email]
    assert email.subject == "[KPO] Uw overzicht van de communities: 2 meldingen"
    assert "Carla Visser noemde u in ‘Leegstaande schuur’" in email.body
    assert "bespreek het in het signalenoverleg" in email.body
    assert "Aanvulling: zie ook de handreiking." in email.body
    assert "/communities/meldingen/afmelden/" in email.extra_headers["List-Unsubscribe"]
    assert send_digests(EmailFrequency.DAILY) == 0  # each notification once
    assert not Notification.objects.filter(emailed_at=None).exists()


def test_digest_leaves_out_communities_the_member_left(community, manager, daily_member):
    topic = start_topic(community, daily_member, "discussion", "Casus Moerdijk", "Tekst")
    reply(topic, manager, "Vertrouwelijke details")
    community.memberships.filter(user=daily_member).update(status="left")
    mail.outbox.clear()
    assert send_digests(EmailFrequency.DAILY) == 0
    assert mail.outbox == []


def test_the_command_sends_the_digest(community, manager, daily_member):
    topic = start_topic(community, daily_member, "discussion", "Onderwerp", "Tekst")
    reply(topic, manager, "Antwoord")
    mail.outbox.clear()
    call_command("communities_send_digests", "daily")
    assert len(mail.outbox) == 1


def test_members_choose_their_email_frequency(client, community_member):
    client.force_login(community_member)
    url = reverse("communities:email_settings")
    assert client.get(url).status_code == 200
    assert client.post(url, {"email_frequency": "hourly"}).status_code == 400
    client.post(url, {"email_frequency": EmailFrequency.WEEKLY})
    assert community_member.community_preference.email_frequency == EmailFrequency.WEEKLY
