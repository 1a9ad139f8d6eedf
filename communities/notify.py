"""Notifications: the in-app list and immediate email.

Who hears about a new post: members following the thread (``watch``) or the whole
community (``watch``), the people taking part in the thread (they follow it by default),
and anyone mentioned; nobody who muted the thread, and only active members, checked
again right before an email is sent, so no email carries content of a community the
recipient has left."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from communities.models import (
    EmailFrequency,
    FollowLevel,
    Membership,
    MembershipStatus,
    Notification,
    NotificationKind,
    NotificationPreference,
    Subscription,
)
from kpo.access import access_tokens, community_token

UNSUBSCRIBE_SALT = "communities.unsubscribe"


def follow(user, community, level, topic=None):
    Subscription.objects.update_or_create(
        user=user, community=community, topic=topic, defaults={"level": level}
    )


def follow_level(user, community, topic=None):
    subscription = Subscription.objects.filter(user=user, community=community, topic=topic).first()
    return subscription.level if subscription else FollowLevel.NORMAL


def active_member_ids(community, user_ids):
    return set(
        Membership.objects.filter(
            community=community,
            user_id__in=user_ids,
            status=MembershipStatus.ACTIVE,
            user__is_active=True,
            user__is_approved=True,
        ).values_list("user_id", flat=True)
    )


def thread_audience(topic):
    """User ids to tell about activity in ``topic``, and the ids that muted it."""
    levels = Subscription.objects.filter(community=topic.community_id).filter(
        topic__isnull=True
    ) | Subscription.objects.filter(topic=topic)
    watching, muted = set(), set()
    for user_id, topic_id, level in levels.values_list("user_id", "topic_id", "level"):
        if topic_id and level == FollowLevel.MUTE:
            muted.add(user_id)
        elif level == FollowLevel.WATCH:
            watching.add(user_id)
    participants = set(topic.posts.values_list("author_id", flat=True))
    return watching | participants, muted


def notify_new_post(post, mentioned_ids):
    """After a reply or a new topic: mentions first, then followers of the thread."""
    topic = post.topic
    audience, muted = thread_audience(topic)
    mentioned = active_member_ids(topic.community, set(mentioned_ids) - muted - {post.author_id})
    author = str(post.author)
    for user_id in mentioned:
        message = _("%(author)s noemde u in ‘%(title)s’") % {"author": author, "title": topic}
        create(user_id, topic.community, NotificationKind.MENTION, message, post)
    kind = NotificationKind.TOPIC if post.is_opening else NotificationKind.REPLY
    followers = active_member_ids(topic.community, audience - muted - mentioned - {post.author_id})
    for user_id in followers:
        message = _("%(author)s reageerde in ‘%(title)s’") % {"author": author, "title": topic}
        if post.is_opening:
            message = _("Nieuw onderwerp van %(author)s: ‘%(title)s’") % {
                "author": author,
                "title": topic,
            }
        create(user_id, topic.community, kind, message, post)


def notify_accepted(post, accepted_by):
    if post.author_id == accepted_by.pk:
        return
    message = _("Uw antwoord in ‘%(title)s’ is geaccepteerd") % {"title": post.topic}
    create(post.author_id, post.topic.community, NotificationKind.ACCEPTED, message, post)


MEMBERSHIP_MESSAGES = {
    "approve": gettext_lazy("U bent toegelaten tot de community %(community)s"),
    "refuse": gettext_lazy("Uw aanvraag voor de community %(community)s is afgewezen"),
    "remove": gettext_lazy("U bent verwijderd uit de community %(community)s"),
    "ban": gettext_lazy("U bent geblokkeerd in de community %(community)s"),
}


def notify_membership_decision(membership, decision):
    community = membership.community
    message = MEMBERSHIP_MESSAGES[decision] % {"community": community.name}
    notification = Notification.objects.create(
        user=membership.user,
        community=community,
        kind=NotificationKind.MEMBERSHIP,
        message=message,
        url=community.get_absolute_url(),
    )
    send_email(notification)


def create(user_id, community, kind, message, post):
    notification = Notification.objects.create(
        user_id=user_id,
        community=community,
        kind=kind,
        message=message,
        url=post.get_absolute_url(),
        post=post,
    )
    send_email(notification)
    return notification


def email_frequency(user):
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference.email_frequency if preference else EmailFrequency.IMMEDIATE


def unsubscribe_token(user):
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def user_for_unsubscribe_token(token):
    """The user id in a one-click unsubscribe token, or None if it was tampered with."""
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None


def set_email_frequency(user_id, frequency):
    NotificationPreference.objects.update_or_create(
        user_id=user_id, defaults={"email_frequency": frequency}
    )


def unsubscribe(user_id):
    set_email_frequency(user_id, EmailFrequency.NEVER)


def mailable(notification, tokens):
    """May this notification go out by email? Not about a community the recipient left,
    except the decision about their own membership (which carries no content)."""
    return notification.kind == NotificationKind.MEMBERSHIP or (
        community_token(notification.community_id) in tokens
    )


def email_entry(notification, base_url):
    """What an email says about one notification; the post's text only if it is visible."""
    post = notification.post
    excerpt = ""
    if post is not None and not post.is_hidden:
        excerpt = Truncator(strip_tags(post.body)).words(80)
    return {
        "message": notification.message,
        "community": notification.community.name,
        "excerpt": excerpt,
        "url": base_url + notification.url,
    }


def send_email(notification):
    """Email one notification right away to members who chose that; digests take the rest."""
    user = notification.user
    if not user.is_active or email_frequency(user) != EmailFrequency.IMMEDIATE:
        return
    if mailable(notification, access_tokens(user)):
        send_to(user, notification.message, [notification])
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())


def send_digests(frequency):
    """One email per member who chose ``frequency``, with everything not emailed yet.
    Returns the number of emails sent."""
    users = get_user_model().objects.filter(
        is_active=True, community_preference__email_frequency=frequency
    )
    sent = 0
    for user in users:
        pending = user.community_notifications.filter(emailed_at=None).select_related(
            "community", "post"
        )
        tokens = access_tokens(user)
        notifications = [item for item in pending.order_by("created_at") if mailable(item, tokens)]
        if notifications:
            subject = ngettext(
                "Uw overzicht van de communities: %(count)d melding",
                "Uw overzicht van de communities: %(count)d meldingen",
                len(notifications),
            ) % {"count": len(notifications)}
            send_to(user, subject, notifications)
            sent += 1
        pending.update(emailed_at=timezone.now())
    return sent


def send_to(user, subject, notifications):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    unsubscribe_url = base + reverse("communities:unsubscribe", args=[unsubscribe_token(user)])
    context = {
        "entries": [email_entry(item, base) for item in notifications],
        "settings_url": base + reverse("communities:email_settings"),
        "unsubscribe_url": unsubscribe_url,
    }
    EmailMultiAlternatives(
        subject=f"[KPO] {subject}",
        body=render_to_string("communities/email/notification.txt", context),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    ).send()
