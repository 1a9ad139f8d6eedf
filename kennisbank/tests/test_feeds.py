import pytest

from kennisbank.factories import (
    FactsheetPageFactory,
    HandreikingPageFactory,
    NewsPageFactory,
    ThemaPageFactory,
)
from kennisbank.models import NewsIndexPage
from kennisbank.tests.conftest import publish
from kpo.factories import ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home_page):
    news_index = NewsIndexPage.objects.get()
    live = NewsPageFactory(parent=news_index, title="Handreiking APV geactualiseerd")
    draft = NewsPageFactory(parent=news_index, title="Concept bericht", live=False)
    return live, draft


@pytest.mark.parametrize(
    ("url", "content_type"),
    [("/feeds/nieuws.rss", "application/rss+xml"), ("/feeds/nieuws.atom", "application/atom+xml")],
)
def test_feeds_list_live_public_news(client, news, url, content_type):
    live, draft = news

    response = client.get(url)

    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert live.title in body and f"http://testserver{live.url}" in body
    assert draft.title not in body


def test_news_index_advertises_its_feeds(client, news):
    html = client.get(NewsIndexPage.objects.get().url).content.decode()

    assert 'type="application/rss+xml" ' in html and 'href="/feeds/nieuws.atom"' in html


@pytest.fixture
def theme_with_products(kennisbank, theme):
    """A public theme page with a public, a members-only, a draft and an off-theme product."""
    page = publish(ThemaPageFactory(parent=kennisbank, theme=theme, title=theme.name, slug="apv"))
    other_theme = ThemeFactory(name="Mensenhandel")
    products = {
        "public": HandreikingPageFactory(
            parent=kennisbank, title="Handreiking APV en ondermijning", themes=[theme]
        ),
        "members": HandreikingPageFactory(
            parent=kennisbank, title="Besloten casus APV", visibility="members", themes=[theme]
        ),
        "other": FactsheetPageFactory(
            parent=kennisbank, title="Factsheet arbeidsuitbuiting", themes=[other_theme]
        ),
    }
    for product in products.values():
        publish(product)
    products["draft"] = HandreikingPageFactory(
        parent=kennisbank, title="Concept APV", themes=[theme], live=False
    )
    return page, products


@pytest.mark.parametrize(
    ("suffix", "content_type"), [("rss", "application/rss+xml"), ("atom", "application/atom+xml")]
)
def test_theme_feed_lists_the_themes_live_products_a_visitor_may_see(
    client, theme_with_products, suffix, content_type
):
    page, products = theme_with_products

    response = client.get(f"/feeds/thema/apv.{suffix}")

    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert products["public"].title in body
    assert f"http://testserver{products['public'].url}" in body
    for hidden in ("members", "other", "draft"):
        assert products[hidden].title not in body


def test_theme_feed_of_a_member_holds_the_members_only_products(member_client, theme_with_products):
    page, products = theme_with_products

    body = member_client.get("/feeds/thema/apv.atom").content.decode()

    assert products["public"].title in body and products["members"].title in body
    assert products["draft"].title not in body


def test_theme_feed_puts_the_last_updated_product_first(client, theme_with_products):
    page, products = theme_with_products
    newer = publish(
        HandreikingPageFactory(
            parent=page.get_parent(), title="Nieuwe handreiking APV", themes=[page.theme]
        )
    )
    body = client.get("/feeds/thema/apv.atom").content.decode()
    assert body.index(newer.title) < body.index(products["public"].title)

    publish(products["public"])  # an update
    body = client.get("/feeds/thema/apv.atom").content.decode()

    assert body.index(products["public"].title) < body.index(newer.title)


def test_feed_of_a_members_only_or_unknown_theme_is_not_found_for_visitors(
    anonymous_client, member_client, kennisbank
):
    page = ThemaPageFactory(parent=kennisbank, slug="besloten-thema", visibility="members")
    publish(page)

    assert anonymous_client.get("/feeds/thema/besloten-thema.rss").status_code == 404
    assert anonymous_client.get("/feeds/thema/bestaat-niet.rss").status_code == 404
    assert member_client.get("/feeds/thema/besloten-thema.rss").status_code == 200


def test_theme_feed_queries_do_not_grow_with_products(
    client, django_assert_num_queries, theme_with_products
):
    page, products = theme_with_products
    client.get("/feeds/thema/apv.rss")
    # The view restrictions and the theme page, the view restrictions and its products.
    with django_assert_num_queries(4):
        client.get("/feeds/thema/apv.rss")
    for number in range(5):
        publish(
            HandreikingPageFactory(
                parent=page.get_parent(), title=f"Handreiking {number}", themes=[page.theme]
            )
        )
    client.get("/feeds/thema/apv.rss")

    with django_assert_num_queries(4):
        client.get("/feeds/thema/apv.rss")


def test_theme_page_advertises_its_feeds(client, theme_with_products):
    page, products = theme_with_products

    html = client.get(page.url).content.decode()

    assert 'type="application/rss+xml"' in html and 'href="/feeds/thema/apv.rss"' in html
    assert 'type="application/atom+xml"' in html and 'href="/feeds/thema/apv.atom"' in html
