"""An outage of a real Elasticsearch node, not a closed port: a spare node is started for
this module (beside the shared test node, which keeps serving the other tests) and frozen
with SIGSTOP during the test, so requests time out as with a hung server. Search answers
from the database with a notice and no server error; updates saved during the outage are
sent once the node is back (SIGCONT) and ``kpo_search_index retry`` runs."""

import io
import os
import signal
import socket
import subprocess
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

from kennisbank.factories import HandreikingPageFactory
from kennisbank.models import KennisbankIndexPage
from search.engines import elasticsearch_engine
from search.models import PendingIndexUpdate, SearchDocument
from search.query import search

from .conftest import publish

pytestmark = pytest.mark.django_db

SCRIPT = Path(django_settings.BASE_DIR) / "scripts" / "services" / "elasticsearch.sh"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class SpareNode:
    url: str
    pid: int

    @contextmanager
    def frozen(self):
        """The node's process is stopped (not killed) until the block ends."""
        os.kill(self.pid, signal.SIGSTOP)
        try:
            yield
        finally:
            os.kill(self.pid, signal.SIGCONT)


@pytest.fixture(scope="module")
def spare_node(elasticsearch_url):
    """A throw-away Elasticsearch node from the same script ``make test`` uses. Its home is
    directly under /tmp: the script hands it to an unprivileged user when run as root."""
    home = Path("/tmp") / f"kpo-spare-es-{uuid.uuid4().hex[:8]}"  # noqa: S108
    env = {**os.environ, "KPO_ES_PORT": str(free_port()), "KPO_ES_HOME": str(home)}
    started = subprocess.run(  # noqa: S603
        [SCRIPT, "start"], env=env, capture_output=True, text=True, check=False
    )
    assert started.returncode == 0, started.stderr
    yield SpareNode(url=started.stdout.strip(), pid=int((home / "es.pid").read_text()))
    subprocess.run([SCRIPT, "stop"], env=env, capture_output=True, check=False)  # noqa: S603


@pytest.mark.parametrize("engine", ["database"], indirect=True)
def test_search_and_indexing_survive_a_frozen_node(
    engine, content, indexed, member, member_client, settings, spare_node
):
    settings.ELASTICSEARCH_URL = spare_node.url
    settings.KPO_SEARCH_INDEX_PREFIX = f"kpo-outage-{uuid.uuid4().hex[:8]}-"
    node = elasticsearch_engine()
    node.rebuild(SearchDocument.objects.order_by("pk"))
    assert search("handreiking apv", member).engine == "elasticsearch"

    with spare_node.frozen():
        results = search("handreiking apv", member)
        assert (results.engine, results.fallback) == ("database", True)
        assert results.results[0].title == "Handreiking APV en ondermijning"
        page = member_client.get("/zoeken/", {"q": "handreiking"})
        assert page.status_code == 200
        assert "tijdelijk niet bereikbaar" in page.content.decode()
        assert member_client.get("/api/zoeken/", {"q": "apv"}).json()["engine"] == "database"
        with indexed():
            publish(
                HandreikingPageFactory(
                    parent=KennisbankIndexPage.objects.get(), title="Handreiking vakantieparken"
                )
            )
        assert PendingIndexUpdate.objects.count() == 1

    assert search("vakantieparken", member).count == 0  # the node missed it
    output = io.StringIO()
    call_command("kpo_search_index", "retry", stdout=output)
    assert "Postponed index updates left: 0" in output.getvalue()
    node.refresh()
    results = search("vakantieparken", member)
    assert (results.engine, [r.title for r in results.results]) == (
        "elasticsearch",
        ["Handreiking vakantieparken"],
    )
    node.drop()
