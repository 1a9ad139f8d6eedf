"""Search never shows anything the user may not see, on either engine."""

import pytest
from django.contrib.auth.models import AnonymousUser

from kpo.factories import UserFactory

from .conftest import SECRET_PDF_WORD
from .helpers import titles

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_find_only_public_items(content):
    assert set(titles("handreiking", AnonymousUser())) == {
        "Handreiking bestuurlijk afpakken",
        "Nieuwe handreikingen voor gemeenten",
    }


def test_unapproved_accounts_find_only_public_items(content):
    user = UserFactory(is_approved=False)
    assert "Handreiking APV en ondermijning" not in titles("handreiking", user)


def test_members_find_members_only_items(content, member):
    assert "Handreiking APV en ondermijning" in titles("handreiking", member)


@pytest.mark.parametrize("who", ["anonymous", "unapproved"])
def test_text_of_a_members_only_pdf_is_never_found_without_access(content, who):
    user = AnonymousUser() if who == "anonymous" else UserFactory(is_approved=False)
    assert titles(SECRET_PDF_WORD, user) == []


def test_members_find_text_of_a_members_only_pdf(content, member):
    assert titles(SECRET_PDF_WORD, member) == ["Handreiking APV en ondermijning"]


def test_facets_count_only_visible_items(content):
    from search.query import search

    facets = search("handreiking", AnonymousUser()).facets
    assert {value.value: value.count for value in facets["type"]} == {
        "handreiking": 1,
        "nieuws": 1,
    }


def test_no_suggestion_comes_from_members_only_titles(content):
    from search.query import search

    assert search("ondermijnin", AnonymousUser()).suggestion == ""
