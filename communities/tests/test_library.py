"""The file library: folders, uploads checked by content, versions, downloads, hiding."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from communities.factories import (
    CommunityFactory,
    CommunityFileFactory,
    FolderFactory,
    MembershipFactory,
)
from communities.models import CommunityFile, ModerationAction
from kennisbank.pdf import make_pdf

pytestmark = pytest.mark.django_db


def pdf_file(name="werkwijze.pdf", title="Werkwijze"):
    return SimpleUploadedFile(name, make_pdf(title, "Zo pakken wij het aan."), "application/pdf")


def files_url(community, *args, name="files"):
    return reverse(f"communities:{name}", args=[community.slug, *args])


def test_a_member_uploads_a_file_stored_under_a_safe_unguessable_name(
    client, community, community_member
):
    client.force_login(community_member)
    upload = pdf_file(name="Werkwijze leegstand (concept) ë.pdf")

    response = client.post(
        files_url(community, name="upload"), {"title": "Werkwijze leegstand", "upload": upload}
    )

    item = CommunityFile.objects.get()
    assert response.status_code == 302
    assert response.url == item.get_absolute_url()
    version = item.current_version
    assert (item.title, item.uploaded_by, version.number) == (
        "Werkwijze leegstand",
        community_member,
        1,
    )
    assert version.filename == "Werkwijze-leegstand-concept-e.pdf"
    folder, token, stored_name = version.content.name.rsplit("/", 3)[-3:]
    assert folder == str(community.pk)
    assert len(token) >= 32
    assert stored_name == "Werkwijze-leegstand-concept-e.pdf"
    assert version.content_type == "application/pdf"
    assert not version.content.name.startswith(("images/", "documents/"))


def test_an_upload_is_checked_by_content_not_by_name(client, community, community_member):
    client.force_login(community_member)
    fake = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 not a pdf at all", "application/pdf")

    response = client.post(
        files_url(community, name="upload"), {"title": "Rapport", "upload": fake}
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Dit soort bestand kunt u hier niet uploaden" in html
    assert 'value="Rapport"' in html  # what the member typed is kept
    assert not CommunityFile.objects.exists()


def test_a_new_version_keeps_the_old_ones_with_who_and_when(
    client, community, community_member, manager
):
    item = CommunityFileFactory(community=community, uploaded_by=community_member, title="Scan")
    first = item.current_version
    client.force_login(manager)

    response = client.post(
        files_url(community, item.pk, name="new_version"),
        {"upload": pdf_file("scan-v2.pdf", "Versie twee")},
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.current_version.number == 2
    assert item.current_version.uploaded_by == manager
    assert item.versions.count() == 2
    assert default_storage.exists(first.content.name)
    html = client.get(item.get_absolute_url()).content.decode()
    assert "Carla Visser" in html and "Lars Mulder" in html
    old = client.get(first.get_download_url())
    assert old.status_code == 200
    assert b"".join(old.streaming_content) == first.content.open("rb").read()


def test_only_the_uploader_and_managers_add_versions(client, community, community_member, manager):
    item = CommunityFileFactory(community=community, uploaded_by=manager)
    client.force_login(community_member)

    response = client.post(
        files_url(community, item.pk, name="new_version"), {"upload": pdf_file()}
    )

    assert response.status_code == 403
    assert item.versions.count() == 1


def test_downloads_are_attachments_never_cached_or_sniffed_and_counted(
    client, community, community_member
):
    item = CommunityFileFactory(community=community, uploaded_by=community_member)
    client.force_login(community_member)

    response = client.get(item.get_download_url())
    client.get(item.get_download_url())

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    item.refresh_from_db()
    assert item.download_count == 2
    assert item.current_version.download_count == 2


def test_managers_nest_folders_and_members_upload_into_them(
    client, community, community_member, manager
):
    client.force_login(manager)
    response = client.post(files_url(community, name="new_folder"), {"name": "Handreikingen"})
    top = community.folders.get()
    assert response.url == top.get_absolute_url()
    client.post(files_url(community, top.pk, name="new_subfolder"), {"name": "Concepten"})
    sub = community.folders.get(parent=top)
    duplicate = client.post(files_url(community, name="new_folder"), {"name": "Handreikingen"})
    assert duplicate.status_code == 400
    assert "al een map met deze naam" in duplicate.content.decode()

    client.force_login(community_member)
    assert (
        client.post(files_url(community, name="new_folder"), {"name": "Eigen"}).status_code == 403
    )
    client.post(
        files_url(community, sub.pk, name="folder_upload"),
        {"title": "Concept APV", "upload": pdf_file()},
    )

    assert CommunityFile.objects.get().folder == sub
    html = client.get(sub.get_absolute_url()).content.decode()
    assert "Concept APV" in html
    assert "Handreikingen" in html  # breadcrumbs
    top_html = client.get(top.get_absolute_url()).content.decode()
    assert "Concepten" in top_html and "Concept APV" not in top_html


def test_the_listing_is_sorted_and_paginated(client, community, community_member):
    uploader = community_member
    items = [
        CommunityFileFactory(community=community, uploaded_by=uploader, title=f"Stuk {n:02}")
        for n in range(27)
    ]
    CommunityFile.objects.filter(pk=items[5].pk).update(download_count=9)
    client.force_login(community_member)

    first = client.get(files_url(community)).content.decode()
    second = client.get(files_url(community) + "?page=2").content.decode()
    by_downloads = client.get(files_url(community) + "?sorteer=downloads").content.decode()

    assert "Stuk 00" in first and "Stuk 24" in first and "Stuk 25" not in first
    assert "Stuk 25" in second and "Stuk 26" in second and "Stuk 00" not in second
    assert "Pagina 1 van 2" in first
    assert by_downloads.index("Stuk 05") < by_downloads.index("Stuk 00")


def test_a_hidden_file_is_gone_for_members_but_not_for_managers_and_logged(
    client, community, community_member, manager
):
    other = MembershipFactory(community=community).user
    item = CommunityFileFactory(community=community, uploaded_by=community_member, title="Lijst")
    client.force_login(manager)

    client.post(
        files_url(community, item.pk, name="manage_file"),
        {"action": "hide", "reason": "Bevat persoonsgegevens"},
    )

    item.refresh_from_db()
    assert item.is_hidden
    entry = community.moderation_log.get()
    assert (entry.action, entry.file, entry.reason) == (
        ModerationAction.HIDE_FILE,
        item,
        "Bevat persoonsgegevens",
    )
    assert client.get(item.get_download_url()).status_code == 200
    client.force_login(other)
    assert client.get(item.get_download_url()).status_code == 404
    assert client.get(item.get_absolute_url()).status_code == 404
    assert "Lijst" not in client.get(files_url(community)).content.decode()
    client.force_login(community_member)
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Bevat persoonsgegevens" in page


def test_uploaders_delete_their_own_files_and_managers_any(
    client, community, community_member, manager
):
    own = CommunityFileFactory(community=community, uploaded_by=community_member)
    theirs = CommunityFileFactory(community=community, uploaded_by=manager)
    client.force_login(community_member)

    refused = client.post(files_url(community, theirs.pk, name="manage_file"), {"action": "delete"})
    hide = client.post(
        files_url(community, own.pk, name="manage_file"), {"action": "hide", "reason": "x"}
    )
    deleted = client.post(files_url(community, own.pk, name="manage_file"), {"action": "delete"})

    assert refused.status_code == 403
    assert hide.status_code == 403
    assert deleted.status_code == 302
    assert not CommunityFile.objects.filter(pk=own.pk).exists()
    client.force_login(manager)
    client.post(files_url(community, theirs.pk, name="manage_file"), {"action": "delete"})
    assert not CommunityFile.objects.exists()
    assert community.moderation_log.filter(action=ModerationAction.DELETE_FILE).count() == 2


@pytest.mark.django_db(transaction=True)
def test_deleting_removes_the_stored_versions(client, community, manager):
    item = CommunityFileFactory(community=community, uploaded_by=manager)
    stored = item.current_version.content.name
    client.force_login(manager)

    client.post(files_url(community, item.pk, name="manage_file"), {"action": "delete"})

    assert not default_storage.exists(stored)


def test_a_file_of_one_community_is_never_served_through_another(client, community):
    item = CommunityFileFactory(community=community)
    other = CommunityFactory(name="Criminele Geldstromen")
    member_of_other = MembershipFactory(community=other).user
    client.force_login(member_of_other)

    direct = client.get(item.get_download_url())
    via_other = client.get(reverse("communities:file_download", args=[other.slug, item.pk]))
    version_via_other = client.get(
        reverse("communities:version_download", args=[other.slug, item.pk, item.current_version_id])
    )

    assert direct.status_code == 403
    assert via_other.status_code == 404
    assert version_via_other.status_code == 404


def test_a_folder_of_another_community_is_not_found(client, community, community_member):
    foreign = FolderFactory(community=CommunityFactory(name="Mensenhandel"))
    client.force_login(community_member)

    assert client.get(files_url(community, foreign.pk, name="folder")).status_code == 404
    response = client.post(
        files_url(community, foreign.pk, name="folder_upload"),
        {"title": "Verkeerd", "upload": pdf_file()},
    )
    assert response.status_code == 404


def test_the_community_home_lists_recent_files(client, community, community_member, manager):
    visible = CommunityFileFactory(community=community, uploaded_by=manager, title="Kaart")
    hidden = CommunityFileFactory(community=community, uploaded_by=manager, title="Oud lijstje")
    hidden.is_hidden = True
    hidden.save()
    client.force_login(community_member)

    html = client.get(reverse("communities:home", args=[community.slug])).content.decode()

    assert visible.get_absolute_url() in html
    assert "Oud lijstje" not in html
