"""Media on the real S3-compatible server (``KPO_S3_BUCKET``, ``kpo.s3storage``): private
objects, downloads only after the access check (streamed or a presigned redirect), public
image renditions from the site's own origin, SCORM byte ranges, and uploads refused with a
clear Dutch message while the store is unreachable."""

import socket
from urllib.parse import urlsplit

import pytest
import requests
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import RequestFactory

from academie.scorm import ranges
from communities.factories import CommunityFactory, CommunityFileFactory, MembershipFactory
from kpo import env
from kpo.factories import VerifiedUserFactory
from kpo.s3storage import MediaStorage, StorageUnavailable
from kpo.uploads import validate_upload
from tests.cluster.conftest import s3_environment

pytestmark = pytest.mark.django_db


@pytest.fixture
def library_file(s3_media):
    community = CommunityFactory(name="Buitengebied S3")
    member = MembershipFactory(community=community).user
    item = CommunityFileFactory(community=community, uploaded_by=member, title="Werkwijze S3")
    return item, member


def test_the_bucket_is_private_and_holds_the_upload(library_file, s3_url, s3_bucket):
    item, _member = library_file
    name = item.current_version.content.name

    assert isinstance(item.current_version.content.storage, MediaStorage)
    assert item.current_version.content.storage.exists(name)
    assert requests.get(f"{s3_url}/{s3_bucket}/{name}", timeout=10).status_code == 403


def test_a_member_downloads_a_streamed_file_and_an_outsider_cannot(client, library_file):
    item, member = library_file
    outsider = VerifiedUserFactory()

    client.force_login(outsider)
    assert client.get(item.get_download_url()).status_code in (403, 404)
    client.force_login(member)
    response = client.get(item.get_download_url())

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Cache-Control"] == "private, no-store"


def test_redirect_mode_sends_members_to_a_short_lived_presigned_url(client, settings, library_file):
    settings.KPO_MEDIA_DOWNLOADS = "redirect"
    settings.KPO_S3_URL_SECONDS = 30
    item, member = library_file
    client.force_login(VerifiedUserFactory())
    assert client.get(item.get_download_url()).status_code in (403, 404)

    client.force_login(member)
    response = client.get(item.get_download_url())

    assert response.status_code == 302
    assert "X-Amz-Expires=30" in response.url
    download = requests.get(response.url, timeout=10)
    assert download.status_code == 200
    assert download.content.startswith(b"%PDF")
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert download.headers["Content-Type"] == "application/pdf"
    tampered = response.url.replace("X-Amz-Expires=30", "X-Amz-Expires=3600")
    assert requests.get(tampered, timeout=10).status_code == 403


def test_image_renditions_are_served_from_the_site_itself(client, s3_media):
    name = s3_media.save("images/kaart.max-800x600.png", ContentFile(b"\x89PNG\r\n\x1a\nbeeld"))

    assert s3_media.url(name) == f"/media/{name}"
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).endswith(b"beeld")
    assert client.get("/media/images/../documents/geheim.pdf").status_code == 404
    assert not s3_media.url("documents/geheim.pdf").startswith("/media/")


def test_scorm_files_are_read_in_byte_ranges_and_cleaned_up(s3_media):
    name = s3_media.save("scorm/pakket/v1/video.mp4", ContentFile(bytes(range(256)) * 4))
    request = RequestFactory().get("/", HTTP_RANGE="bytes=10-19")

    response = ranges.file_response(request, s3_media, name, "video/mp4")

    assert response.status_code == 206
    assert b"".join(response.streaming_content) == bytes(range(10, 20))
    assert s3_media.listdir("scorm/pakket/v1/") == ([], ["video.mp4"])
    assert s3_media.get_modified_time(name) is not None
    s3_media.delete(name)
    assert not s3_media.exists(name)


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_upload_is_refused_in_dutch_while_the_store_is_unreachable(
    monkeypatch, settings, s3_bucket
):
    for name, value in s3_environment(f"http://127.0.0.1:{closed_port()}", s3_bucket).items():
        monkeypatch.setenv(name, value)
    settings.STORAGES = {**settings.STORAGES, "default": env.media_storage()}
    from kennisbank.pdf import make_pdf

    with pytest.raises(ValidationError) as refused:
        validate_upload(ContentFile(make_pdf("Werkwijze", "Tekst"), name="w.pdf"), "document")
    assert "bestandsopslag is tijdelijk niet bereikbaar" in refused.value.messages[0]

    from django.core.files.storage import default_storage

    with pytest.raises(StorageUnavailable):
        default_storage.save("documents/w.pdf", ContentFile(b"%PDF-1.4"))
    assert urlsplit(settings.STORAGES["default"]["OPTIONS"]["endpoint_url"]).hostname == (
        "127.0.0.1"
    )
