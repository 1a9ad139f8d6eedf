from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AcademieConfig(AppConfig):
    name = "academie"
    verbose_name = _("Ondermijningsacademie")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from academie import signals  # noqa: F401  (connects the receivers)
