"""The StreamField blocks every page type shares. Each block has a preview value,
so editors see what it looks like in the block picker."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("tekst"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("niveau"), choices=[("h2", "H2"), ("h3", "H3")], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Tussenkop")
        template = "components/blocks/heading.html"
        preview_value = {"text": "Aanpak in de praktijk", "level": "h2"}
        description = _("Een tussenkop die de tekst in hoofdstukken verdeelt.")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Tekst")
        template = "components/blocks/paragraph.html"
        preview_value = (
            "<p>Ondermijnende criminaliteit maakt gebruik van de legale bovenwereld. "
            "Gemeenten, politie en OM werken samen in de RIEC's.</p>"
        )
        description = _("Lopende tekst met koppen, lijsten en links.")


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titel"), max_length=120)
    text = blocks.RichTextBlock(label=_("tekst"), features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        label = _("Uitgelicht")
        template = "components/blocks/callout.html"
        preview_value = {
            "title": "Let op",
            "text": "<p>Deze handreiking is in 2025 geactualiseerd met nieuwe jurisprudentie.</p>",
        }
        description = _("Een opvallend kader voor een belangrijke mededeling.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("citaat"))
    attribution = blocks.CharBlock(label=_("bron"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "components/blocks/quote.html"
        preview_value = {
            "quote": "Het platform is de plek waar kennis, samenwerking en leren samenkomen.",
            "attribution": "Jaarverslag RIEC-LIEC",
        }
        description = _("Een citaat met bronvermelding.")


class LinkBlock(blocks.StructBlock):
    """A link to a page on the platform or to an external address."""

    title = blocks.CharBlock(label=_("titel"), max_length=120)
    text = blocks.TextBlock(label=_("omschrijving"), required=False)
    page = blocks.PageChooserBlock(label=_("pagina"), required=False)
    url = blocks.URLBlock(label=_("externe link"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        template = "components/blocks/link_card.html"
        preview_value = {
            "title": "Kennisbank",
            "text": "Handreikingen, factsheets en themapagina's over ondermijning.",
            "url": "https://example.org/",
        }
        description = _("Een kaart die naar een pagina of website verwijst.")

    def clean(self, value):
        cleaned = super().clean(value)
        if not cleaned.get("page") and not cleaned.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Kies een pagina of vul een link in."))}
            )
        return cleaned


class PillarBlock(LinkBlock):
    """One of the platform's three pillars on the home page."""

    class Meta:
        icon = "pick"
        label = _("Pijler")
        template = "components/blocks/pillar.html"
        preview_value = {
            "title": "Lerende netwerken",
            "text": "Professionals leren samen, stellen vragen aan het netwerk en delen kennis.",
            "url": "https://example.org/",
        }
        description = _("Een van de drie pijlers van het platform.")


class FigureBlock(blocks.StructBlock):
    """An image with alt text (or marked decorative) and an optional caption."""

    image = ImageBlock(
        label=_("afbeelding"),
        help_text=_(
            "Afbeeldingen zijn voor iedereen bereikbaar: gebruik geen vertrouwelijke beelden."
        ),
    )
    caption = blocks.CharBlock(label=_("onderschrift"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Afbeelding")
        template = "components/blocks/figure.html"
        description = _("Een afbeelding met alternatieve tekst en een onderschrift.")

    def get_preview_value(self):
        image = get_image_model().objects.order_by("pk").first()
        return self.to_python(
            {
                "image": {"image": image.pk if image else None, "alt_text": "Voorbeeld"},
                "caption": "Het buitengebied van een Brabantse gemeente.",
            }
        )


def first_document_with_extension(*extensions):
    """The oldest document with one of these extensions, for block previews."""
    for document in get_document_model().objects.order_by("pk"):
        if document.file_extension.lower() in extensions:
            return document
    return None


class DownloadBlock(blocks.StructBlock):
    """A document to download, shown with its type and size."""

    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("titel"),
        required=False,
        max_length=200,
        help_text=_("Leeg: titel van het document"),
    )
    description = blocks.TextBlock(label=_("omschrijving"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "components/blocks/download.html"
        description = _("Een document dat bezoekers kunnen downloaden.")

    def get_preview_value(self):
        document = get_document_model().objects.order_by("pk").first()
        return self.to_python(
            {
                "document": document.pk if document else None,
                "description": "De volledige handreiking als pdf.",
            }
        )


class VideoBlock(blocks.StructBlock):
    """A video from the document library with required captions (WCAG 1.2.2)."""

    title = blocks.CharBlock(label=_("titel"), max_length=200)
    video = DocumentChooserBlock(label=_("video (mp4 of webm)"))
    captions = DocumentChooserBlock(label=_("ondertiteling (WebVTT, .vtt)"))
    transcript = blocks.TextBlock(label=_("uitgeschreven tekst"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "components/blocks/video.html"
        description = _("Een video met ondertiteling en eventueel een uitgeschreven tekst.")

    def clean(self, value):
        cleaned = super().clean(value)
        errors = {}
        if cleaned["video"].file_extension.lower() not in ("mp4", "webm"):
            errors["video"] = ValidationError(_("Kies een mp4- of webm-bestand."))
        if cleaned["captions"].file_extension.lower() != "vtt":
            errors["captions"] = ValidationError(_("Kies een WebVTT-bestand (.vtt)."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return cleaned

    def get_preview_value(self):
        return self.to_python(
            {
                "title": "Introductie Wet Bibob",
                "video": getattr(first_document_with_extension("mp4", "webm"), "pk", None),
                "captions": getattr(first_document_with_extension("vtt"), "pk", None),
                "transcript": "Welkom bij de e-learning over de Wet Bibob.",
            }
        )


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    link = LinkBlock()
    figure = FigureBlock()
    download = DownloadBlock()
    video = VideoBlock()

    class Meta:
        label = _("Inhoud")
