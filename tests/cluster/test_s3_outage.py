"""The object store of the cluster profile stopped or hanging (a real SeaweedFS of the test's
own, ``scripts/services/s3.sh``; a hang is the server suspended with SIGSTOP): downloads answer
a Dutch 503 page after the access check, uploads are refused in Dutch within the configured
timeouts with what was typed kept and nothing saved, and both work again by themselves."""

import os
import signal
import time

import pytest

from communities.factories import CommunityFactory, CommunityFileFactory, MembershipFactory
from kennisbank.pdf import make_pdf
from kpo import env
from kpo.factories import VerifiedUserFactory
from kpo.s3storage import MediaStorage
from tests.cluster.conftest import s3_client, s3_environment
from tests.cluster.servers import wait_for
from tests.cluster.test_cluster_faults import STORE_DOWN, Service, s3_ports

pytestmark = pytest.mark.django_db
FILE_GONE = "Het bestand is tijdelijk niet beschikbaar, probeer het over enkele minuten opnieuw"
BUCKET = "kpo-outage"
# The test settings' timeouts: a hung store costs a request a few seconds at most.
TIMEOUTS = {"KPO_S3_TIMEOUT": "1", "KPO_S3_READ_TIMEOUT": "2", "KPO_S3_ATTEMPTS": "2"}


@pytest.fixture
def own_store(monkeypatch, settings, tmp_path):
    """A SeaweedFS of this test only (it is stopped and suspended), as the media storage."""
    store = Service("s3.sh", {"KPO_S3_PORT": str(s3_ports()), "KPO_S3_HOME": str(tmp_path)})
    url = store("start")
    store.home = tmp_path
    s3_client(url).create_bucket(Bucket=BUCKET)
    for name, value in {**s3_environment(url, BUCKET), **TIMEOUTS}.items():
        monkeypatch.setenv(name, value)
    settings.STORAGES = {**settings.STORAGES, "default": env.media_storage()}
    try:
        wait_for(store_writes, "the new store accepting writes", timeout=90)
        yield store
    finally:
        store("stop")


@pytest.fixture
def library_file(own_store):
    community = CommunityFactory(name="Storing opslag")
    member = MembershipFactory(community=community).user
    item = CommunityFileFactory(community=community, uploaded_by=member, title="Draaiboek")
    return item, member


def upload(client, community, title):
    return client.post(
        f"/communities/{community.slug}/bestanden/uploaden/",
        {
            "title": title,
            "upload": pdf_upload(title),
        },
    )


def pdf_upload(title):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("verslag.pdf", make_pdf(title, "Storingstest."), "application/pdf")


def store_writes():
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    try:
        default_storage.delete(default_storage.save("probe.txt", ContentFile(b"probe")))
    except OSError:
        return False
    return True


def test_a_stopped_store_gives_a_dutch_503_and_a_kept_form_and_recovers(
    client, own_store, library_file
):
    item, member = library_file
    community = item.community
    client.raise_request_exception = False
    client.force_login(VerifiedUserFactory())
    own_store("suspend")

    outsider = client.get(item.get_download_url())
    assert outsider.status_code in (403, 404), "the access check comes first"
    assert b"Draaiboek" not in outsider.content and b"verslag" not in outsider.content

    client.force_login(member)
    download = client.get(item.get_download_url())
    assert download.status_code == 503
    assert FILE_GONE in download.content.decode()
    assert download["Retry-After"] == "120"
    assert "no-store" in download["Cache-Control"] or "no-cache" in download["Cache-Control"]
    assert client.get(f"/communities/{community.slug}/bestanden/").status_code == 200

    refused = upload(client, community, "Verslag tijdens storing")
    assert refused.status_code == 400
    assert STORE_DOWN in refused.content.decode()
    assert 'value="Verslag tijdens storing"' in refused.content.decode()
    assert not community.files.filter(title="Verslag tijdens storing").exists()

    own_store("resume")
    wait_for(store_writes, "the store accepting writes", timeout=90)
    assert client.get(item.get_download_url()).status_code == 200
    assert upload(client, community, "Verslag na storing").status_code == 302
    assert community.files.filter(title="Verslag na storing").exists()


def test_a_hanging_store_fails_an_upload_within_the_timeouts(
    client, monkeypatch, own_store, library_file
):
    item, member = library_file
    community = item.community
    client.raise_request_exception = False
    client.force_login(member)
    # The restarted store of the benchmark: the bucket check answers, the write hangs.
    monkeypatch.setattr(MediaStorage, "reachable", lambda storage: True)
    weed = int((own_store.home / "weed.pid").read_text())
    os.killpg(weed, signal.SIGSTOP)
    try:
        started = time.monotonic()
        refused = upload(client, community, "Verslag bij een hangende opslag")
        upload_seconds = time.monotonic() - started
        started = time.monotonic()
        download = client.get(item.get_download_url())
        download_seconds = time.monotonic() - started
    finally:
        os.killpg(weed, signal.SIGCONT)

    assert refused.status_code == 400
    assert STORE_DOWN in refused.content.decode()
    assert 'value="Verslag bij een hangende opslag"' in refused.content.decode()
    assert not community.files.filter(title="Verslag bij een hangende opslag").exists()
    # Connect 1 s, read 2 s, two attempts: each request to the store gives up within ~6 s.
    assert upload_seconds < 15, upload_seconds
    assert download.status_code == 503
    assert FILE_GONE in download.content.decode()
    assert download_seconds < 10, download_seconds

    wait_for(store_writes, "the store accepting writes", timeout=90)
    assert upload(client, community, "Verslag na de hang").status_code == 302
    assert client.get(item.get_download_url()).status_code == 200
