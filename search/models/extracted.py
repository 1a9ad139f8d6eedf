from django.db import models
from django.utils.translation import gettext_lazy as _


class ExtractedText(models.Model):
    """The text of an uploaded document, extracted once per file version (``file_hash``)."""

    document = models.OneToOneField(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
    )
    file_hash = models.CharField(_("bestandshash"), max_length=40)
    text = models.TextField(_("tekst"), blank=True)
    extracted_at = models.DateTimeField(_("uitgelezen op"), auto_now=True)

    class Meta:
        verbose_name = _("uitgelezen documenttekst")
        verbose_name_plural = _("uitgelezen documentteksten")

    def __str__(self):
        return str(self.document)
