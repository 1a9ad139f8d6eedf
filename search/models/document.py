from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """The denormalised search document of one item (a page, later a post or a course),
    built by the item's document builder. The database engine searches these rows; the
    Elasticsearch engine indexes the same rows.

    ``access`` is the visibility token a user needs (``kpo.access``). The ``*_terms`` fields
    hold the Dutch-analysed text (``search.analysis``) the engines match against: title,
    summary, theme names, body and the text of attachments, each weighed on its own
    (``search.engines.weights``)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(_("titel"), max_length=255)
    summary = models.TextField(_("samenvatting"), blank=True)
    body = models.TextField(_("tekst"), blank=True)
    attachment_text = models.TextField(_("tekst van bijlagen"), blank=True)
    url = models.CharField(_("adres"), max_length=500)
    type = models.CharField(_("soort"), max_length=40, db_index=True)
    themes = models.ManyToManyField(
        "kpo.Theme", verbose_name=_("thema's"), blank=True, related_name="+"
    )
    community_id = models.PositiveBigIntegerField(_("community"), null=True, blank=True)
    community_name = models.CharField(_("naam van de community"), max_length=200, blank=True)
    date = models.DateField(_("datum"), null=True, blank=True)
    access = models.CharField(_("zichtbaar voor"), max_length=60, db_index=True)
    boost = models.SmallIntegerField(_("voorrang"), default=0)
    title_terms = models.TextField(editable=False)
    summary_terms = models.TextField(editable=False)
    theme_terms = models.TextField(editable=False, default="")
    body_terms = models.TextField(editable=False)
    attachment_terms = models.TextField(editable=False, default="")
    title_words = models.TextField(editable=False)
    words = models.TextField(editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("zoekdocument")
        verbose_name_plural = _("zoekdocumenten")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="search_item_key")
        ]

    def __str__(self):
        return self.title

    @property
    def key(self) -> str:
        """The item's identity across engines: ``app_label.model:pk``."""
        return item_key(self.content_type, self.object_id)


def item_key(content_type: ContentType, object_id) -> str:
    return f"{content_type.app_label}.{content_type.model}:{object_id}"
