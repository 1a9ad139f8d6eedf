import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from kennisbank.models import (
    EventPage,
    FactsheetPage,
    HandreikingDocument,
    HandreikingPage,
    KennisbankIndexPage,
    NewsIndexPage,
    NewsPage,
    ThemaPage,
)
from kennisbank.pdf import make_pdf
from kpo.factories import ThemeFactory, paragraph_body


class KennisbankIndexPageFactory(wagtail_factories.PageFactory):
    title = "Kennisbank"
    slug = "kennisbank"
    intro = "Handreikingen, factsheets, themapagina's en tools over de aanpak van ondermijning."

    class Meta:
        model = KennisbankIndexPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nieuws"
    slug = "nieuws"
    intro = "Nieuws over de aanpak van ondermijning in het RIEC-LIEC-netwerk."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nieuwsbericht {n}")
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    intro = factory.Faker("sentence", nb_words=14, locale="nl_NL")
    body = factory.LazyFunction(lambda: paragraph_body("Lees hier het volledige bericht."))

    class Meta:
        model = NewsPage


class PdfDocumentFactory(factory.django.DjangoModelFactory):
    """A Wagtail document holding a small generated PDF."""

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.LazyAttribute(
        lambda doc: ContentFile(make_pdf(doc.title, "Kennisplatform Ondermijning"), "document.pdf")
    )

    class Meta:
        model = Document


class ThemaPageFactory(wagtail_factories.PageFactory):
    theme = factory.SubFactory(ThemeFactory)
    title = factory.LazyAttribute(lambda page: page.theme.name)
    intro = factory.Faker("sentence", nb_words=16, locale="nl_NL")
    visibility = "public"

    class Meta:
        model = ThemaPage


class ProductPageFactory(wagtail_factories.PageFactory):
    summary = factory.Faker("sentence", nb_words=18, locale="nl_NL")
    publication_date = factory.Sequence(
        lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n)
    )
    visibility = "public"

    class Meta:
        skip_postgeneration_save = True  # ``themes`` saves the page itself when it sets any

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if extracted:
            obj.themes.set(extracted)
            if create:
                obj.save()


class HandreikingPageFactory(ProductPageFactory):
    title = factory.Sequence(lambda n: f"Handreiking {n}")
    body = factory.LazyFunction(lambda: paragraph_body("De aanpak in de praktijk."))
    version = "1.0"

    class Meta:
        model = HandreikingPage


class HandreikingDocumentFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(HandreikingPageFactory)
    document = factory.SubFactory(PdfDocumentFactory)

    class Meta:
        model = HandreikingDocument


class FactsheetPageFactory(ProductPageFactory):
    title = factory.Sequence(lambda n: f"Factsheet {n}")
    body = factory.LazyFunction(lambda: paragraph_body("Een korte toelichting."))

    class Meta:
        model = FactsheetPage


class EventPageFactory(ProductPageFactory):
    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    location = "Utrecht"

    class Meta:
        model = EventPage
