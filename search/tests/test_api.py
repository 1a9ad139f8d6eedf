"""The JSON API ``/api/zoeken/`` and autocomplete, filtered by the session's tokens."""

import pytest
from django.test import Client

from kpo.models import Theme

pytestmark = pytest.mark.django_db


def test_api_contract(client, content, engine):
    data = client.get("/api/zoeken/", {"q": "handreiking"}).json()
    assert data["count"] == 2
    assert data["engine"] == engine.name
    result = data["results"][0]
    assert set(result) == {"title", "url", "type", "snippet", "themes", "date"}
    assert set(data["facets"]) == {"type", "thema", "community", "jaar"}
    assert {"value": "nieuws", "label": "Nieuws", "count": 1} in data["facets"]["type"]


def test_api_hides_members_only_items_from_anonymous_sessions(client, content):
    data = client.get("/api/zoeken/", {"q": "apv"}).json()
    assert "Handreiking APV en ondermijning" not in [r["title"] for r in data["results"]]


def test_api_shows_members_only_items_to_members(member_client, content):
    data = member_client.get("/api/zoeken/", {"q": "apv"}).json()
    assert data["results"][0]["title"] == "Handreiking APV en ondermijning"
    assert data["results"][0]["themes"] == ["Bestuurlijke aanpak en APV"]


def test_api_filters_by_type_and_theme(member_client, content):
    data = member_client.get("/api/zoeken/", {"q": "handreiking", "type": "nieuws"}).json()
    assert [r["title"] for r in data["results"]] == ["Nieuwe handreikingen voor gemeenten"]
    data = member_client.get("/api/zoeken/", {"q": "", "thema": "wet-bibob"}).json()
    assert {r["title"] for r in data["results"]} == {
        "Handreiking bestuurlijk afpakken",
        "Wet Bibob",
    }


def test_autocomplete_completes_the_last_word(member_client, content):
    anonymous = Client().get("/api/zoeken/suggesties/", {"q": "handr"}).json()
    member = member_client.get("/api/zoeken/suggesties/", {"q": "handr"}).json()
    assert "Handreiking APV en ondermijning" not in [r["title"] for r in anonymous["results"]]
    assert "Handreiking APV en ondermijning" in [r["title"] for r in member["results"]]


def test_autocomplete_needs_two_characters(client, content):
    assert client.get("/api/zoeken/suggesties/", {"q": "h"}).json()["results"] == []


# The user and the search term count (two upserts): the session and the member's
# communities (access tokens) come from the cache; the database engine adds its own
# queries: the count, the page of results with their themes and the four facets. Theme and
# community names and the texts with promoted results come from the cache after the first
# search.
API_QUERIES = {"database": 3 + 7, "elasticsearch": 3}


def test_api_query_count(member_client, content, engine, django_assert_num_queries):
    member_client.get("/api/zoeken/", {"q": "handreiking"})
    with django_assert_num_queries(API_QUERIES[engine.name]):
        data = member_client.get("/api/zoeken/", {"q": "handreiking"}).json()
    assert data["count"] == 3
    assert {"value": "wet-bibob", "label": "Wet Bibob", "count": 1} in data["facets"]["thema"]


def test_facet_labels_follow_a_renamed_theme(member_client, content):
    theme_facet = {"value": "wet-bibob", "label": "Wet Bibob", "count": 1}
    assert (
        theme_facet
        in member_client.get("/api/zoeken/", {"q": "afpakken"}).json()["facets"]["thema"]
    )
    theme = Theme.objects.get(slug="wet-bibob")
    theme.name = "Bibob"
    theme.save()
    facets = member_client.get("/api/zoeken/", {"q": "afpakken"}).json()["facets"]
    assert {**theme_facet, "label": "Bibob"} in facets["thema"]
