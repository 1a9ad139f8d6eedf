import pytest
from django.urls import reverse

from communities.models import ModerationAction, Report

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def report_url(post):
    return reverse("communities:report", args=[post.topic.community.slug, post.pk])


def moderate_url(post):
    return reverse("communities:moderate_post", args=[post.topic.community.slug, post.pk])


def test_a_member_reports_a_post_and_the_manager_sees_it(client, reply_post, manager, outsider):
    from communities.factories import MembershipFactory

    community = reply_post.topic.community
    MembershipFactory(community=community, user=outsider)
    client.force_login(outsider)
    response = client.post(report_url(reply_post), {"reason": "Bevat persoonsgegevens"}, **HTMX)
    assert "Bedankt" in response.content.decode()
    assert Report.objects.get().reason == "Bevat persoonsgegevens"
    client.force_login(manager)
    queue = client.get(reverse("communities:moderation", args=[community.slug]))
    html = queue.content.decode()
    assert "Bevat persoonsgegevens" in html and "Wij werken met een meldpunt." in html


def test_a_report_needs_a_reason(client, reply_post, manager):
    client.force_login(manager)
    response = client.post(report_url(reply_post), {"reason": ""})
    assert response.status_code == 400
    assert "Dit is een verplicht veld." in response.content.decode()
    assert not Report.objects.exists()


def test_hide_and_restore_with_reason_and_log(client, reply_post, manager, community_member):
    community = reply_post.topic.community
    Report.objects.create(post=reply_post, reporter=manager, reason="test")
    client.force_login(manager)
    client.post(moderate_url(reply_post), {"action": "hide", "reason": "Persoonsgegevens"})
    reply_post.refresh_from_db()
    assert reply_post.is_hidden and reply_post.hidden_reason == "Persoonsgegevens"
    assert Report.objects.get().resolved_at is not None
    client.force_login(community_member)
    html = client.get(reply_post.topic.get_absolute_url()).content.decode()
    assert "Reden: Persoonsgegevens" in html
    assert "Wij werken met een meldpunt." not in html
    client.force_login(manager)
    client.post(moderate_url(reply_post), {"action": "restore"})
    reply_post.refresh_from_db()
    assert not reply_post.is_hidden
    actions = list(community.moderation_log.values_list("action", "reason", "post"))
    assert actions == [
        (ModerationAction.RESTORE_POST, "", reply_post.pk),
        (ModerationAction.HIDE_POST, "Persoonsgegevens", reply_post.pk),
    ]


def test_hiding_needs_a_reason(client, reply_post, manager):
    client.force_login(manager)
    client.post(moderate_url(reply_post), {"action": "hide", "reason": ""})
    reply_post.refresh_from_db()
    assert not reply_post.is_hidden
    assert not reply_post.topic.community.moderation_log.exists()


def test_dismissing_a_report(client, reply_post, manager):
    Report.objects.create(post=reply_post, reporter=manager, reason="test")
    client.force_login(manager)
    client.post(moderate_url(reply_post), {"action": "dismiss"})
    assert Report.objects.get().resolved_at is not None
    assert reply_post.topic.community.moderation_log.get().action == ModerationAction.DISMISS_REPORT


@pytest.mark.parametrize(
    ("action", "field", "value"),
    [("lock", "is_locked", True), ("pin", "is_pinned", True)],
)
def test_lock_and_pin_are_logged(client, topic, manager, action, field, value):
    client.force_login(manager)
    url = reverse("communities:moderate_topic", args=[topic.community.slug, topic.pk])
    client.post(url, {"action": action})
    topic.refresh_from_db()
    assert getattr(topic, field) is value
    entry = topic.community.moderation_log.get()
    assert (entry.action, entry.topic, entry.actor) == (action, topic, manager)


def test_moderation_redirects_stay_on_the_site(client, reply_post, manager):
    client.force_login(manager)
    response = client.post(
        moderate_url(reply_post), {"action": "dismiss", "next": "https://evil.example/"}
    )
    assert response.url.startswith("/communities/")


def test_the_dashboard_shows_requests_reports_and_weekly_activity(
    client, reply_post, manager, pending_user
):
    Report.objects.create(post=reply_post, reporter=manager, reason="Dubbel geplaatst")
    client.force_login(manager)
    response = client.get(reverse("communities:moderation", args=[reply_post.topic.community.slug]))
    html = response.content.decode()
    assert "Piet Pending" in html and "Dubbel geplaatst" in html
    weeks = response.context["weeks"]
    assert len(weeks) == 8
    assert (weeks[-1].posts, weeks[-1].active_members) == (1, 1)
    assert sum(week.posts for week in weeks[:-1]) == 0


def test_first_posts_of_new_members_wait_for_approval(
    client, community, manager, topic, opening_post, outsider
):
    from communities.factories import MembershipFactory
    from communities.models import Notification

    community.first_posts_need_approval = True
    community.save()
    MembershipFactory(community=community, user=outsider)
    client.force_login(outsider)
    url = reverse("communities:reply", args=[community.slug, topic.pk])
    response = client.post(url, {"source": "Mijn eerste bericht"}, follow=True)
    assert "wacht op goedkeuring" in response.content.decode()
    post = topic.posts.get(author=outsider)
    assert post.needs_approval
    assert not Notification.objects.filter(user=manager).exists()
    client.force_login(manager)
    assert (
        "Mijn eerste bericht"
        in client.get(reverse("communities:moderation", args=[community.slug])).content.decode()
    )
    client.post(moderate_url(post), {"action": "approve_post"})
    post.refresh_from_db()
    assert not post.needs_approval
    assert Notification.objects.filter(user=manager, post=post).exists()
    assert community.moderation_log.filter(action=ModerationAction.APPROVE_POST, post=post).exists()
    client.force_login(outsider)
    client.post(url, {"source": "Tweede bericht"})
    assert not topic.posts.get(source="Tweede bericht").needs_approval


def test_held_topics_are_invisible_to_other_members(client, community, community_member, outsider):
    from communities.factories import MembershipFactory
    from communities.posting import start_topic

    community.first_posts_need_approval = True
    community.save()
    MembershipFactory(community=community, user=outsider)
    topic = start_topic(community, outsider, "question", "Onbevestigde vraag", "Tekst")
    assert topic.needs_approval
    client.force_login(community_member)
    assert (
        "Onbevestigde vraag"
        not in client.get(reverse("communities:home", args=[community.slug])).content.decode()
    )
    assert client.get(topic.get_absolute_url()).status_code == 404
    client.force_login(outsider)
    assert client.get(topic.get_absolute_url()).status_code == 200
