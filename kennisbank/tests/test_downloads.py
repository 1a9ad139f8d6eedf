"""Download counts: in total and in the last 90 days, on the document's and the page's edit
view in the admin, and the documents and pages they are read through (the reference index)."""

import datetime
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex

from kennisbank.downloads import (
    DownloadCount,
    documents_of_page,
    download_counts,
    most_downloaded,
    pages_using,
)
from kennisbank.factories import (
    HandreikingDocumentFactory,
    HandreikingPageFactory,
    PdfDocumentFactory,
)
from kennisbank.models import DocumentDownload, DocumentDownloadDay
from kpo import roles
from kpo.factories import StaffUserFactory

pytestmark = pytest.mark.django_db


def downloaded(document, times, days_ago=0):
    """Record ``times`` downloads of ``document`` on the day ``days_ago`` days before today."""
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    DocumentDownloadDay.objects.create(document=document, day=day, count=times)
    DocumentDownload.objects.get_or_create(document=document)
    DocumentDownload.objects.filter(document=document).update(count=F("count") + times)


@pytest.fixture
def editor_client(db):
    client = Client()
    client.force_login(StaffUserFactory(email="redacteur@riec.example", group=roles.EDITORS))
    return client


def test_recent_downloads_are_those_of_the_last_90_days(members_handreiking):
    document = members_handreiking.documents.get().document
    downloaded(document, 2)
    downloaded(document, 1, days_ago=89)
    downloaded(document, 4, days_ago=90)
    downloaded(document, 5, days_ago=100)
    never = PdfDocumentFactory()

    counts = download_counts([document.pk, never.pk])

    assert counts == {document.pk: DownloadCount(12, 3), never.pk: DownloadCount(0, 0)}


def test_a_served_download_counts_in_total_and_recent(member_client, members_handreiking):
    document = members_handreiking.documents.get().document

    assert member_client.get(document.url).status_code == 200

    assert download_counts([document.pk])[document.pk] == DownloadCount(1, 1)


def test_document_edit_view_shows_total_and_recent_downloads(editor_client, members_handreiking):
    document = members_handreiking.documents.get().document
    downloaded(document, 1200)
    downloaded(document, 7, days_ago=100)

    response = editor_client.get(f"/admin/documents/edit/{document.pk}/")

    text = response.content.decode()
    assert response.status_code == 200
    assert "1.207 in totaal" in text
    assert "1.200 in de laatste 90 dagen" in text
    assert "Versies" in text  # the versions section is still there


def test_handreiking_edit_view_shows_each_documents_downloads(editor_client, kennisbank):
    page = HandreikingPageFactory(parent=kennisbank, title="Handreiking vastgoed")
    guide = HandreikingDocumentFactory(page=page, document__title="Handreiking (pdf)").document
    annex = HandreikingDocumentFactory(page=page, document__title="Bijlage modelbrief").document
    page.save_revision().publish()
    downloaded(guide, 9)
    downloaded(guide, 30, days_ago=120)
    downloaded(annex, 4, days_ago=10)

    response = editor_client.get(f"/admin/pages/{page.pk}/edit/")

    text = response.content.decode()
    assert response.status_code == 200
    rows = re.sub(r">\s+<", "><", text[text.index("Downloads van de documenten op deze") :])
    assert rows.index("Bijlage modelbrief") < rows.index("Handreiking (pdf)")
    assert "Bijlage modelbrief</a></td><td>4</td><td>4</td>" in rows
    assert "Handreiking (pdf)</a></td><td>9</td><td>39</td>" in rows


def test_a_new_handreiking_has_no_downloads_panel(editor_client, kennisbank):
    response = editor_client.get(f"/admin/pages/add/kennisbank/handreikingpage/{kennisbank.pk}/")

    assert response.status_code == 200
    assert "Downloads van de documenten op deze pagina" not in response.content.decode()


def test_documents_of_page_and_pages_using_them(members_handreiking, public_handreiking):
    shared = members_handreiking.documents.get().document
    HandreikingDocumentFactory(page=public_handreiking, document=shared)
    unused = PdfDocumentFactory()

    assert shared in documents_of_page(public_handreiking)
    using = pages_using([shared.pk, unused.pk])
    assert [page.title for page in using[shared.pk]] == [
        "Handboek Bibob",
        "Handreiking APV en ondermijning",
    ]
    assert using[unused.pk] == []


def test_pages_using_leaves_out_a_deleted_page(members_handreiking):
    document = members_handreiking.documents.get().document
    gone = Page.objects.get(pk=members_handreiking.pk)
    reference = ReferenceIndex.objects.filter(to_object_id=str(document.pk)).first()
    ReferenceIndex.objects.create(  # as an index entry left behind would be
        content_type=reference.content_type,
        base_content_type=reference.base_content_type,
        object_id="999999",
        to_content_type=reference.to_content_type,
        to_object_id=str(document.pk),
        model_path=reference.model_path,
        content_path=reference.content_path,
        content_path_hash=ReferenceIndex._get_content_path_hash("stale"),
    )

    assert pages_using([document.pk]) == {document.pk: [gone]}


def test_theme_filter_ignores_references_to_objects_with_text_ids(members_handreiking, theme):
    """The reference index holds ids of other models as text: PostgreSQL must never be asked
    to cast them to a number."""
    document = members_handreiking.documents.get().document
    downloaded(document, 3)
    reference = ReferenceIndex.objects.filter(to_object_id=str(document.pk)).first()
    ReferenceIndex.objects.create(
        content_type=reference.content_type,
        base_content_type=reference.base_content_type,
        object_id=str(members_handreiking.pk),
        to_content_type=ContentType.objects.get_for_model(Page.owner.field.related_model),
        to_object_id="a7c2e0f4-not-a-number",
        model_path="owner",
        content_path="owner",
        content_path_hash=ReferenceIndex._get_content_path_hash("owner"),
    )
    today = timezone.localdate()

    assert list(most_downloaded(today, today, theme)) == [document]
