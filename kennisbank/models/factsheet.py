from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from kpo.blocks import BodyBlock

from .product import ProductPage, ProductType


class FactsheetPage(ProductPage):
    """A factsheet: a few key figures, a short text and the factsheet as a document."""

    body = StreamField(
        BodyBlock(), verbose_name=_("tekst"), blank=True, help_text=_("Een korte toelichting.")
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("De factsheet als pdf."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        InlinePanel("figures", label=_("kerncijfers"), max_num=6),
        FieldPanel("body"),
        FieldPanel("document"),
        FieldPanel("publication_date"),
        FieldPanel("themes"),
        ProductPage.access_panel,
    ]
    parent_page_types = ["kennisbank.KennisbankIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("factsheet")
        verbose_name_plural = _("factsheets")

    def get_product_type(self):
        return ProductType.FACTSHEET

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = [self.document] if self.document else []
        return context


class KeyFigure(Orderable):
    """A key figure of a factsheet, always with its source."""

    page = ParentalKey(FactsheetPage, on_delete=models.CASCADE, related_name="figures")
    value = models.CharField(_("cijfer"), max_length=30, help_text=_("Bijvoorbeeld 8 of 2021."))
    label = models.CharField(_("omschrijving"), max_length=150)
    source = models.CharField(_("bron"), max_length=200)

    panels = [FieldPanel("value"), FieldPanel("label"), FieldPanel("source")]

    class Meta(Orderable.Meta):
        verbose_name = _("kerncijfer")
        verbose_name_plural = _("kerncijfers")
