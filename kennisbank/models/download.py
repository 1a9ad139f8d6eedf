from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class DocumentDownload(models.Model):
    """How often a document was downloaded (served after its access check)."""

    document = models.OneToOneField(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="download_count",
    )
    count = models.PositiveIntegerField(_("aantal downloads"), default=0)

    class Meta:
        verbose_name = _("downloadteller")
        verbose_name_plural = _("downloadtellers")

    def __str__(self):
        return f"{self.document}: {self.count}"

    @classmethod
    def record(cls, document):
        """Count one download of ``document``, safely under concurrent requests."""
        cls.objects.get_or_create(document=document)
        cls.objects.filter(document=document).update(count=F("count") + 1)
