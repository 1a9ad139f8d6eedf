from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from kpo.blocks import BodyBlock, PillarBlock


class HomePage(Page):
    """The front page: the three pillars of the platform and the latest public news."""

    intro = models.TextField(_("introductie"), help_text=_("Eén of twee zinnen onder de titel."))
    pillars = StreamField(
        [("pillar", PillarBlock())],
        verbose_name=_("pijlers"),
        min_num=1,
        max_num=3,
        help_text=_("De drie pijlers: lerende netwerken, kennisbank en academie."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"), blank=True)
    news_count = models.PositiveSmallIntegerField(
        _("aantal nieuwsberichten"), default=4, help_text=_("Hoeveel recente berichten tonen.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("pillars"),
        FieldPanel("body"),
        FieldPanel("news_count"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("startpagina")

    def latest_news(self):
        from kennisbank.models import NewsPage

        return NewsPage.objects.live().public().order_by("-date", "-pk")[: self.news_count]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = self.latest_news()
        return context
