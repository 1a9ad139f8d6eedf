"""The shared cache on a real Redis (``KPO_CACHE_URL=redis://…``): sessions, rate limits and
the page cache generation go through it, and an outage is survived (``kpo.cache``)."""

import os
import socket
import subprocess
import time
import uuid
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import override_settings

from kpo import env
from kpo.factories import TEST_PASSWORD, VerifiedUserFactory

REDIS_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "services" / "redis.sh"


def redis_caches(url, retry_seconds=5):
    """``CACHES`` as the settings build it from ``KPO_CACHE_URL``."""
    os.environ["KPO_CACHE_RETRY_SECONDS"] = str(retry_seconds)
    try:
        os.environ["KPO_CACHE_URL"] = url
        return {"default": env.cache("KPO_CACHE_URL")}
    finally:
        del os.environ["KPO_CACHE_URL"], os.environ["KPO_CACHE_RETRY_SECONDS"]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def own_redis(tmp_path):
    """A Redis of this test's own, to stop and start again without touching the shared
    one; yields ``(url, suspend, resume)``."""
    variables = {**os.environ, "KPO_REDIS_PORT": str(free_port()), "KPO_REDIS_DIR": str(tmp_path)}

    def run(action):
        return subprocess.run(  # noqa: S603
            [str(REDIS_SCRIPT), action], env=variables, check=True, capture_output=True, text=True
        ).stdout.strip()

    url = run("start")
    yield url, lambda: run("suspend"), lambda: run("resume")
    run("stop")


def test_a_redis_url_selects_the_tolerant_redis_cache(redis_url):
    entry = redis_caches(redis_url)["default"]

    assert entry["BACKEND"] == "kpo.cache.TolerantRedisCache"
    assert entry["LOCATION"] == redis_url
    assert entry["OPTIONS"]["socket_connect_timeout"] == 0.5


def test_two_processes_share_entries_through_redis(redis_url):
    """Each app server has its own backend object; both see what the other wrote."""
    from django.core.cache import CacheHandler

    server_a = CacheHandler(redis_caches(redis_url))["default"]
    server_b = CacheHandler(redis_caches(redis_url))["default"]
    key = f"shared-{uuid.uuid4().hex}"

    server_a.set(key, {"generation": 1})
    assert server_b.get(key) == {"generation": 1}
    server_b.delete(key)
    assert server_a.get(key) is None


@pytest.mark.django_db
def test_sessions_and_rate_limits_use_redis(client, redis_url):
    user = VerifiedUserFactory()
    with override_settings(CACHES=redis_caches(redis_url)):
        for _attempt in range(5):
            response = client.post(
                "/accounts/login/", {"login": user.email, "password": "wrong-password-1"}
            )
            assert response.status_code == 200
        refused = client.post("/accounts/login/", {"login": user.email, "password": TEST_PASSWORD})
        assert refused.status_code == 200, "the right password after 5 failures: still refused"
        assert "_auth_user_id" not in client.session
        client.cookies.clear()
        cache.clear()  # the failed-login counter lived in Redis: gone with it

        response = client.post("/accounts/login/", {"login": user.email, "password": TEST_PASSWORD})
        assert response.status_code == 302
        session_key = client.cookies["sessionid"].value
        assert cache.get(f"django.contrib.sessions.cached_db{session_key}")["_auth_user_id"] == str(
            user.pk
        )


@pytest.mark.django_db
def test_pages_and_logins_survive_a_redis_outage_and_nothing_outdated_is_served_after(
    client, own_redis
):
    url, suspend, resume = own_redis
    user = VerifiedUserFactory()
    with override_settings(CACHES=redis_caches(url, retry_seconds=1)):
        cache.set("kpo:membership-version", "before")
        suspend()

        started = time.monotonic()
        response = client.post("/accounts/login/", {"login": user.email, "password": TEST_PASSWORD})
        assert response.status_code == 302, "a login works without Redis"
        assert client.get("/mijn-account/").status_code == 200, "the session is in the database"
        cache.set("kpo:membership-version", "after")  # a write Redis never receives
        assert cache.get("kpo:membership-version") is None
        assert time.monotonic() - started < 5

        resume()
        cache.set("kpo:membership-version", "before")  # as if Redis had kept its data
        time.sleep(1.1)
        assert cache.get("kpo:membership-version") is None, "cleared after the lost write"
        cache.set("kpo:membership-version", "again")
        assert cache.get("kpo:membership-version") == "again"
