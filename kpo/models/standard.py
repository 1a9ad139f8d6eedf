from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from kpo.blocks import BodyBlock


class StandardPage(Page):
    """A plain content page: about the platform, privacy statement, accessibility statement."""

    intro = models.TextField(_("introductie"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("standaardpagina")
        verbose_name_plural = _("standaardpagina's")
