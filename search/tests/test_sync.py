"""The index follows the page lifecycle: publish, unpublish, move, delete, documents."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile

from kennisbank.factories import HandreikingPageFactory
from kennisbank.models import HandreikingDocument, KennisbankIndexPage
from kennisbank.pdf import make_pdf
from search.models import ExtractedText, SearchDocument
from search.query import search

from .conftest import SECRET_PDF_WORD, pdf, publish
from .helpers import titles

pytestmark = pytest.mark.django_db


def test_publishing_adds_the_page(content, indexed, member):
    with indexed():
        publish(
            HandreikingPageFactory(
                parent=KennisbankIndexPage.objects.get(), title="Handreiking vakantieparken"
            )
        )
    assert titles("vakantieparken", member) == ["Handreiking vakantieparken"]


def test_drafts_are_not_indexed(content, indexed, member):
    page = content["public"]
    page.title = "Handreiking in concept"
    with indexed():
        page.save_revision()
    assert titles("concept", member) == []


def test_unpublishing_removes_the_page(content, indexed, member):
    with indexed():
        content["public"].unpublish()
    assert titles("afpakken", member) == []


def test_deleting_removes_the_page(content, indexed, member):
    with indexed():
        content["public"].delete()
    assert titles("afpakken", member) == []
    assert not SearchDocument.objects.filter(object_id=content["public"].pk).exists()


def test_changing_visibility_moves_the_page_out_of_public_results(content, indexed):
    page = content["public"]
    page.visibility = "members"
    with indexed():
        publish(page)
    assert titles("afpakken", AnonymousUser()) == []


def test_moving_updates_the_url(content, indexed, member):
    page = content["public"]
    with indexed():
        page.move(content["news"].get_parent(), pos="last-child")
    [result] = search("afpakken", member).results
    assert result.url.startswith("/nieuws/")


@pytest.mark.parametrize("engine", ["elasticsearch"], indirect=True)
def test_first_write_creates_the_index_behind_the_alias(engine, content, indexed, member):
    engine.drop()
    with indexed():
        publish(content["public"])
    assert engine.current_indices()
    assert titles("afpakken", member) == ["Handreiking bestuurlijk afpakken"]


def test_pdf_text_is_extracted_once_per_file_version(content, indexed, member):
    page = content["members"]
    document = page.documents.get().document
    extracted = ExtractedText.objects.get(object_id=document.pk)
    first_extraction = extracted.extracted_at
    with indexed():
        publish(page)
    extracted.refresh_from_db()
    assert extracted.extracted_at == first_extraction
    assert SECRET_PDF_WORD in extracted.text


def test_a_document_shared_with_a_public_page_stays_out_of_its_text(content, indexed):
    """A members-only page's PDF attached to a public page too: the document still needs
    the members token, so its text is not searchable through the public page."""
    document = content["members"].documents.get().document
    public = content["public"]
    public.documents = [HandreikingDocument(document=document)]
    with indexed():
        publish(public)
    assert titles(SECRET_PDF_WORD, AnonymousUser()) == []


def test_replacing_a_documents_file_updates_the_pages_using_it(content, indexed, member):
    document = content["members"].documents.get().document
    document.file = ContentFile(make_pdf("Nieuwe versie", "Kasgeldconstructie"), "nieuw.pdf")
    with indexed():
        document.save()
    assert titles("Kasgeldconstructie", member) == ["Handreiking APV en ondermijning"]
    assert titles(SECRET_PDF_WORD, member) == []


def test_new_file_version_is_extracted_again(content, indexed, member):
    page = content["members"]
    page.documents = [HandreikingDocument(document=pdf("Nieuwe versie", "Kasgeldconstructie"))]
    with indexed():
        publish(page)
    assert titles("Kasgeldconstructie", member) == ["Handreiking APV en ondermijning"]
