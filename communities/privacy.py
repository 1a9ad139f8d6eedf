"""The communities' part of the AVG export and of account deletion (``kpo.privacy`` signals).

Deleting an account removes the member's memberships, follows, notifications, reports and
invitations; their posts stay for the community and show "verwijderd lid" (the user row is
anonymised by ``kpo.privacy``); files they uploaded stay too, without the link to them."""

from django.db.models import Q

from communities.models import (
    CommunityFile,
    FileVersion,
    Folder,
    Invitation,
    Membership,
    ModerationAction,
    ModerationLogEntry,
    Notification,
    NotificationPreference,
    Post,
    Report,
    Subscription,
)


def iso(moment):
    return moment.isoformat() if moment else None


def user_emails(user):
    return {user.email, *user.emailaddress_set.values_list("email", flat=True)}


def addressed_to(emails):
    """Invitations sent to any of ``emails``, ignoring case."""
    query = Q(pk__in=[])
    for email in emails:
        query |= Q(email__iexact=email)
    return Invitation.objects.filter(query)


def memberships_data(user):
    return [
        {
            "community": item.community.name,
            "role": item.get_role_display(),
            "status": item.get_status_display(),
            "motivation": item.motivation,
            "requested_at": iso(item.created_at),
            "decided_at": iso(item.decided_at),
        }
        for item in Membership.objects.filter(user=user).select_related("community")
    ]


def posts_data(user):
    posts = (
        Post.objects.filter(author=user)
        .select_related("topic__community")
        .prefetch_related("revisions", "attachments")
        .order_by("created_at")
    )
    return [
        {
            "community": post.topic.community.name,
            "topic": post.topic.title,
            "opening_post": post.is_opening,
            "text": post.source,
            "created_at": iso(post.created_at),
            "edited_at": iso(post.edited_at),
            "hidden_reason": post.hidden_reason if post.is_hidden else None,
            "earlier_versions": [revision.source for revision in post.revisions.all()],
            "attachments": [attachment.filename for attachment in post.attachments.all()],
        }
        for post in posts
    ]


def files_data(user):
    versions = FileVersion.objects.filter(uploaded_by=user).select_related("file__community")
    return [
        {
            "community": version.file.community.name,
            "file": version.file.title,
            "version": version.number,
            "filename": version.filename,
            "uploaded_at": iso(version.created_at),
        }
        for version in versions.order_by("created_at")
    ]


def notifications_data(user):
    return [
        {
            "community": item.community.name,
            "kind": item.get_kind_display(),
            "message": item.message,
            "created_at": iso(item.created_at),
            "read_at": iso(item.read_at),
        }
        for item in Notification.objects.filter(user=user).select_related("community")
    ]


def follows_data(user):
    return [
        {
            "community": item.community.name,
            "topic": item.topic.title if item.topic else None,
            "level": item.get_level_display(),
        }
        for item in Subscription.objects.filter(user=user).select_related("community", "topic")
    ]


def reports_data(user):
    return [
        {
            "community": item.post.topic.community.name,
            "topic": item.post.topic.title,
            "reason": item.reason,
            "created_at": iso(item.created_at),
        }
        for item in Report.objects.filter(reporter=user).select_related("post__topic__community")
    ]


def invitations_data(user):
    invitations = (
        addressed_to(user_emails(user)) | Invitation.objects.filter(accepted_by=user)
    ).select_related("community")
    return [
        {
            "community": item.community.name,
            "email": item.email,
            "invited_at": iso(item.created_at),
            "accepted_at": iso(item.accepted_at),
        }
        for item in invitations
    ]


def email_preference(user):
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference.get_email_frequency_display() if preference else None


def collect_community_data(sender, user, **kwargs):
    """Receiver of ``kpo.privacy.collect_personal_data``."""
    return "communities", {
        "memberships": memberships_data(user),
        "posts": posts_data(user),
        "files": files_data(user),
        "notifications": notifications_data(user),
        "follows": follows_data(user),
        "email_notifications": email_preference(user),
        "reports": reports_data(user),
        "invitations": invitations_data(user),
    }


def delete_community_data(sender, user, **kwargs):
    """Receiver of ``kpo.privacy.account_deleted``: runs before the user row is anonymised."""
    emails = user_emails(user)
    Membership.objects.filter(user=user).delete()
    Subscription.objects.filter(user=user).delete()
    Notification.objects.filter(user=user).delete()
    NotificationPreference.objects.filter(user=user).delete()
    Report.objects.filter(reporter=user).delete()
    addressed_to(emails).delete()
    Invitation.objects.filter(accepted_by=user).update(accepted_by=None)
    ModerationLogEntry.objects.filter(action=ModerationAction.INVITE, reason__in=emails).update(
        reason=""
    )
    CommunityFile.objects.filter(uploaded_by=user).update(uploaded_by=None)
    FileVersion.objects.filter(uploaded_by=user).update(uploaded_by=None)
    Folder.objects.filter(created_by=user).update(created_by=None)
