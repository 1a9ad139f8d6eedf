"""Faults on a real app server (gunicorn, production settings) with a Redis and an S3 store of
its own, stopped and started again while it serves: pages and logins go on without Redis,
uploads are refused in Dutch without the store and the form keeps what was typed; both
recover by themselves."""

import os
import random
import socket
import subprocess
from pathlib import Path

import pytest
import requests

from communities.factories import CommunityFactory, MembershipFactory
from communities.models import CommunityType
from kennisbank.pdf import make_pdf
from kpo.factories import StandardPageFactory
from tests.cluster.conftest import s3_client, s3_environment
from tests.cluster.servers import Cluster, csrf_token, login, wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.xdist_group("cluster")]
SERVICES = Path(__file__).resolve().parents[2] / "scripts" / "services"
STORE_DOWN = "De bestandsopslag is tijdelijk niet bereikbaar"


def port_free(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def s3_ports():
    """A base port whose three next ports and their gRPC ports (+10000) are free too."""
    while True:
        base = random.randrange(20000, 29000)  # noqa: S311
        ports = [base + offset for offset in range(4)]
        if all(port_free(port) and port_free(port + 10000) for port in ports):
            return base


class Service:
    def __init__(self, script, variables):
        self.script, self.variables = script, {**os.environ, **variables}

    def __call__(self, action):
        return subprocess.run(  # noqa: S603
            [str(SERVICES / self.script), action],
            env=self.variables,
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        ).stdout.strip()


@pytest.fixture
def server_c(cluster, tmp_path):
    """Server C: the cluster's settings, but its own Redis and S3 store."""
    redis = Service(
        "redis.sh", {"KPO_REDIS_PORT": str(s3_ports()), "KPO_REDIS_DIR": str(tmp_path / "r")}
    )
    s3 = Service("s3.sh", {"KPO_S3_PORT": str(s3_ports()), "KPO_S3_HOME": str(tmp_path / "s3")})
    redis_url, s3_url = redis("start"), s3("start")
    s3_client(s3_url).create_bucket(Bucket="kpo-faults")
    environment = {
        **cluster.environment,
        "KPO_CACHE_URL": redis_url,
        "KPO_CACHE_RETRY_SECONDS": "1",
        **s3_environment(s3_url, "kpo-faults"),
    }
    running = Cluster(environment, tmp_path)
    try:
        running.c = running.web("c")
        running.s3_url = s3_url
        yield running, redis, s3
    finally:
        running.stop()
        redis("stop")
        s3("stop")


def store_writes(s3_url):
    """Whether the restarted store accepts a write (its volumes register a little later)."""
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        s3_client(s3_url).put_object(Bucket="kpo-faults", Key="probe.txt", Body=b"probe")
    except (BotoCoreError, ClientError):
        return False
    return True


def upload(session, base_url, community, title):
    files = f"/communities/{community.slug}/bestanden/"
    listing = session.get(base_url + files, timeout=30)
    return session.post(
        f"{base_url}{files}uploaden/",
        data={"csrfmiddlewaretoken": csrf_token(listing.text), "title": title},
        files={"upload": ("verslag.pdf", make_pdf(title, "Storingstest."), "application/pdf")},
        timeout=60,
        allow_redirects=False,
    )


def test_without_redis_pages_and_logins_go_on_and_recover(server_c, home_page):
    running, redis, _s3 = server_c
    StandardPageFactory(parent=home_page, title="Storingsdienst", slug="storing")
    community = CommunityFactory(name="Storing Redis", type=CommunityType.ON_REQUEST)
    member = MembershipFactory(community=community).user

    redis("suspend")
    assert requests.get(f"{running.c}/storing/", timeout=30).status_code == 200
    session = login(running.c, member.email)
    assert session.get(f"{running.c}/mijn-account/", timeout=30).status_code == 200
    redis("resume")

    wait_for(  # each process tries Redis again after KPO_CACHE_RETRY_SECONDS
        lambda: requests.get(f"{running.c}/storing/", timeout=30).headers["X-KPO-Cache"] == "hit",
        "the page cache in Redis again",
        timeout=30,
    )
    assert session.get(f"{running.c}/mijn-account/", timeout=30).status_code == 200


def test_without_the_store_uploads_are_refused_in_dutch_and_recover(server_c, home_page):
    running, _redis, s3 = server_c
    community = CommunityFactory(name="Storing S3", type=CommunityType.ON_REQUEST)
    member = MembershipFactory(community=community).user
    session = login(running.c, member.email)

    s3("suspend")
    refused = upload(session, running.c, community, "Verslag tijdens storing")
    assert refused.status_code == 400
    assert STORE_DOWN in refused.text
    assert 'value="Verslag tijdens storing"' in refused.text, "the form keeps the title"
    assert session.get(f"{running.c}/mijn-account/", timeout=30).status_code == 200
    s3("resume")
    wait_for(lambda: store_writes(running.s3_url), "the store accepting writes", timeout=90)

    accepted = upload(session, running.c, community, "Verslag na storing")
    assert accepted.status_code == 302
    assert community.files.filter(title="Verslag na storing").exists()
    assert not community.files.filter(title="Verslag tijdens storing").exists()
