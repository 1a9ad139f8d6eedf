from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from kpo.blocks import BodyBlock

NEWS_PER_PAGE = 20


class NewsIndexPage(Page):
    """Public news about ondermijning, newest first."""

    intro = models.TextField(_("introductie"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["kpo.HomePage"]
    subpage_types = ["kennisbank.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("nieuwsoverzicht")

    def news_items(self):
        return NewsPage.objects.live().public().child_of(self).order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        """One page of the news (queried only when the template renders it)."""
        context = super().get_context(request, *args, **kwargs)
        context["news_page"] = NewsPagination(self, request.GET.get("page"))
        return context


class NewsPagination:
    """A page of the news; the count and the page are queried when first used."""

    def __init__(self, index, page_number):
        self.index = index
        self.page_number = page_number

    @cached_property
    def page_obj(self):
        return Paginator(self.index.news_items(), NEWS_PER_PAGE).get_page(self.page_number)


class NewsPage(Page):
    """A public news item."""

    date = models.DateField(_("datum"), default=timezone.localdate)
    intro = models.TextField(_("introductie"), help_text=_("Samenvatting in één of twee zinnen."))
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"))
    themes = ParentalManyToManyField("kpo.Theme", verbose_name=_("thema's"), blank=True)
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

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("themes"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["kennisbank.NewsIndexPage"]
    subpage_types: list[str] = []
    exclude_fields_in_copy = ["external_id", "import_fingerprint"]

    class Meta:
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuwsberichten")
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="kb_news_newest")]
