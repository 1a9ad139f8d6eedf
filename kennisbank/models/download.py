from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DocumentDownload(models.Model):
    """How often a document was downloaded (served after its access check), in total."""

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
        """Count one download of ``document`` in its total and in today's count, safely under
        concurrent requests."""
        cls.objects.get_or_create(document=document)
        cls.objects.filter(document=document).update(count=F("count") + 1)
        DocumentDownloadDay.record(document, timezone.localdate())


class DocumentDownloadDay(models.Model):
    """How often a document was downloaded on one day: the counts per period."""

    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="downloads_per_day",
    )
    day = models.DateField(_("dag"))
    count = models.PositiveIntegerField(_("aantal downloads"), default=0)

    class Meta:
        verbose_name = _("downloads per dag")
        verbose_name_plural = _("downloads per dag")
        constraints = [
            models.UniqueConstraint(fields=["document", "day"], name="kb_download_day_once")
        ]
        indexes = [models.Index(fields=["day", "document"], name="kb_download_day")]

    def __str__(self):
        return f"{self.document_id} {self.day}: {self.count}"

    @classmethod
    def record(cls, document, day):
        cls.objects.get_or_create(document=document, day=day)
        cls.objects.filter(document=document, day=day).update(count=F("count") + 1)
