"""The did-you-mean vocabulary: the title words a user may see, cached per set of access
tokens until the search documents change."""

import pytest
from django.contrib.auth.models import AnonymousUser

from kennisbank.factories import HandreikingPageFactory
from kennisbank.models import KennisbankIndexPage
from kpo.access import access_tokens
from search.query import search
from search.vocabulary import title_vocabulary

from .conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor_tokens():
    return access_tokens(AnonymousUser())


def test_the_vocabulary_is_read_once_per_version(
    engine, indexed, home_page, visitor_tokens, django_assert_num_queries
):
    with indexed():
        publish(
            HandreikingPageFactory(
                parent=KennisbankIndexPage.objects.get(), title="Vakantieparken in beeld"
            )
        )

    assert "vakantieparken" in title_vocabulary(visitor_tokens)
    with django_assert_num_queries(0):
        assert "vakantieparken" in title_vocabulary(visitor_tokens)


def test_a_title_made_members_only_leaves_the_visitors_vocabulary_at_once(
    engine, indexed, home_page, visitor_tokens
):
    with indexed():
        page = publish(
            HandreikingPageFactory(
                parent=KennisbankIndexPage.objects.get(), title="Vakantieparken in beeld"
            )
        )
    assert "vakantieparken" in title_vocabulary(visitor_tokens)
    assert search("vakantieprken", AnonymousUser()).suggestion == "vakantieparken"

    with indexed():
        page.visibility = "members"
        publish(page)

    assert "vakantieparken" not in title_vocabulary(visitor_tokens)
    assert search("vakantieprken", AnonymousUser()).suggestion == ""
