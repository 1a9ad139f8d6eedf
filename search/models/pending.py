from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingIndexUpdate(models.Model):
    """An item whose Elasticsearch copy could not be written (the engine was unreachable);
    it is sent again from its search document (or deleted there) by the next retry."""

    key = models.CharField(_("item"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("uitgestelde indexwijziging")
        verbose_name_plural = _("uitgestelde indexwijzigingen")

    def __str__(self):
        return self.key
