from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Zoeken")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals
        from .builders import academie, communities, kennisbank  # noqa: F401  (registers them)

        signals.connect()
