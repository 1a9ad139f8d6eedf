"""Fixtures shared by every app's tests."""

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

from academie.factories import AcademieIndexPageFactory
from communities.factories import CommunitiesIndexPageFactory
from kennisbank.factories import KennisbankIndexPageFactory, NewsIndexPageFactory
from kpo.factories import HomePageFactory, VerifiedUserFactory


def tree_root():
    """Wagtail's root page and default locale, recreated if a transactional test flushed them."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    return Page.get_first_root_node() or Page.add_root(title="Root", slug="root")


@pytest.fixture
def home_page(db):
    """A HomePage as the default site's root, with the three section pages and a news index."""
    root = tree_root()
    home = HomePageFactory(parent=root, slug="kpo-home")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "port": 80}
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    KennisbankIndexPageFactory(parent=home)
    CommunitiesIndexPageFactory(parent=home)
    AcademieIndexPageFactory(parent=home)
    NewsIndexPageFactory(parent=home)
    return home


@pytest.fixture
def member(db):
    """An approved member with a verified email address."""
    return VerifiedUserFactory(email="lid@gemeente.example", full_name="Lotte Lid")


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture(autouse=True)
def site_language():
    """Messages made outside a request are in the site's language, whatever language an
    earlier test's request left active in this thread."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (navigation is cached between requests)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
