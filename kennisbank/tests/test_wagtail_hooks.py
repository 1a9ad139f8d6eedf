"""Members-only pages and their documents: refused to anonymous and unapproved users by
every URL (page, document, media path), served to members, and counted when downloaded."""

import pytest
from django.conf import settings

from kennisbank.factories import FactsheetPageFactory, PdfDocumentFactory
from kennisbank.models import DocumentDownload
from kpo.factories import paragraph_body

pytestmark = pytest.mark.django_db


def document_of(page):
    return page.documents.get().document


def test_members_page_redirects_anonymous_visitors_to_login(client, members_handreiking):
    response = client.get(members_handreiking.url)

    assert response.status_code == 302
    assert response["Location"].startswith(str(settings.WAGTAIL_FRONTEND_LOGIN_URL))
    assert members_handreiking.url in response["Location"]


def test_members_page_is_forbidden_for_unapproved_users(unapproved_client, members_handreiking):
    assert unapproved_client.get(members_handreiking.url).status_code == 403


def test_members_page_is_served_to_members(member_client, members_handreiking):
    response = member_client.get(members_handreiking.url)

    assert response.status_code == 200
    assert "Handreiking APV en ondermijning" in response.content.decode()


def test_members_document_is_refused_to_anonymous_and_unapproved_users(
    client, unapproved_client, members_handreiking
):
    url = document_of(members_handreiking).url

    assert client.get(url).status_code == 302
    assert unapproved_client.get(url).status_code == 403
    assert not DocumentDownload.objects.exists()


def test_members_document_is_served_to_members_and_counted(member_client, members_handreiking):
    document = document_of(members_handreiking)

    response = member_client.get(document.url)
    member_client.get(document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert DocumentDownload.objects.get(document=document).count == 2


def test_media_path_of_a_document_is_not_served(
    anonymous_client, member_client, members_handreiking
):
    media_url = f"{settings.MEDIA_URL}{document_of(members_handreiking).file.name}"

    assert anonymous_client.get(media_url).status_code == 404
    assert member_client.get(media_url).status_code == 404


def test_public_page_and_document_are_served_to_anonymous_visitors(client, public_handreiking):
    document = document_of(public_handreiking)

    assert client.get(public_handreiking.url).status_code == 200
    assert client.get(document.url).status_code == 200
    assert DocumentDownload.objects.get(document=document).count == 1


def test_document_takes_the_strictest_visibility_of_the_pages_using_it(
    anonymous_client, member_client, kennisbank, members_handreiking
):
    document = document_of(members_handreiking)
    FactsheetPageFactory(parent=kennisbank, visibility="public", document=document)

    assert anonymous_client.get(document.url).status_code == 302
    assert member_client.get(document.url).status_code == 200


def test_document_linked_from_rich_text_follows_that_page(client, kennisbank):
    document = PdfDocumentFactory()
    FactsheetPageFactory(
        parent=kennisbank,
        visibility="members",
        body=paragraph_body(f'Zie <a linktype="document" id="{document.pk}">de bijlage</a>.'),
    )

    assert client.get(document.url).status_code == 302


def test_document_used_by_no_page_is_for_members_only(anonymous_client, member_client):
    document = PdfDocumentFactory()

    assert anonymous_client.get(document.url).status_code == 302
    assert member_client.get(document.url).status_code == 200
