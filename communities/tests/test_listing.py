"""Hidden communities stay invisible to non-members: the list, their pages and search."""

import pytest
from django.urls import reverse

from communities.factories import CommunityFactory, MembershipFactory, PostFactory, TopicFactory
from communities.models import CommunityType

pytestmark = pytest.mark.django_db


@pytest.fixture
def communities(home_page):
    open_one = CommunityFactory(name="Criminele Geldstromen", type=CommunityType.OPEN)
    hidden = CommunityFactory(
        name="LFT OMG contactpersonen",
        type=CommunityType.HIDDEN,
        description="Besloten groep voor contactpersonen OMG.",
    )
    topic = TopicFactory(community=hidden, title="Clubhuis Zwanenburgconstructie")
    PostFactory(topic=topic, is_opening=True, source="Vertrouwelijk: Zwanenburgconstructie")
    return open_one, hidden


def listing(client):
    response = client.get("/communities/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("role", ["anonymous", "member"])
def test_hidden_communities_are_not_listed_for_non_members(client, request, communities, role):
    if role == "member":
        client.force_login(request.getfixturevalue("member"))
    html = listing(client)
    assert "Criminele Geldstromen" in html
    assert "LFT OMG contactpersonen" not in html


def test_hidden_communities_are_listed_for_their_members(member_client, member, communities):
    MembershipFactory(community=communities[1], user=member)
    html = listing(member_client)
    assert "LFT OMG contactpersonen" in html
    assert "U bent lid" in html


def test_the_listing_shows_the_membership_status(member_client, member, communities):
    MembershipFactory(community=communities[0], user=member, status="pending")
    assert "Uw aanvraag loopt" in listing(member_client)


@pytest.mark.parametrize("query", ["Zwanenburgconstructie", "contactpersonen", "LFT OMG"])
def test_site_search_reveals_nothing_of_community_content(member_client, communities, query):
    response = member_client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Clubhuis" not in html
    assert "Vertrouwelijk" not in html
    assert "LFT OMG contactpersonen" not in html
    assert "Besloten groep voor contactpersonen" not in html
