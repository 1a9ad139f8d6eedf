"""The processes of a cluster for the tests: gunicorn app servers and task workers with the
production settings (``tests.cluster.settings``) on the test database, Elasticsearch, Redis
and the S3 bucket, and logged-in HTTP sessions against them."""

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

from kpo.factories import TEST_PASSWORD
from tests.cluster.conftest import s3_environment

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
        self.workers = {}

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

    def start_worker(self, number):
        worker = ["db_worker", "--interval", "0.5", "--queue-name", "*"]
        self.workers[number] = self.start(f"worker-{number}", sys.executable, "manage.py", *worker)

    def revive_workers(self):
        """Start again any worker that stopped: the flush after a transactional test empties
        the task table under a running worker, which then fails to record a task's end and
        exits (a production database is never emptied under its workers)."""
        for number, process in list(self.workers.items()):
            if process.poll() is not None:
                self.start_worker(number)

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
        running = [process for process in self.processes if process.poll() is None]
        for process in running:
            os.killpg(process.pid, signal.SIGTERM)
        for process in running:
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


def running_cluster(django_db_blocker, state, redis_url, s3_url, s3_bucket, elasticsearch_url):
    """Servers A and B and two workers on the test database (``cluster`` in conftest.py)."""
    with django_db_blocker.unblock():
        database = connection.settings_dict
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
        "WEB_CONCURRENCY": "1",
        **s3_environment(s3_url, s3_bucket),
    }
    environment.pop("KPO_TASKS_BACKEND", None)
    running = Cluster(environment, state)
    try:
        for number in (1, 2):
            running.start_worker(number)
        running.a, running.b = running.web("a"), running.web("b")
        yield running
    finally:
        running.stop()


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
