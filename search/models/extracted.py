from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExtractedText(models.Model):
    """The text of an uploaded file (a Wagtail document, a community file version),
    extracted once per file version: ``file_hash`` tells whether the stored text is still
    that of the owner's current file. Deleted with its owner (``search.signals``)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    file_hash = models.CharField(_("bestandshash"), max_length=64)
    text = models.TextField(_("tekst"), blank=True)
    extracted_at = models.DateTimeField(_("uitgelezen op"), auto_now=True)

    class Meta:
        verbose_name = _("uitgelezen bestandstekst")
        verbose_name_plural = _("uitgelezen bestandsteksten")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_extracted_text_per_file"
            )
        ]

    def __str__(self):
        return f"{self.content_type.model}:{self.object_id}"
