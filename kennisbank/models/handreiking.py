from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from kpo.blocks import BodyBlock

from ..download_panels import DocumentDownloadsPanel
from .product import ProductPage, ProductType
from .version import FIRST_NUMBER, DocumentVersion


class HandreikingPage(ProductPage):
    """A practical guide (or handbook, knowledge document, tool, report) with downloads."""

    class Kind(models.TextChoices):
        HANDREIKING = ProductType.HANDREIKING.value, ProductType.HANDREIKING.label
        HANDBOEK = ProductType.HANDBOEK.value, ProductType.HANDBOEK.label
        KENNISDOCUMENT = ProductType.KENNISDOCUMENT.value, ProductType.KENNISDOCUMENT.label
        TOOL = ProductType.TOOL.value, ProductType.TOOL.label
        RAPPORT = ProductType.RAPPORT.value, ProductType.RAPPORT.label

    kind = models.CharField(
        _("soort"), max_length=20, choices=Kind.choices, default=Kind.HANDREIKING
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("inhoud"),
        blank=True,
        help_text=_("Gebruik tussenkoppen (H2) voor de hoofdstukken: die vormen de inhoudsopgave."),
    )
    publisher = models.ForeignKey(
        "kpo.Organisation",
        verbose_name=_("uitgever"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Het RIEC, het LIEC of de partner die de handreiking uitgeeft."),
    )
    version = models.CharField(
        _("versie"), max_length=20, blank=True, help_text=_("Bijvoorbeeld 2.0 of 2025.")
    )
    audience = models.CharField(
        _("doelgroep"),
        max_length=200,
        blank=True,
        help_text=_("Voor wie is dit bedoeld? Bijvoorbeeld: gemeentelijke juristen."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("documents", label=_("documenten"), min_num=1),
        DocumentDownloadsPanel(),
        FieldPanel("publisher"),
        FieldPanel("publication_date"),
        FieldPanel("version"),
        FieldPanel("audience"),
        FieldPanel("themes"),
        ProductPage.access_panel,
    ]
    search_fields = [*ProductPage.search_fields, index.SearchField("body")]
    parent_page_types = ["kennisbank.KennisbankIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("handreiking")
        verbose_name_plural = _("handreikingen")

    def get_product_type(self):
        return self.kind

    def chapters(self):
        """The titles of the body's H2 headings, in order."""
        return [
            block.value["text"]
            for block in self.body
            if block.block_type == "heading" and block.value["level"] == "h2"
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the template renders the downloads (inside its fragment cache).
        context["documents"] = self.documents_with_versions
        return context

    def documents_with_versions(self):
        """The page's documents, each with ``version_number`` and ``version_date`` of its
        current file (1.0 of the upload date until it is first replaced). Reads the links
        as the page has them, so a preview of a draft shows its own documents too."""
        documents = [link.document for link in self.documents.select_related("document")]
        current = {
            version.document_id: version
            for version in DocumentVersion.objects.filter(document__in=documents, file="")
        }
        for document in documents:
            version = current.get(document.pk)
            document.version_number = version.number if version else FIRST_NUMBER
            document.version_date = version.created_at if version else document.created_at
        return documents


class HandreikingDocument(Orderable):
    """A downloadable file of a handreiking (the guide itself, annexes, templates)."""

    page = ParentalKey(HandreikingPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
