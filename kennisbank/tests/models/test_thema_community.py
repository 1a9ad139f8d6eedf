"""A theme page points to its learning community, without revealing hidden ones."""

import pytest

from communities.factories import CommunityFactory, MembershipFactory
from communities.models import CommunityType
from kennisbank.factories import ThemaPageFactory
from kennisbank.models import KennisbankIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def thema_page(home_page):
    page = ThemaPageFactory(parent=KennisbankIndexPage.objects.get(), slug="mensenhandel")
    page.save_revision().publish()
    return page


def link_community(page, **community_fields):
    page.community = CommunityFactory(**community_fields)
    page.save_revision().publish()
    return page.community


def test_theme_page_links_its_listed_community(client, thema_page):
    community = link_community(thema_page, name="Mensenhandel", type=CommunityType.ON_REQUEST)

    html = client.get(thema_page.url).content.decode()

    assert f'href="{community.get_absolute_url()}"' in html
    assert "Lerend netwerk" in html


def test_hidden_community_is_linked_only_for_its_members(client, member, thema_page):
    community = link_community(
        thema_page, name="LFT OMG contactpersonen", type=CommunityType.HIDDEN
    )

    client.force_login(member)
    assert "LFT OMG contactpersonen" not in client.get(thema_page.url).content.decode()

    MembershipFactory(community=community, user=member)
    assert "LFT OMG contactpersonen" in client.get(thema_page.url).content.decode()
