"""Two gunicorn app servers (A and B) and two task workers, all separate processes with the
production settings, sharing PostgreSQL (the test database), Elasticsearch, Redis and the S3
bucket, as on a Kubernetes platform. What one server changes, the other knows at once."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.db import connection

from communities.factories import CommunityFactory, MembershipFactory
from communities.models import Community, CommunityType
from kennisbank.pdf import make_pdf
from kpo.factories import TEST_PASSWORD, StandardPageFactory, VerifiedUserFactory
from tests.cluster.conftest import s3_environment

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.xdist_group("cluster")]
ROOT = Path(settings.BASE_DIR)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """The processes and their shared environment; ``a`` and ``b`` are the base URLs."""

    def __init__(self, environment, logs):
        self.environment = environment
        self.logs = logs
        self.processes = []

    def start(self, name, *command, **extra):
        log = (self.logs / f"{name}.log").open("ab")
        process = subprocess.Popen(  # noqa: S603
            command,
            cwd=ROOT,
            env={**self.environment, **extra},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append(process)
        return process

    def web(self, name):
        port = free_port()
        self.start(
            name,
            str(Path(sys.executable).with_name("gunicorn")),
            "-c",
            "python:kpo.gunicorn_conf",
            "kpo.wsgi",
            "--control-socket",
            str(self.logs / f"{name}.ctl"),
            KPO_BIND=f"127.0.0.1:{port}",
        )
        url = f"http://127.0.0.1:{port}"
        wait_for(lambda: healthy(url), f"server {name}", self.logs / f"{name}.log")
        return url

    def manage(self, *args):
        """A management command with the servers' settings (as an operator runs it)."""
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.environment,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def stop(self):
        for process in self.processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            process.wait(timeout=30)


def healthy(url):
    try:
        return requests.get(f"{url}/health/", timeout=30).status_code == 200
    except (requests.ConnectionError, requests.Timeout):
        return False


def wait_for(check, what, log=None, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.25)
    tail = log.read_text(errors="replace")[-3000:] if log else ""
    pytest.fail(f"{what} did not become ready in {timeout} s\n{tail}")


@pytest.fixture(scope="session")
def cluster(
    django_db_setup,
    django_db_blocker,
    tmp_path_factory,
    redis_url,
    s3_url,
    s3_bucket,
    elasticsearch_url,
):
    """Servers A and B and two workers on the test database, started once per run."""
    with django_db_blocker.unblock():
        database = connection.settings_dict
    state = tmp_path_factory.mktemp("cluster")
    (state / "mail").mkdir()
    database_url = (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
        f"{database['PORT']}/{database['NAME']}"
    )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.cluster.settings",
        "SECRET_KEY": uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "ELASTICSEARCH_URL": elasticsearch_url,
        "KPO_SEARCH_INDEX_PREFIX": f"kpo-cluster-{uuid.uuid4().hex[:8]}-",
        # Database 1: the cache tests clear database 0 of the same server.
        "KPO_CACHE_URL": re.sub(r"/\d*$", "/1", redis_url),
        "KPO_EMAIL_FILE_PATH": str(state / "mail"),
        "KPO_TRUSTED_PROXY_COUNT": "0",
        "KPO_LOG_FORMAT": "text",
        "WEB_CONCURRENCY": "2",
        **s3_environment(s3_url, s3_bucket),
    }
    environment.pop("KPO_TASKS_BACKEND", None)
    running = Cluster(environment, state)
    try:
        for number in (1, 2):
            worker = ["db_worker", "--interval", "0.5", "--queue-name", "*"]
            running.start(f"worker-{number}", sys.executable, "manage.py", *worker)
        running.a, running.b = running.web("a"), running.web("b")
        yield running
    finally:
        running.stop()


@pytest.fixture(autouse=True)
def fresh_cache(cluster):
    """Each test starts with an empty shared cache: the flush after a transactional test
    empties the tables without the signals that outdate cached entries."""
    import redis

    redis.Redis.from_url(cluster.environment["KPO_CACHE_URL"]).flushdb()


def login(base_url, email):
    session = requests.Session()
    page = session.get(f"{base_url}/accounts/login/", timeout=30)
    token = csrf_token(page.text)
    response = session.post(
        f"{base_url}/accounts/login/",
        data={"csrfmiddlewaretoken": token, "login": email, "password": TEST_PASSWORD},
        timeout=30,
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[-2000:]
    return session


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_a_page_published_on_one_process_is_fresh_on_server_b_at_once(cluster, home_page):
    page = StandardPageFactory(parent=home_page, title="Werkwijze Bibob", slug="werkwijze")
    url = f"{cluster.b}/werkwijze/"
    requests.get(url, timeout=30)
    cached = requests.get(url, timeout=30)
    assert cached.headers["X-KPO-Cache"] == "hit" and "Werkwijze Bibob" in cached.text

    # An editor publishes a new revision (a process of the cluster, with its settings).
    cluster.manage(
        "shell",
        "-c",
        f"from wagtail.models import Page; p = Page.objects.get(pk={page.pk}).specific; "
        "p.title = 'Werkwijze Bibob 2026'; p.save_revision().publish()",
    )

    fresh = requests.get(url, timeout=30)
    assert "Werkwijze Bibob 2026" in fresh.text
    assert requests.get(f"{cluster.a}/werkwijze/", timeout=30).text.count("Bibob 2026") >= 1


def test_a_session_ended_on_a_is_refused_on_b(cluster, home_page):
    user = VerifiedUserFactory()
    session = login(cluster.a, user.email)
    assert session.get(f"{cluster.b}/mijn-account/", timeout=30).status_code == 200

    page = session.get(f"{cluster.a}/accounts/logout/", timeout=30)
    session_cookie = session.cookies["sessionid"]
    session.post(
        f"{cluster.a}/accounts/logout/",
        data={"csrfmiddlewaretoken": csrf_token(page.text)},
        timeout=30,
    )
    session.cookies.set("sessionid", session_cookie)  # as if the cookie had been kept

    refused = session.get(f"{cluster.b}/mijn-account/", timeout=30, allow_redirects=False)
    assert refused.status_code == 302 and "/accounts/login/" in refused.headers["Location"]


def community_with_member(home_page):
    community = CommunityFactory(name="Buitengebied cluster", type=CommunityType.ON_REQUEST)
    member = MembershipFactory(community=community).user
    return community, member


def test_a_membership_ended_on_a_is_refused_on_b(cluster, home_page):
    community, member = community_with_member(home_page)
    session = login(cluster.a, member.email)
    files = f"/communities/{community.slug}/bestanden/"
    assert session.get(cluster.b + files, timeout=30).status_code == 200  # cached on B

    overview = session.get(f"{cluster.a}/communities/{community.slug}/", timeout=30)
    left = session.post(
        f"{cluster.a}/communities/{community.slug}/verlaten/",
        data={"csrfmiddlewaretoken": csrf_token(overview.text)},
        timeout=30,
        allow_redirects=False,
    )
    assert left.status_code == 302

    assert session.get(cluster.b + files, timeout=30, allow_redirects=False).status_code in (
        302,
        403,
        404,
    )


def test_a_file_uploaded_on_a_downloads_on_b_and_not_for_a_non_member(cluster, home_page):
    community, member = community_with_member(home_page)
    session = login(cluster.a, member.email)
    files = f"/communities/{community.slug}/bestanden/"
    listing = session.get(cluster.a + files, timeout=30)
    pdf = make_pdf("Verslag kenniskring", "Besproken in het cluster.")
    uploaded = session.post(
        f"{cluster.a}{files}uploaden/",
        data={"csrfmiddlewaretoken": csrf_token(listing.text), "title": "Verslag cluster"},
        files={"upload": ("verslag.pdf", pdf, "application/pdf")},
        timeout=30,
        allow_redirects=False,
    )
    assert uploaded.status_code == 302, uploaded.text[-2000:]
    item = Community.objects.get(pk=community.pk).files.get(title="Verslag cluster")

    download = session.get(cluster.b + item.get_download_url(), timeout=30)
    assert download.status_code == 200 and download.content == pdf
    outsider = login(cluster.b, VerifiedUserFactory().email)
    refused = outsider.get(cluster.b + item.get_download_url(), timeout=30, allow_redirects=False)
    assert refused.status_code in (403, 404)
    assert pdf not in refused.content


def test_a_task_enqueued_on_a_runs_once(cluster, home_page):
    """A password reset on A queues one email; one of the two workers delivers it, once."""
    from django_tasks_db.models import DBTaskResult

    user = VerifiedUserFactory()
    mail = Path(cluster.environment["KPO_EMAIL_FILE_PATH"])
    before = {path.name for path in mail.iterdir()}
    form = requests.Session()
    page = form.get(f"{cluster.a}/accounts/password/reset/", timeout=30)
    form.post(
        f"{cluster.a}/accounts/password/reset/",
        data={"csrfmiddlewaretoken": csrf_token(page.text), "email": user.email},
        timeout=30,
    )

    def delivered():
        return not DBTaskResult.objects.ready().exists() and DBTaskResult.objects.exists()

    wait_for(delivered, "the email task")
    time.sleep(2)  # a second run would have happened by now
    tasks = DBTaskResult.objects.filter(task_path="kpo.mail.deliver_email")
    assert [task.status for task in tasks] == ["SUCCESSFUL"]
    new = [path for path in mail.iterdir() if path.name not in before]
    assert sum(path.read_text().count(f"To: {user.email}") for path in new) == 1
