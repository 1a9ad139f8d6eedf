"""The site search never shows members-only pages to visitors without access."""

import pytest

from kennisbank.factories import HandreikingPageFactory
from kennisbank.models import KennisbankIndexPage
from kpo.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def handreikingen(home_page):
    kennisbank = KennisbankIndexPage.objects.get()
    pages = {
        visibility: HandreikingPageFactory(
            parent=kennisbank,
            title=f"Handreiking bestuurlijk afpakken {visibility}",
            visibility=visibility,
        )
        for visibility in ("public", "members")
    }
    for page in pages.values():
        page.save_revision().publish()
    return pages


def result_titles(client):
    response = client.get("/zoeken/", {"q": "afpakken"})
    assert response.status_code == 200
    return {result.title for result, _summary in response.context["results"]}


def test_anonymous_visitors_find_only_public_pages(client, handreikingen):
    titles = result_titles(client)
    assert titles == {"Handreiking bestuurlijk afpakken public"}


def test_unapproved_accounts_find_only_public_pages(client, handreikingen):
    client.force_login(UserFactory(is_approved=False))
    assert result_titles(client) == {"Handreiking bestuurlijk afpakken public"}


def test_members_find_members_only_pages(member_client, handreikingen):
    assert result_titles(member_client) == {
        "Handreiking bestuurlijk afpakken public",
        "Handreiking bestuurlijk afpakken members",
    }
