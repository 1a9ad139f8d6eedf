from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KennisbankConfig(AppConfig):
    name = "kennisbank"
    verbose_name = _("Kennisbank")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_save

        from . import signals  # noqa: F401
        from .models import ProductPage
        from .theme_listing import on_saved, on_themes_changed

        post_save.connect(on_saved, dispatch_uid="kb-theme-list-saved")
        m2m_changed.connect(
            on_themes_changed, sender=ProductPage.themes.through, dispatch_uid="kb-theme-list-m2m"
        )
