"""Members-only content never appears in listings, feeds or the sitemap for users without
access, and the theme page's query count does not grow with its number of products."""

import pytest
from django.test import RequestFactory

from kennisbank.factories import (
    HandreikingDocumentFactory,
    HandreikingPageFactory,
    NewsPageFactory,
    ThemaPageFactory,
)
from kennisbank.models import NewsIndexPage, ThemaRelatedProduct
from kennisbank.models.news import NEWS_PER_PAGE
from kpo.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

THEME_PAGE_MAX_QUERIES = 20
HANDREIKING_MAX_QUERIES = 20
NEWS_MAX_QUERIES = 12


@pytest.fixture
def theme_page(kennisbank, theme):
    return ThemaPageFactory(parent=kennisbank, theme=theme, title="Bestuurlijke aanpak en APV")


def test_theme_page_lists_members_products_only_to_members(
    anonymous_client, member_client, theme_page, public_handreiking, members_handreiking
):
    anonymous_html = anonymous_client.get(theme_page.url).content.decode()
    member_html = member_client.get(theme_page.url).content.decode()

    assert public_handreiking.title in anonymous_html
    assert members_handreiking.title not in anonymous_html
    assert members_handreiking.title in member_html


def test_featured_members_products_are_hidden_from_anonymous_visitors(
    client, theme_page, members_handreiking
):
    theme_page.related_products = [ThemaRelatedProduct(product=members_handreiking)]
    theme_page.save_revision().publish()

    assert members_handreiking.title not in client.get(theme_page.url).content.decode()


def test_members_pages_are_left_out_of_the_sitemap(public_handreiking, members_handreiking):
    request = RequestFactory().get("/")

    assert public_handreiking.get_sitemap_urls(request)
    assert members_handreiking.get_sitemap_urls(request) == []


def add_products(kennisbank, theme, theme_page, count):
    for _number in range(count):
        page = HandreikingPageFactory(
            parent=kennisbank,
            themes=[theme],
            publisher=OrganisationFactory(),
        )
        HandreikingDocumentFactory(page=page)
        theme_page.related_products.add(ThemaRelatedProduct(product=page))
    theme_page.save_revision().publish()


def count_queries(client, url, django_assert_max_num_queries, maximum):
    """Queries of a warm request (the first one fills caches: site root paths, settings)."""
    client.get(url)
    with django_assert_max_num_queries(maximum) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_theme_page_queries_do_not_grow_with_products(
    member_client, kennisbank, theme, theme_page, django_assert_max_num_queries
):
    add_products(kennisbank, theme, theme_page, 2)
    few = count_queries(
        member_client, theme_page.url, django_assert_max_num_queries, THEME_PAGE_MAX_QUERIES
    )

    add_products(kennisbank, theme, theme_page, 10)
    many = count_queries(
        member_client, theme_page.url, django_assert_max_num_queries, THEME_PAGE_MAX_QUERIES
    )

    assert many == few


def test_handreiking_page_queries_do_not_grow_with_documents(
    member_client, members_handreiking, django_assert_max_num_queries
):
    few = count_queries(
        member_client,
        members_handreiking.url,
        django_assert_max_num_queries,
        HANDREIKING_MAX_QUERIES,
    )
    for _number in range(8):
        HandreikingDocumentFactory(page=members_handreiking)
    members_handreiking.save_revision().publish()

    many = count_queries(
        member_client,
        members_handreiking.url,
        django_assert_max_num_queries,
        HANDREIKING_MAX_QUERIES,
    )

    assert many == few


def test_news_list_shows_one_page_and_its_queries_do_not_grow_with_the_news(
    member_client, home_page, django_assert_max_num_queries
):
    news_index = NewsIndexPage.objects.get()
    for _number in range(3):
        NewsPageFactory(parent=news_index).save_revision().publish()
    few = count_queries(
        member_client, news_index.url, django_assert_max_num_queries, NEWS_MAX_QUERIES
    )
    for _number in range(NEWS_PER_PAGE + 5):
        NewsPageFactory(parent=news_index).save_revision().publish()
    many = count_queries(
        member_client, news_index.url, django_assert_max_num_queries, NEWS_MAX_QUERIES
    )
    assert many == few

    page = member_client.get(news_index.url).content.decode()
    assert page.count('<article class="kpo-card') == NEWS_PER_PAGE
    assert "Pagina 1 van 2" in page
    second = member_client.get(news_index.url + "?page=2").content.decode()
    assert second.count('<article class="kpo-card') == 8
