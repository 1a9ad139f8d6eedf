import os

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# The number of a document's file until it is first replaced.
FIRST_NUMBER = "1.0"


def version_upload_to(version, filename):
    """Earlier files live apart from the current ones, under ``documents/`` (never served
    from the media folder: only through the access-checked version download)."""
    return f"documents/versions/{version.document_id}/{filename}"


class DocumentVersion(models.Model):
    """One version of a document's file: its number, when and by whom it was uploaded and
    a note. The newest row is the current file, which stays in the document itself
    (``file`` empty); each earlier row keeps its own copy of the file it replaced."""

    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.CharField(_("versie"), max_length=20)
    file = models.FileField(_("bestand"), upload_to=version_upload_to, max_length=255, blank=True)
    file_size = models.PositiveBigIntegerField(_("bestandsgrootte"), null=True, blank=True)
    created_at = models.DateTimeField(_("geüpload op"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geüpload door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("documentversie")
        verbose_name_plural = _("documentversies")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="kb_document_version_once")
        ]

    def __str__(self):
        return f"{self.document_id} {self.number}"

    @property
    def is_current(self) -> bool:
        return not self.file

    @property
    def filename(self) -> str:
        return os.path.basename(self.file.name) if self.file else self.document.filename

    def get_download_url(self) -> str:
        """The current file is the document's own download; an earlier one has its own."""
        if self.is_current:
            return self.document.url
        return reverse(
            "document_version_download",
            kwargs={"version_id": self.pk, "filename": self.filename},
        )
