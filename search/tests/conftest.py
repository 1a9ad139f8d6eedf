"""Search tests run once per engine: ``database`` and a real ``elasticsearch`` (from
``make test``; the Elasticsearch runs fail, never skip, when the server is missing). Each
Elasticsearch test gets its own index prefix, deleted afterwards."""

import uuid
from contextlib import contextmanager

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from kennisbank.factories import HandreikingPageFactory, NewsPageFactory, ThemaPageFactory
from kennisbank.models import HandreikingDocument, KennisbankIndexPage, NewsIndexPage
from kennisbank.pdf import make_pdf
from kpo.factories import ThemeFactory
from search.engines import database_engine, elasticsearch_engine
from tests.conftest import elasticsearch_url  # noqa: F401  (fails without the server)

SECRET_PDF_WORD = "Zwanenburgconstructie"


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request, settings, db):
    if request.param == "database":
        yield database_engine()
        return
    settings.ELASTICSEARCH_URL = request.getfixturevalue("elasticsearch_url")
    settings.KPO_SEARCH_INDEX_PREFIX = f"kpo-test-{uuid.uuid4().hex[:12]}-"
    engine = elasticsearch_engine()
    engine.ensure_index()
    yield engine
    engine.drop()


@pytest.fixture
def indexed(engine, django_capture_on_commit_callbacks):
    """A context manager: saves inside it are indexed (their on-commit tasks run) and
    visible to search when it ends."""

    @contextmanager
    def run():
        with django_capture_on_commit_callbacks(execute=True):
            yield
        engine.refresh()

    return run


def pdf(title, *paragraphs):
    return Document.objects.create(
        title=title, file=ContentFile(make_pdf(title, *paragraphs), name="bijlage.pdf")
    )


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def content(home_page, indexed):
    """Published pages: public and members-only handreikingen (the latter with a PDF whose
    text is found nowhere else), a theme page and news."""
    kennisbank = KennisbankIndexPage.objects.get()
    news = NewsIndexPage.objects.get()
    bibob = ThemeFactory(name="Wet Bibob", slug="wet-bibob")
    apv = ThemeFactory(name="Bestuurlijke aanpak en APV", slug="bestuurlijke-aanpak-en-apv")
    with indexed():
        public = HandreikingPageFactory(
            parent=kennisbank,
            title="Handreiking bestuurlijk afpakken",
            summary="Hoe gemeenten crimineel vermogen afpakken.",
            visibility="public",
            themes=[bibob],
        )
        members = HandreikingPageFactory(
            parent=kennisbank,
            title="Handreiking APV en ondermijning",
            summary="Modelbepalingen voor de Algemene Plaatselijke Verordening.",
            visibility="members",
            themes=[apv],
        )
        members.documents = [
            HandreikingDocument(
                document=pdf(
                    "APV-handreiking",
                    f"De {SECRET_PDF_WORD} helpt bij financiële onderzoeken.",
                )
            )
        ]
        theme = ThemaPageFactory(
            parent=kennisbank, theme=bibob, intro="Integriteitsbeoordelingen door de gemeente."
        )
        item = NewsPageFactory(
            parent=news,
            title="Nieuwe handreikingen voor gemeenten",
            intro="Twee handreikingen verschenen dit jaar.",
            themes=[apv],
        )
        for page in (public, members, theme, item):
            publish(page)
    return {"public": public, "members": members, "theme": theme, "news": item}
