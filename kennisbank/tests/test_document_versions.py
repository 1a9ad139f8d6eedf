"""Document versions: replacing a document's file in the admin keeps the earlier file, the
reader sees the current version's number and date, an editor restores an earlier one, and
an earlier file is served only to those who may download the document."""

import datetime

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kennisbank.models import DocumentVersion
from kennisbank.versions import keep_replaced_file
from kpo import roles
from kpo.factories import StaffUserFactory

pytestmark = pytest.mark.django_db

OLD_PDF = b"%PDF-1.4\n% versie 1 van de handreiking\n%%EOF\n"
NEW_PDF = b"%PDF-1.4\n% versie 2 met de nieuwe APV-bepalingen\n%%EOF\n"


def document_of(page):
    return page.documents.get().document


def content_of(field_file):
    with field_file.open("rb") as opened:
        return opened.read()


def served(response):
    return b"".join(response.streaming_content)


@pytest.fixture
def editor(db):
    return StaffUserFactory(
        email="redacteur@riec.example", full_name="Rik Redacteur", group=roles.EDITORS
    )


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


def with_content(document, content):
    """Give ``document`` a file with ``content`` (as its upload, not a new version)."""
    document.file.save("handreiking-apv.pdf", ContentFile(content))
    return document


def replace(document, content, user=None, **description):
    """Replace the file as the admin form does: keep the old one, then store the new one."""
    version = keep_replaced_file(document, document.file.name, user, **description)
    document.file.save("handreiking-apv.pdf", ContentFile(content))
    return version


def edit_post(document, upload=None, **fields):
    data = {"title": document.title, "collection": document.collection_id, **fields}
    if upload is not None:
        data["file"] = SimpleUploadedFile("handreiking-apv.pdf", upload)
    return data


def test_replacing_the_file_in_the_admin_keeps_the_earlier_one(
    editor_client, editor, members_handreiking
):
    document = with_content(document_of(members_handreiking), OLD_PDF)
    uploaded_at = document.created_at

    response = editor_client.post(
        f"/admin/documents/edit/{document.pk}/",
        edit_post(document, NEW_PDF, version_number="2.1", version_note="Nieuwe APV-bepalingen."),
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert content_of(document.file) == NEW_PDF
    earlier, current = DocumentVersion.objects.filter(document=document).order_by("created_at")
    assert (earlier.number, earlier.created_at, earlier.note) == ("1.0", uploaded_at, "")
    assert content_of(earlier.file) == OLD_PDF
    assert earlier.file.name.startswith(f"documents/versions/{document.pk}/")
    assert (current.number, current.note, current.created_by) == (
        "2.1",
        "Nieuwe APV-bepalingen.",
        editor,
    )
    assert current.is_current and not earlier.is_current


def test_a_second_replacement_gets_the_next_whole_number_and_keeps_both_files(
    editor_client, members_handreiking
):
    document = with_content(document_of(members_handreiking), OLD_PDF)
    editor_client.post(f"/admin/documents/edit/{document.pk}/", edit_post(document, NEW_PDF))
    document.refresh_from_db()

    editor_client.post(f"/admin/documents/edit/{document.pk}/", edit_post(document, b"%PDF-3"))

    numbers = list(document.versions.order_by("created_at").values_list("number", flat=True))
    assert numbers == ["1.0", "2.0", "3.0"]
    kept = [content_of(v.file) for v in document.versions.exclude(file="").order_by("created_at")]
    assert kept == [OLD_PDF, NEW_PDF]


def test_a_version_number_in_use_is_refused_and_nothing_changes(editor_client, members_handreiking):
    document = with_content(document_of(members_handreiking), OLD_PDF)

    response = editor_client.post(
        f"/admin/documents/edit/{document.pk}/",
        edit_post(document, NEW_PDF, version_number="1.0", version_note="Dubbel"),
    )

    assert response.status_code == 200
    assert "Versie 1.0 bestaat al. Kies een ander versienummer." in response.content.decode()
    assert "Dubbel" in response.content.decode()  # what the editor typed stays
    document.refresh_from_db()
    assert content_of(document.file) == OLD_PDF
    assert not DocumentVersion.objects.exists()


def test_a_version_note_without_a_new_file_is_refused(editor_client, members_handreiking):
    document = document_of(members_handreiking)

    response = editor_client.post(
        f"/admin/documents/edit/{document.pk}/", edit_post(document, version_note="Herzien")
    )

    assert response.status_code == 200
    assert "Kies het nieuwe bestand voor deze versie" in response.content.decode()
    assert not DocumentVersion.objects.exists()


def test_the_admin_edit_page_shows_the_history_with_restore_links(
    editor_client, editor, members_handreiking
):
    document = with_content(document_of(members_handreiking), OLD_PDF)
    replace(document, NEW_PDF, editor, number="2.0", note="Jurisprudentie bijgewerkt")
    earlier = DocumentVersion.objects.get(document=document, number="1.0")

    html = editor_client.get(f"/admin/documents/edit/{document.pk}/").content.decode()

    assert "Versies" in html
    assert "Jurisprudentie bijgewerkt" in html
    assert "Rik Redacteur" in html
    assert f"/admin/documentversies/{earlier.pk}/terugzetten/" in html
    assert earlier.get_download_url() in html


def test_restoring_an_earlier_version_makes_it_current_and_keeps_the_replaced_file(
    editor_client, editor, members_handreiking
):
    document = with_content(document_of(members_handreiking), OLD_PDF)
    replace(document, NEW_PDF, editor)
    earlier = DocumentVersion.objects.get(document=document, number="1.0")
    url = f"/admin/documentversies/{earlier.pk}/terugzetten/"

    assert "wordt weer het huidige bestand" in editor_client.get(url).content.decode()
    response = editor_client.post(url)

    assert response.status_code == 302
    assert response["Location"] == f"/admin/documents/edit/{document.pk}/"
    document.refresh_from_db()
    assert content_of(document.file) == OLD_PDF
    restored = document.versions.get(file="")
    assert (restored.number, restored.note, restored.created_by) == (
        "3.0",
        "Versie 1.0 teruggezet.",
        editor,
    )
    replaced = document.versions.get(number="2.0")
    assert content_of(replaced.file) == NEW_PDF
    assert content_of(earlier.file) == OLD_PDF


def test_only_who_may_change_the_document_restores_it(member_client, members_handreiking):
    document = with_content(document_of(members_handreiking), OLD_PDF)
    replace(document, NEW_PDF)
    earlier = DocumentVersion.objects.get(document=document, number="1.0")
    manager = StaffUserFactory(group=roles.COMMUNITY_MANAGERS)
    manager_client = Client()
    manager_client.force_login(manager)

    url = f"/admin/documentversies/{earlier.pk}/terugzetten/"

    refused_member = member_client.post(url)  # no admin access: to the login
    refused_manager = manager_client.post(url)  # Wagtail: to the dashboard, with a message

    assert refused_member.status_code == 302
    assert refused_member["Location"].startswith(reverse("account_login"))
    assert (refused_manager.status_code, refused_manager["Location"]) == (302, "/admin/")
    document.refresh_from_db()
    assert content_of(document.file) == NEW_PDF


def test_readers_see_the_current_version_number_and_date(member_client, members_handreiking):
    document = document_of(members_handreiking)
    before = member_client.get(members_handreiking.url).content.decode()
    replace(document, NEW_PDF, number="2.0")
    document.versions.filter(file="").update(
        created_at=timezone.make_aware(datetime.datetime(2025, 6, 1, 10))
    )

    after = member_client.get(members_handreiking.url).content.decode()

    assert "versie 1.0," in before
    assert 'versie 2.0, <time datetime="2025-06-01">1 juni 2025</time>' in after


def test_earlier_versions_of_a_members_page_follow_its_visibility(
    anonymous_client, unapproved_client, member_client, members_handreiking
):
    document = with_content(document_of(members_handreiking), OLD_PDF)
    replace(document, NEW_PDF)
    url = DocumentVersion.objects.get(document=document, number="1.0").get_download_url()

    anonymous = anonymous_client.get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(str(settings.WAGTAIL_FRONTEND_LOGIN_URL))
    assert unapproved_client.get(url).status_code == 403
    response = member_client.get(url)
    assert response.status_code == 200
    assert served(response) == OLD_PDF
    assert response["Cache-Control"] == "private"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_earlier_versions_of_a_public_page_are_public(anonymous_client, public_handreiking):
    document = with_content(document_of(public_handreiking), OLD_PDF)
    replace(document, NEW_PDF)
    url = DocumentVersion.objects.get(document=document, number="1.0").get_download_url()

    response = anonymous_client.get(url)

    assert response.status_code == 200
    assert served(response) == OLD_PDF


def test_an_earlier_file_has_no_media_path_and_a_wrong_name_is_not_found(
    anonymous_client, member_client, members_handreiking
):
    document = with_content(document_of(members_handreiking), OLD_PDF)
    replace(document, NEW_PDF)
    earlier = DocumentVersion.objects.get(document=document, number="1.0")
    current = DocumentVersion.objects.get(document=document, number="2.0")

    assert anonymous_client.get(f"{settings.MEDIA_URL}{earlier.file.name}").status_code == 404
    assert member_client.get(f"{settings.MEDIA_URL}{earlier.file.name}").status_code == 404
    assert member_client.get(f"/documenten/versies/{earlier.pk}/ander.pdf").status_code == 404
    assert current.get_download_url() == document.url
    assert member_client.get(f"/documenten/versies/{current.pk}/x.pdf").status_code == 404


def test_deleting_a_document_deletes_its_earlier_files(
    django_capture_on_commit_callbacks, members_handreiking
):
    document = with_content(document_of(members_handreiking), OLD_PDF)
    replace(document, NEW_PDF)
    earlier = DocumentVersion.objects.get(document=document, number="1.0")
    storage, name = earlier.file.storage, earlier.file.name
    members_handreiking.documents.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        document.delete()

    assert not storage.exists(name)
    assert not DocumentVersion.objects.exists()
