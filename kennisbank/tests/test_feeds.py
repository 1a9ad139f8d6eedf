import pytest

from kennisbank.factories import NewsPageFactory
from kennisbank.models import NewsIndexPage

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
