from .community import Community, CommunityType
from .content import AttachmentKind, Post, PostAttachment, PostRevision, Topic, TopicKind
from .index import CommunitiesIndexPage
from .library import CommunityFile, FileVersion, Folder
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
    "AttachmentKind",
    "CommunitiesIndexPage",
    "Community",
    "CommunityFile",
    "CommunityType",
    "EmailFrequency",
    "FileVersion",
    "Folder",
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
    "PostAttachment",
    "PostRevision",
    "Report",
    "Role",
    "Subscription",
    "Topic",
    "TopicKind",
]
