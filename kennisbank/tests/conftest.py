import pytest
from django.test import Client

from kennisbank.factories import HandreikingDocumentFactory, HandreikingPageFactory
from kennisbank.models import KennisbankIndexPage
from kpo.factories import ThemeFactory, UserFactory


@pytest.fixture
def kennisbank(home_page):
    return KennisbankIndexPage.objects.get()


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Bestuurlijke aanpak en APV")


@pytest.fixture
def anonymous_client(db):
    """A client of its own, for tests that also log in the ``client`` fixture."""
    return Client()


@pytest.fixture
def unapproved_client(db):
    unapproved = Client()
    unapproved.force_login(UserFactory(is_approved=False))
    return unapproved


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def html(client, path):
    """The page at ``path`` (which must answer 200) as text."""
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def logged_in(user):
    """A client of its own, logged in as ``user``."""
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def members_handreiking(kennisbank, theme):
    """A published members-only handreiking with one PDF."""
    page = HandreikingPageFactory(
        parent=kennisbank,
        title="Handreiking APV en ondermijning",
        slug="handreiking-apv",
        visibility="members",
        themes=[theme],
    )
    HandreikingDocumentFactory(page=page, document__title="Handreiking APV (pdf)")
    return publish(page)


@pytest.fixture
def public_handreiking(kennisbank, theme):
    page = HandreikingPageFactory(
        parent=kennisbank, title="Handboek Bibob", slug="handboek-bibob", themes=[theme]
    )
    HandreikingDocumentFactory(page=page, document__title="Handboek Bibob (pdf)")
    return publish(page)
