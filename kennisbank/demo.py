"""Demo content for the kennisbank: its entrance page, a theme page per theme, the knowledge
products named in the annual reports (each with a generated PDF), the agenda and the news."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents.models import Document

from kennisbank.factories import (
    EventPageFactory,
    FactsheetPageFactory,
    HandreikingPageFactory,
    KennisbankIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ThemaPageFactory,
)
from kennisbank.models import HandreikingDocument, KeyFigure, ThemaContact, ThemaPage
from kennisbank.pdf import make_pdf
from kpo.demo import ensure_child, publish, read_fixture
from kpo.factories import paragraph_body
from kpo.models import Organisation, Theme, User

# Who answers for the pages of a theme that have no owner of their own (the other themes
# fall back to the Redactieraad): the demo editor and the demo editorial board member.
THEME_CONTENT_OWNERS = {
    "Bestuurlijke aanpak en APV": "redacteur@kpo.example",
    "Wet Bibob": "redacteur@kpo.example",
    "Horeca": "redacteur@kpo.example",
    "Weerbare overheid en integriteit": "redacteur@kpo.example",
    "Afpakken": "redactieraad@kpo.example",
    "Criminele geldstromen en witwassen": "redactieraad@kpo.example",
    "Vastgoed": "redactieraad@kpo.example",
}


def load_news(home):
    news_index = ensure_child(home, NewsIndexPageFactory, "nieuws")
    existing = set(news_index.get_children().values_list("slug", flat=True))
    for item in read_fixture("news.json"):
        slug = slugify(item["title"])[:80]
        if slug in existing:
            continue
        page = NewsPageFactory.build(
            slug=slug,
            title=item["title"],
            intro=item["intro"],
            date=datetime.date.fromisoformat(item["date"]),
            body=paragraph_body(*item["body"]),
        )
        page.themes = Theme.objects.filter(name__in=item["themes"])
        news_index.add_child(instance=page)
        publish(page)
    return news_index


def pdf_document(title, summary):
    """The demo PDF for a product, created once (looked up by title)."""
    document = Document.objects.filter(title=title).first()
    if document is None:
        pdf = make_pdf(title, summary, "Kennisplatform Ondermijning - demonstratiedocument.")
        document = Document.objects.create(
            title=title, file=ContentFile(pdf, name=f"{slugify(title)[:80]}.pdf")
        )
    return document


def add_page(parent, factory_class, slug, themes, **fields):
    """Create, tag and publish a child page unless ``slug`` exists; return it, or None."""
    if parent.get_children().filter(slug=slug).exists():
        return None
    page = factory_class.build(slug=slug, **fields)
    page.themes = Theme.objects.filter(name__in=themes)
    parent.add_child(instance=page)
    return page


def chapters_body(chapters):
    body = []
    for heading, text in chapters:
        body.append(("heading", {"text": heading, "level": "h2"}))
        body.extend(paragraph_body(text))
    return body


def load_theme_pages(kennisbank):
    content = read_fixture("kennisbank.json")
    for name in read_fixture("themes.json"):
        theme = Theme.objects.get(name=name)
        if kennisbank.get_children().filter(slug=theme.slug).exists():
            continue
        page = ThemaPageFactory.build(
            slug=theme.slug, theme=theme, title=name, intro=content["themes"][name]
        )
        page.contacts = [
            ThemaContact(
                name=contact["name"],
                role=contact["role"],
                organisation=Organisation.objects.get(name=contact["organisation"]),
            )
            for contact in content["contacts"].get(name, [])
        ]
        kennisbank.add_child(instance=page)
        publish(page)


def load_content_owners():
    """Give the demo themes their content owner, unless their page already has one."""
    for name, email in THEME_CONTENT_OWNERS.items():
        page = ThemaPage.objects.get(theme__name=name)
        if page.content_owner_id is None:
            page.content_owner = User.objects.get(email=email)
            publish(page)


def load_handreikingen(kennisbank):
    for item in read_fixture("kennisbank.json")["products"]:
        page = add_page(
            kennisbank,
            HandreikingPageFactory,
            item["slug"],
            item["themes"],
            title=item["title"],
            kind=item["type"],
            summary=item["summary"],
            body=chapters_body(item["chapters"]) or paragraph_body(item["summary"]),
            publisher=Organisation.objects.get(name=item["publisher"]),
            publication_date=datetime.date.fromisoformat(item["date"]),
            review_date=datetime.date.fromisoformat(item["review"]),
            version=item["version"],
            audience=item["audience"],
            visibility=item["visibility"],
        )
        if page is not None:
            page.documents = [
                HandreikingDocument(document=pdf_document(item["title"], item["summary"]))
            ]
            publish(page)


def load_factsheets(kennisbank):
    for item in read_fixture("kennisbank.json")["factsheets"]:
        page = add_page(
            kennisbank,
            FactsheetPageFactory,
            item["slug"],
            item["themes"],
            title=item["title"],
            summary=item["summary"],
            body=paragraph_body(*item["text"]),
            publication_date=datetime.date.fromisoformat(item["date"]),
            review_date=datetime.date.fromisoformat(item["review"]),
            visibility=item["visibility"],
            document=pdf_document(item["title"], item["summary"]),
        )
        if page is not None:
            page.figures = [KeyFigure(**figure) for figure in item["figures"]]
            publish(page)


def load_events(kennisbank):
    for item in read_fixture("kennisbank.json")["events"]:
        page = add_page(
            kennisbank,
            EventPageFactory,
            item["slug"],
            item["themes"],
            title=item["title"],
            summary=item["summary"],
            start=timezone.make_aware(datetime.datetime.fromisoformat(item["start"])),
            end=timezone.make_aware(datetime.datetime.fromisoformat(item["end"])),
            location=item["location"],
            online=item["online"],
            registration_url=item.get("registration", ""),
            visibility=item["visibility"],
        )
        if page is not None:
            publish(page)


def load_kennisbank(home):
    body = paragraph_body(*read_fixture("pages.json")["kennisbank"]["body"])
    kennisbank = ensure_child(home, KennisbankIndexPageFactory, "kennisbank", body=body)
    load_news(home)
    load_theme_pages(kennisbank)
    load_content_owners()
    load_handreikingen(kennisbank)
    load_factsheets(kennisbank)
    load_events(kennisbank)
    return kennisbank
