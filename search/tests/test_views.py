"""The search page: access, facets, sorting, pagination and the notice on fallback."""

import pytest
from django.contrib.auth.models import AnonymousUser

from kpo.factories import UserFactory

pytestmark = pytest.mark.django_db


def result_titles(client, **params):
    response = client.get("/zoeken/", {"q": "handreiking", **params})
    assert response.status_code == 200
    return [result.title for result in response.context["search_results"].results]


def test_anonymous_visitors_find_only_public_pages(client, content):
    assert "Handreiking APV en ondermijning" not in result_titles(client)


def test_unapproved_accounts_find_only_public_pages(client, content):
    client.force_login(UserFactory(is_approved=False))
    assert "Handreiking APV en ondermijning" not in result_titles(client)


def test_members_find_members_only_pages(member_client, content):
    assert "Handreiking APV en ondermijning" in result_titles(member_client)


def test_page_shows_result_details_facets_and_marks(member_client, content):
    response = member_client.get("/zoeken/", {"q": "handreiking apv"})
    html = response.content.decode()
    assert "<mark>" in html
    assert 'href="?q=handreiking+apv&amp;type=handreiking"' in html
    assert "Bestuurlijke aanpak en APV" in html


def test_filters_narrow_the_results(member_client, content):
    assert result_titles(member_client, type="nieuws") == ["Nieuwe handreikingen voor gemeenten"]
    assert result_titles(member_client, thema="wet-bibob") == ["Handreiking bestuurlijk afpakken"]


def test_sort_by_date_puts_the_newest_first(member_client, content):
    from search.query import search

    dates = [result.date for result in search("handreiking", AnonymousUser(), sort="date").results]
    assert dates == sorted(dates, reverse=True)
    assert result_titles(member_client, sort="date")


def test_pages_of_results(member_client, content):
    from search.query import search

    first = search("handreiking", AnonymousUser(), per_page=1)
    second = search("handreiking", AnonymousUser(), per_page=1, page=2)
    assert first.count == 2 and first.num_pages == 2
    assert first.results[0].title != second.results[0].title


def test_empty_query_shows_the_form_only(client, content):
    response = client.get("/zoeken/")
    assert response.status_code == 200
    assert response.context["search_results"] is None


def test_bad_parameters_are_ignored(client, content):
    response = client.get("/zoeken/", {"q": "handreiking", "page": "x", "jaar": "-1"})
    assert response.status_code == 200
