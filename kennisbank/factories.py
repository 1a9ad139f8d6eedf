import datetime

import factory
import wagtail_factories

from kennisbank.models import KennisbankIndexPage, NewsIndexPage, NewsPage
from kpo.factories import paragraph_body


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
