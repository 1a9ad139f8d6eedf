from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from kpo.blocks import BodyBlock


class KennisbankIndexPage(Page):
    """The entrance to the knowledge base: themes, handreikingen, factsheets and tools."""

    intro = models.TextField(_("introductie"), help_text=_("Korte uitleg wat de kennisbank biedt."))
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["kpo.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("kennisbank-overzicht")
