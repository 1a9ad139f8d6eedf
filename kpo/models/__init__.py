from .audit import AuditEvent
from .email_domain import AllowedEmailDomain
from .home import HomePage
from .organisation import Organisation
from .settings import SiteFooterSettings
from .standard import StandardPage
from .theme import Theme
from .user import ApprovalStatus, User

__all__ = [
    "AllowedEmailDomain",
    "ApprovalStatus",
    "AuditEvent",
    "HomePage",
    "Organisation",
    "SiteFooterSettings",
    "StandardPage",
    "Theme",
    "User",
]
