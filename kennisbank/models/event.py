from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from kpo.blocks import BodyBlock

from .product import ProductPage, ProductType


class EventPage(ProductPage):
    """An agenda item: a kenniskring, webinar or training day, on location or online."""

    start = models.DateTimeField(_("begint op"))
    end = models.DateTimeField(_("eindigt op"), null=True, blank=True)
    location = models.CharField(
        _("plaats"), max_length=200, blank=True, help_text=_("Adres of naam van de locatie.")
    )
    online = models.BooleanField(_("online"), default=False)
    registration_url = models.URLField(_("aanmeldlink"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("programma"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("start"),
                FieldPanel("end"),
                FieldPanel("location"),
                FieldPanel("online"),
                FieldPanel("registration_url"),
            ],
            heading=_("Wanneer en waar"),
        ),
        FieldPanel("body"),
        FieldPanel("themes"),
        ProductPage.access_panel,
    ]
    parent_page_types = ["kennisbank.KennisbankIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        indexes = [models.Index(fields=["start", "productpage_ptr"], name="kb_event_start")]

    def get_product_type(self):
        return ProductType.EVENT

    def clean(self):
        super().clean()
        if not self.location and not self.online:
            raise ValidationError({"location": _("Vul een plaats in of kies online.")})
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Het einde ligt voor het begin.")})

    def save(self, *args, **kwargs):
        if self.start:
            self.publication_date = timezone.localdate(self.start)
        return super().save(*args, **kwargs)
