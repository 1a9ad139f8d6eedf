"""Notifications: the in-app list and immediate email.

Who hears about a new post: members following the thread (``watch``) or the whole
community (``watch``), the people taking part in the thread (they follow it by default),
and anyone mentioned; nobody who muted the thread, and only active members, checked
again right before an email is sent, so no email carries content of a community the
recipient has left."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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


def wants_email(user):
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference is None or preference.email_frequency == EmailFrequency.IMMEDIATE


def unsubscribe_token(user):
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def user_for_unsubscribe_token(token):
    """The user id in a one-click unsubscribe token, or None if it was tampered with."""
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None


def unsubscribe(user_id):
    NotificationPreference.objects.update_or_create(
        user_id=user_id, defaults={"email_frequency": EmailFrequency.NEVER}
    )


def send_email(notification):
    """Email one notification right away. Post content only goes to active members."""
    user = notification.user
    if not user.is_active or not wants_email(user):
        return
    may_read = bool(active_member_ids(notification.community, {user.pk}))
    excerpt = ""
    if notification.post is not None and may_read and not notification.post.is_hidden:
        excerpt = Truncator(strip_tags(notification.post.body)).words(80)
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    unsubscribe_url = base + reverse("communities:unsubscribe", args=[unsubscribe_token(user)])
    context = {
        "notification": notification,
        "excerpt": excerpt,
        "url": base + notification.url,
        "unsubscribe_url": unsubscribe_url,
    }
    email = EmailMultiAlternatives(
        subject=f"[KPO] {notification.message}",
        body=render_to_string("communities/email/notification.txt", context),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    email.send()
