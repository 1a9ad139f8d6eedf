from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class KpoConfig(AppConfig):
    default = True
    name = "kpo"
    verbose_name = _("Kennisplatform Ondermijning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from kpo.navigation import clear_navigation_cache

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(clear_navigation_cache, dispatch_uid=f"kpo-nav-{signal!r}")


class KpoUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms for KPO's user model (email, full name)."""

    default = False

    user_viewset = "kpo.admin_users.UserViewSet"
