import pytest
from wagtail.models import Page

from academie.models import AcademieIndexPage
from communities.models import CommunitiesIndexPage
from kennisbank.models import KennisbankIndexPage, NewsIndexPage, NewsPage
from kpo.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_only_one_home_page_at_the_tree_root(home_page):
    root = Page.get_first_root_node()
    assert not HomePage.can_create_at(root), "a second home page must be refused"
    assert not HomePage.can_create_at(home_page)


@pytest.mark.parametrize("model", [KennisbankIndexPage, CommunitiesIndexPage, AcademieIndexPage])
def test_section_pages_live_once_directly_under_the_home_page(home_page, model):
    assert not model.can_create_at(home_page), "the fixture already has one"
    assert not model.can_create_at(Page.get_first_root_node())
    assert not model.can_create_at(home_page.get_children().get(slug="nieuws").specific)


def test_news_pages_only_under_the_news_index(home_page):
    news_index = NewsIndexPage.objects.get()
    assert NewsPage.can_create_at(news_index)
    assert not NewsPage.can_create_at(home_page)
    assert NewsIndexPage.allowed_subpage_models() == [NewsPage]
    assert NewsPage.allowed_subpage_models() == []


def test_standard_pages_can_be_created_under_the_home_page(home_page):
    assert StandardPage.can_create_at(home_page)
