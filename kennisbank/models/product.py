from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.search import index

from .base import KennisbankPage


class ProductType(models.TextChoices):
    HANDREIKING = "handreiking", _("Handreiking")
    HANDBOEK = "handboek", _("Handboek")
    KENNISDOCUMENT = "kennisdocument", _("Kennisdocument")
    TOOL = "tool", _("Tool")
    RAPPORT = "rapport", _("Rapport")
    FACTSHEET = "factsheet", _("Factsheet")
    EVENT = "bijeenkomst", _("Bijeenkomst")


class ProductPage(KennisbankPage):
    """Base of the knowledge products (handreikingen, factsheets, events) that theme pages
    list. ``product_type`` is derived from the page type, for filtering across types."""

    summary = models.TextField(
        _("samenvatting"), help_text=_("Twee of drie zinnen: waar gaat het over, voor wie.")
    )
    themes = ParentalManyToManyField(
        "kpo.Theme",
        verbose_name=_("thema's"),
        related_name="products",
        help_text=_("Het product verschijnt op de themapagina's van deze thema's."),
    )
    publication_date = models.DateField(_("publicatiedatum"), default=timezone.localdate)
    product_type = models.CharField(
        _("soort product"), max_length=20, choices=ProductType.choices, editable=False
    )
    external_id = models.CharField(
        _("extern kenmerk"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Kenmerk uit de bron van een bulkimport."),
    )
    import_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    is_creatable = False
    exclude_fields_in_copy = ["external_id", "import_fingerprint"]
    search_fields = [
        *KennisbankPage.search_fields,
        index.SearchField("summary"),
        index.FilterField("product_type"),
    ]

    class Meta:
        verbose_name = _("kennisproduct")
        verbose_name_plural = _("kennisproducten")
        # The lists' sort (newest first) and their filter on type, in the lists' order.
        indexes = [
            models.Index(
                fields=["-publication_date", "-kennisbankpage_ptr"], name="kb_product_newest"
            ),
            models.Index(
                fields=["product_type", "-publication_date", "-kennisbankpage_ptr"],
                name="kb_product_type_newest",
            ),
        ]

    def get_product_type(self):
        raise NotImplementedError

    def save(self, *args, **kwargs):
        self.product_type = self.get_product_type()
        return super().save(*args, **kwargs)
