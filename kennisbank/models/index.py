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
UPCOMING_EVENTS = 6


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

    def latest_products_for(self, user):
        """The newest products ``user`` may see (events are in the agenda)."""
        products = visible_to(ProductPage.objects.live().child_of(self), user).not_type(EventPage)
        return products.order_by("-publication_date", "-pk")

    def upcoming_events_for(self, user):
        events = EventPage.objects.live().child_of(self).filter(start__gte=timezone.now())
        return visible_to(events, user).order_by("start", "pk")

    def get_context(self, request, *args, **kwargs):
        """The lists are looked up only when the template renders them: it keeps them in
        fragment caches per content generation and audience."""
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        context["themes"] = visible_to(ThemaPage.objects.live().child_of(self), user).order_by(
            "title"
        )
        context["latest_products"] = self.latest_products_for(user)[:LATEST_PRODUCTS]
        context["upcoming_events"] = self.upcoming_events_for(user)[:UPCOMING_EVENTS]
        return context
