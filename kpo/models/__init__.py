from .home import HomePage
from .organisation import Organisation
from .settings import SiteFooterSettings
from .standard import StandardPage
from .theme import Theme
from .user import User

__all__ = ["HomePage", "Organisation", "SiteFooterSettings", "StandardPage", "Theme", "User"]
