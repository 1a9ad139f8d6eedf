"""/health/ reports the database, the search engine and the task queue, cheaply and
without secrets; a database outage is a clear 503 everywhere."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks import task

from kpo import health
from kpo.tests.urls_database_down import unreachable_connection

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@task()
def noop() -> None:
    return None


def test_health_is_ok_for_any_host_without_session_or_cache(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get("/health/", HTTP_HOST="10.1.2.3:8000")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == {"status": "ok"}
    assert body["checks"]["search"]["engine"] == "database"
    assert body["checks"]["tasks"]["status"] == "ok"
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies


def test_health_reveals_no_settings(client, settings):
    text = client.get("/health/").content.decode()

    for secret in (settings.SECRET_KEY, settings.DATABASES["default"]["PASSWORD"]):
        assert secret not in text


def test_unreachable_elasticsearch_is_degraded_not_down(client, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"

    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["search"]["cluster"] == "unreachable"


@override_settings(TASKS=DATABASE_TASKS)
def test_task_queue_counts_ready_tasks(client):
    noop.enqueue()

    tasks = client.get("/health/").json()["checks"]["tasks"]

    assert tasks == {
        "status": "ok",
        "backend": "DatabaseBackend",
        "ready": 1,
        "oldest_ready_seconds": 0,
        "failed_last_hour": 0,
    }


@override_settings(TASKS=DATABASE_TASKS)
def test_a_queue_nobody_works_on_is_degraded(client):
    from django_tasks_db.models import DBTaskResult

    result = noop.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - datetime.timedelta(minutes=10)
    )

    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["tasks"]["oldest_ready_seconds"] >= 600


def test_database_outage_makes_health_503(monkeypatch):
    monkeypatch.setattr(health, "connection", unreachable_connection())

    response = health.health_response()

    assert response.status_code == 503
    assert b'"database": {"status": "down"}' in response.content


@pytest.mark.urls("kpo.tests.urls_database_down")
def test_database_outage_is_a_friendly_503_with_retry_after(client, home_page):
    client.raise_request_exception = False

    response = client.get("/database-weg/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Tijdelijk niet beschikbaar" in html
    assert "Traceback" not in html and "OperationalError" not in html
