"""The search box in every page header: a plain GET form to /zoeken/ that, with htmx,
shows suggestions (links) while typing. Suggestions follow the access rules."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_every_page_has_a_labelled_search_box(client, home_page):
    html = client.get("/").content.decode()
    assert '<form class="kpo-header__search" role="search" method="get" action="/zoeken/">' in html
    assert '<label class="utrecht-form-label kpo-visually-hidden" for="header-search">' in html
    assert 'hx-get="/zoeken/suggesties/"' in html
    assert 'aria-controls="header-search-suggestions"' in html


def suggestion_html(client, query):
    response = client.get("/zoeken/suggesties/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_suggestions_are_links_to_what_the_user_may_see(content, member_client):
    anonymous = suggestion_html(Client(), "handr")
    member = suggestion_html(member_client, "handr")
    assert 'href="/kennisbank/handreiking-bestuurlijk-afpakken/"' in anonymous
    assert "Handreiking APV en ondermijning" not in anonymous
    assert "Handreiking APV en ondermijning" in member
    assert '<ul class="kpo-suggestions"' in member


def test_no_suggestions_for_one_character(content, client):
    assert suggestion_html(client, "h").strip() == ""
