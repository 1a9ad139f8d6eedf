from .community import Community, CommunityType
from .content import Post, PostRevision, Topic, TopicKind
from .index import CommunitiesIndexPage
from .membership import Invitation, Membership, MembershipStatus, Role
from .moderation import ModerationAction, ModerationLogEntry, Report
from .notification import (
    EmailFrequency,
    FollowLevel,
    Notification,
    NotificationKind,
    NotificationPreference,
    Subscription,
)

__all__ = [
    "CommunitiesIndexPage",
    "Community",
    "CommunityType",
    "EmailFrequency",
    "FollowLevel",
    "Invitation",
    "Membership",
    "MembershipStatus",
    "ModerationAction",
    "ModerationLogEntry",
    "Notification",
    "NotificationKind",
    "NotificationPreference",
    "Post",
    "PostRevision",
    "Report",
    "Role",
    "Subscription",
    "Topic",
    "TopicKind",
]
