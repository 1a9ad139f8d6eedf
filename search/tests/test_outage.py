"""An unreachable Elasticsearch: search answers from the database and says so; saving
still works and the index update is sent again later. The outage is a closed port."""

import socket

import pytest
from django.test import Client

from kennisbank.factories import HandreikingPageFactory
from kennisbank.models import KennisbankIndexPage
from search.engines import elasticsearch_engine
from search.indexing import retry_pending
from search.models import PendingIndexUpdate
from search.query import search

from .conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_port_url():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def outage(settings, closed_port_url):
    """Elasticsearch is configured but unreachable."""
    settings.ELASTICSEARCH_URL = closed_port_url


def test_search_falls_back_to_the_database_with_a_notice(content, member, outage):
    results = search("handreiking apv", member)
    assert results.engine == "database"
    assert results.fallback
    assert results.results[0].title == "Handreiking APV en ondermijning"


def test_api_says_which_engine_answered(content, outage):
    response = Client().get("/api/zoeken/", {"q": "handreiking"})
    assert response.status_code == 200
    assert response.json()["engine"] == "database"


def test_search_page_shows_the_notice(content, member_client, outage):
    response = member_client.get("/zoeken/", {"q": "handreiking"})
    assert response.status_code == 200
    assert "tijdelijk niet bereikbaar" in response.content.decode()


def test_autocomplete_keeps_working(content, outage):
    response = Client().get("/api/zoeken/suggesties/", {"q": "handr"})
    assert response.status_code == 200
    assert response.json()["engine"] == "database"


@pytest.mark.parametrize("engine", ["elasticsearch"], indirect=True)
def test_publishing_during_an_outage_is_indexed_after_it(
    engine, content, indexed, member, settings, closed_port_url
):
    working_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = closed_port_url
    with indexed():
        publish(
            HandreikingPageFactory(
                parent=KennisbankIndexPage.objects.get(), title="Handreiking vakantieparken"
            )
        )
    assert PendingIndexUpdate.objects.count() == 1
    assert [r.title for r in search("vakantieparken", member).results] == [
        "Handreiking vakantieparken"
    ]

    settings.ELASTICSEARCH_URL = working_url
    assert search("vakantieparken", member).count == 0
    assert retry_pending() == 0
    elasticsearch_engine().refresh()
    results = search("vakantieparken", member)
    assert (results.engine, results.count) == ("elasticsearch", 1)


@pytest.mark.parametrize("engine", ["elasticsearch"], indirect=True)
def test_postponed_updates_are_sent_with_the_next_update(
    engine, content, indexed, member, settings, closed_port_url
):
    working_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = closed_port_url
    with indexed():
        content["public"].unpublish()
    assert PendingIndexUpdate.objects.count() == 1

    settings.ELASTICSEARCH_URL = working_url
    with indexed():
        publish(content["theme"])
    assert not PendingIndexUpdate.objects.exists()
    assert search("afpakken", member).count == 0
