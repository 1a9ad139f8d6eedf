from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from communities.models import Community
from kpo.access import visible_to
from kpo.blocks import BodyBlock

from .base import KennisbankPage
from .product import ProductPage, ProductType

PRODUCTS_PER_PAGE = 12


class ThemaPage(KennisbankPage):
    """The page of one theme: what it is about, who to ask, its knowledge products and
    its learning community."""

    theme = models.OneToOneField(
        "kpo.Theme",
        verbose_name=_("thema"),
        on_delete=models.PROTECT,
        related_name="page",
        help_text=_("Producten met dit thema verschijnen automatisch op de pagina."),
    )
    intro = models.TextField(_("introductie"), help_text=_("Waar gaat dit thema over?"))
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"), blank=True)
    community = models.ForeignKey(
        "communities.Community",
        verbose_name=_("gekoppelde community"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="theme_pages",
        help_text=_("De lerende community over dit thema; alleen leden zien de inhoud ervan."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("theme"),
        FieldPanel("community"),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("contacts", label=_("contactpersonen en ambassadeurs")),
        InlinePanel(
            "related_products",
            label=_("uitgelichte producten"),
            help_text=_("Producten die bovenaan de themapagina staan."),
        ),
        KennisbankPage.access_panel,
    ]
    search_fields = [
        *KennisbankPage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["kennisbank.KennisbankIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("themapagina")
        verbose_name_plural = _("themapagina's")

    def products_for(self, user):
        """The live products tagged with this theme that ``user`` may see, newest first."""
        products = ProductPage.objects.live().filter(themes=self.theme_id)
        return visible_to(products, user).order_by("-publication_date", "-pk")

    def featured_products_for(self, user):
        products = ProductPage.objects.live().filter(theme_links__page=self)
        return visible_to(products, user).order_by("theme_links__sort_order")

    def community_for(self, user):
        """The linked community, unless it is hidden and ``user`` is not one of its members."""
        if self.community_id is None:
            return None
        return Community.objects.listed_for(user).filter(pk=self.community_id).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        products = self.products_for(request.user)
        types = set(products.values_list("product_type", flat=True))
        years = sorted(
            {date.year for date in products.values_list("publication_date", flat=True)},
            reverse=True,
        )
        selected_type = request.GET.get("type", "")
        selected_year = request.GET.get("jaar", "")
        if selected_type in types:
            products = products.filter(product_type=selected_type)
        if selected_year.isdigit():
            products = products.filter(publication_date__year=int(selected_year))
        paginator = Paginator(products, PRODUCTS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        context.update(
            contacts=self.contacts.select_related("organisation"),
            linked_community=self.community_for(request.user),
            featured_products=self.featured_products_for(request.user),
            page_obj=page_obj,
            products=page_obj.object_list,
            type_choices=[(value, label) for value, label in ProductType.choices if value in types],
            year_choices=years,
            selected_type=selected_type,
            selected_year=selected_year,
            extra_query={"type": selected_type, "jaar": selected_year},
        )
        return context


class ThemaContact(Orderable):
    """A key contact or content ambassador for a theme."""

    class Role(models.TextChoices):
        CONTACT = "contactpersoon", _("Contactpersoon")
        AMBASSADOR = "ambassadeur", _("Ambassadeur")

    page = ParentalKey(ThemaPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("naam"), max_length=200)
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.CONTACT)
    organisation = models.ForeignKey(
        "kpo.Organisation",
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    email = models.EmailField(_("e-mailadres"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("email"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")


class ThemaRelatedProduct(Orderable):
    """A product highlighted at the top of a theme page."""

    page = ParentalKey(ThemaPage, on_delete=models.CASCADE, related_name="related_products")
    product = models.ForeignKey(
        ProductPage,
        verbose_name=_("product"),
        on_delete=models.CASCADE,
        related_name="theme_links",
    )

    panels = [FieldPanel("product")]

    class Meta(Orderable.Meta):
        verbose_name = _("uitgelicht product")
        verbose_name_plural = _("uitgelichte producten")
