"""/health/ against the real Elasticsearch server."""

import pytest

pytestmark = pytest.mark.django_db


def test_health_reports_elasticsearch(client, settings, elasticsearch_url):
    settings.ELASTICSEARCH_URL = elasticsearch_url

    search = client.get("/health/").json()["checks"]["search"]

    assert search["status"] == "ok"
    assert search["cluster"] in ("green", "yellow")
