"""Every kennisbank page type renders, with its own content."""

import datetime

import pytest

from kennisbank.factories import (
    EventPageFactory,
    FactsheetPageFactory,
    ThemaPageFactory,
)
from kennisbank.models import KeyFigure, ThemaContact
from kpo.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_kennisbank_index_lists_themes_and_public_products(
    client, kennisbank, theme, public_handreiking, members_handreiking
):
    ThemaPageFactory(parent=kennisbank, theme=theme, title="Bestuurlijke aanpak en APV")

    html = client.get(kennisbank.url).content.decode()

    assert "Bestuurlijke aanpak en APV" in html
    assert "Handboek Bibob" in html
    assert "Handreiking APV en ondermijning" not in html


def test_handreiking_shows_chapters_facts_and_download(member_client, members_handreiking):
    members_handreiking.body = [
        ("heading", {"text": "Nieuwe bepalingen", "level": "h2"}),
        ("heading", {"text": "Detail", "level": "h3"}),
    ]
    members_handreiking.publisher = OrganisationFactory(name="RIEC Den Haag")
    members_handreiking.audience = "Gemeentelijke juristen"
    members_handreiking.save_revision().publish()

    response = member_client.get(members_handreiking.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Hoofdstukken" in html and "Nieuwe bepalingen" in html
    assert "RIEC Den Haag" in html and "Gemeentelijke juristen" in html
    document = members_handreiking.documents.get().document
    assert document.url in html


def test_handreiking_links_its_contents_to_the_sections_under_the_downloads(
    member_client, members_handreiking, theme
):
    members_handreiking.body = [
        ("heading", {"text": "Nieuwe bepalingen", "level": "h2"}),
        ("paragraph", "<p>Tekst</p>"),
        ("heading", {"text": "Rechtspraak", "level": "h2"}),
    ]
    members_handreiking.save_revision().publish()

    html = member_client.get(members_handreiking.url).content.decode()

    assert 'href="#nieuwe-bepalingen"' in html and 'id="nieuwe-bepalingen"' in html
    assert 'href="#rechtspraak"' in html and 'id="rechtspraak"' in html
    document = members_handreiking.documents.get().document
    assert html.index(document.url) < html.index("Hoofdstukken"), "downloads come first"
    assert f'datetime="{document.created_at:%Y-%m-%d}"' in html
    further = html[html.index('id="further-title"') :]
    assert f'href="/zoeken/?thema={theme.slug}"' in further, "more on the theme, at the end"


def test_factsheet_shows_key_figures_with_source(client, kennisbank):
    page = FactsheetPageFactory(parent=kennisbank, title="Factsheets arbeidsuitbuiting")
    page.figures = [KeyFigure(value="8", label="factsheets in de reeks", source="RIEC, 2021")]
    page.save_revision().publish()

    html = client.get(page.url).content.decode()

    assert "factsheets in de reeks" in html and "RIEC, 2021" in html


def test_event_shows_date_place_and_registration(client, kennisbank):
    page = EventPageFactory(
        parent=kennisbank,
        title="Kennisevent Bibob",
        location="Utrecht",
        online=True,
        registration_url="https://example.org/aanmelden",
    )

    html = client.get(page.url).content.decode()

    assert "Utrecht" in html and "online" in html
    assert 'href="https://example.org/aanmelden"' in html
    assert page.publication_date == page.start.date()


def test_event_needs_a_place_or_online(kennisbank):
    page = EventPageFactory.build(location="", online=False)
    with pytest.raises(Exception, match="plaats"):
        kennisbank.add_child(instance=page)


def test_theme_page_shows_contacts_and_filters_products_by_type_and_year(
    client, kennisbank, theme, public_handreiking
):
    factsheet = FactsheetPageFactory(
        parent=kennisbank,
        title="Factsheet APV",
        themes=[theme],
        publication_date=datetime.date(2021, 3, 1),
    )
    page = ThemaPageFactory(parent=kennisbank, theme=theme)
    page.contacts = [ThemaContact(name="Marieke Hoekstra", role="ambassadeur")]
    page.save_revision().publish()

    html = client.get(page.url).content.decode()
    assert "Marieke Hoekstra" in html
    assert public_handreiking.title in html and factsheet.title in html

    html = client.get(page.url, {"type": "factsheet"}).content.decode()
    assert factsheet.title in html and public_handreiking.title not in html

    html = client.get(page.url, {"jaar": public_handreiking.publication_date.year}).content
    assert public_handreiking.title in html.decode() and factsheet.title not in html.decode()
