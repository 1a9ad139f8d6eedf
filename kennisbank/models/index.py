from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from kpo.access import visible_to
from kpo.blocks import BodyBlock

from .event import EventPage
from .product import ProductPage
from .thema import ThemaPage

LATEST_PRODUCTS = 6


class KennisbankIndexPage(Page):
    """The entrance to the knowledge base: themes, handreikingen, factsheets and tools."""

    intro = models.TextField(_("introductie"), help_text=_("Korte uitleg wat de kennisbank biedt."))
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["kpo.HomePage"]
    subpage_types = [
        "kennisbank.ThemaPage",
        "kennisbank.HandreikingPage",
        "kennisbank.FactsheetPage",
        "kennisbank.EventPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("kennisbank-overzicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        context["themes"] = visible_to(ThemaPage.objects.live().child_of(self), user).order_by(
            "title"
        )
        context["latest_products"] = (
            visible_to(ProductPage.objects.live().child_of(self), user)
            .not_type(EventPage)
            .order_by("-publication_date", "-pk")[:LATEST_PRODUCTS]
        )
        context["upcoming_events"] = visible_to(
            EventPage.objects.live().child_of(self).filter(start__gte=timezone.now()), user
        ).order_by("start")
        return context
