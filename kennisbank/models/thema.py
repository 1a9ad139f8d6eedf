from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from academie import links as academie_links
from communities.models import Community
from kpo.access import access_tokens, community_ids, visible_to
from kpo.blocks import BodyBlock

from .base import KennisbankPage
from .product import ProductPage, ProductType
from .theme_product import ThemeProduct

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
    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("inhoudelijk eigenaar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_themes",
        limit_choices_to={"is_staff": True, "is_active": True},
        help_text=_(
            "Verantwoordelijk voor de pagina's met dit thema die zelf geen eigenaar hebben. "
            "Zonder inhoudelijk eigenaar is dat de Redactieraad."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("theme"),
        FieldPanel("community"),
        FieldPanel("content_owner"),
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

    def communities_for(self, user):
        """The linked community (first) and the other communities on this theme, by name;
        hidden ones only when ``user`` is one of their members."""
        on_theme = Q(pk=self.community_id) | Q(themes=self.theme_id)
        listed = Community.objects.listed_for(user).filter(on_theme).distinct()
        return sorted(listed, key=lambda community: community.pk != self.community_id)

    def get_context(self, request, *args, **kwargs):
        """Everything below the intro is worked out only when the template renders it: the
        template keeps it in a fragment cache keyed by the user's access tokens."""
        context = super().get_context(request, *args, **kwargs)
        selected_type = request.GET.get("type", "")
        selected_year = request.GET.get("jaar", "")
        context.update(
            sections=ThemePageSections(self, request),
            selected_type=selected_type,
            selected_year=selected_year,
            extra_query={"type": selected_type, "jaar": selected_year},
        )
        return context


class ThemePageSections:
    """What a theme page shows below its intro for one request, each looked up (and its
    query built) only when the template first asks for it."""

    def __init__(self, page, request):
        self.page = page
        self.request = request

    @cached_property
    def contacts(self):
        return list(self.page.contacts.select_related("organisation"))

    @cached_property
    def communities(self):
        """``(community, whether the user is a member)`` for the theme's communities."""
        member_of = community_ids(access_tokens(self.request.user))
        return [
            (community, community.pk in member_of)
            for community in self.page.communities_for(self.request.user)
        ]

    @cached_property
    def academy_offer(self):
        """The e-learnings and trainings on this theme the user may see."""
        return academie_links.theme_offer(self.request.user, self.page.theme_id)

    @cached_property
    def academy_url(self):
        return academie_links.catalogue_url(self.request)

    @cached_property
    def featured_products(self):
        return list(self.page.featured_products_for(self.request.user))

    @cached_property
    def listing(self):
        return ProductListing(
            self.page,
            self.request.user,
            self.request.GET.get("type", ""),
            self.request.GET.get("jaar", ""),
            self.request.GET.get("page"),
        )


class KnownCountPaginator(Paginator):
    """A paginator told its number of items, so it does not count them again."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


class ProductListing:
    """A theme page's products filtered by type and year, one page of them, and the types
    and years to filter on. Both read the theme's rows of ``ThemeProduct`` (one index range,
    whatever the size of the library): one query groups them by type and year (the filter
    choices and the count), a second fetches the page's products, picked by that index and
    checked again against the page tables. Nothing runs until it is used."""

    def __init__(self, page, user, selected_type, selected_year, page_number):
        self.page = page
        self.user = user
        self.selected_type = selected_type
        self.selected_year = selected_year
        self.page_number = page_number

    def entries(self):
        """The theme's list rows of products ``user`` may see."""
        return visible_to(ThemeProduct.objects.filter(theme_id=self.page.theme_id), self.user)

    @cached_property
    def groups(self):
        """(product type, year, number of products) for every combination present."""
        return list(self.groups_queryset())

    def groups_queryset(self):
        return (
            self.entries()
            .order_by()
            .values_list("product_type", ExtractYear("publication_date"))
            .annotate(number=Count("product"))
        )

    @cached_property
    def types(self):
        return {product_type for product_type, _year, _number in self.groups}

    @cached_property
    def type_choices(self):
        return [(value, label) for value, label in ProductType.choices if value in self.types]

    @cached_property
    def year_choices(self):
        return sorted({year for _type, year, _number in self.groups}, reverse=True)

    def matches(self, product_type, year) -> bool:
        return (self.selected_type not in self.types or product_type == self.selected_type) and (
            not self.selected_year.isdigit() or year == int(self.selected_year)
        )

    def selected_entries(self):
        entries = self.entries()
        if self.selected_type in self.types:
            entries = entries.filter(product_type=self.selected_type)
        if self.selected_year.isdigit():
            entries = entries.filter(publication_date__year=int(self.selected_year))
        return entries.order_by("-publication_date", "-product").values("product")

    @cached_property
    def paginated(self):
        """The page asked for, of list rows (``{"product": id}``)."""
        count = sum(number for kind, year, number in self.groups if self.matches(kind, year))
        paginator = KnownCountPaginator(self.selected_entries(), PRODUCTS_PER_PAGE, count)
        return paginator.get_page(self.page_number)

    def products_queryset(self, entries):
        """The live products of ``entries`` (list rows) ``user`` may see, in the list's order."""
        products = ProductPage.objects.live().filter(pk__in=entries)
        return visible_to(products, self.user).order_by("-publication_date", "-pk")

    @cached_property
    def page_obj(self):
        page = self.paginated
        page.object_list = list(self.products_queryset(page.object_list))
        return page


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
