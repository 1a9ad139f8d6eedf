"""Theme pages and handreikingen keep their listings, contacts and downloads in fragment
caches (per cache generation and, on theme pages, per set of access tokens): nobody is ever
shown what was rendered for someone with more access, and a publish shows at once."""

import pytest

from communities.factories import CommunityFactory, MembershipFactory
from communities.models import CommunityType
from kennisbank.factories import (
    HandreikingDocumentFactory,
    HandreikingPageFactory,
    ThemaPageFactory,
)
from kennisbank.models import KennisbankIndexPage
from kennisbank.tests.conftest import html, logged_in
from kpo import page_cache
from kpo.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db
SECRET_TITLE = "Alleen voor leden: werkwijze ondermijningsbeeld"


@pytest.fixture
def theme_page(home_page):
    page = ThemaPageFactory(parent=KennisbankIndexPage.objects.get(), slug="vastgoed")
    page.save_revision().publish()
    return page


def add_product(theme_page, title, visibility):
    product = HandreikingPageFactory(
        parent=KennisbankIndexPage.objects.get(),
        title=title,
        visibility=visibility,
        themes=[theme_page.theme],
    )
    product.save_revision().publish()
    return product


def test_members_only_products_rendered_for_a_member_are_shown_to_no_one_else(
    client, member, theme_page
):
    add_product(theme_page, "Openbare handreiking vastgoed", "public")
    add_product(theme_page, SECRET_TITLE, "members")
    unapproved = VerifiedUserFactory(email="nog-niet@gemeente.example", is_approved=False)

    assert SECRET_TITLE in html(logged_in(member), theme_page.url)  # fills the fragment cache

    for other in (logged_in(unapproved), client):  # a logged-in non-member, a visitor
        page = html(other, theme_page.url)
        assert "Openbare handreiking vastgoed" in page
        assert SECRET_TITLE not in page


def test_a_public_render_is_not_shown_to_members_either(client, member, theme_page):
    add_product(theme_page, SECRET_TITLE, "members")

    assert SECRET_TITLE not in html(client, theme_page.url)
    assert SECRET_TITLE in html(logged_in(member), theme_page.url)


def test_a_hidden_community_rendered_for_its_member_is_not_shown_to_other_members(
    member, theme_page
):
    community = CommunityFactory(name="LFT OMG contactpersonen", type=CommunityType.HIDDEN)
    theme_page.community = community
    theme_page.save_revision().publish()
    MembershipFactory(community=community, user=member)
    other_member = VerifiedUserFactory(email="ander@gemeente.example")

    assert "LFT OMG contactpersonen" in html(logged_in(member), theme_page.url)
    assert "LFT OMG contactpersonen" not in html(logged_in(other_member), theme_page.url)


def test_leaving_a_community_shows_at_once(member, theme_page):
    community = CommunityFactory(name="LFT OMG contactpersonen", type=CommunityType.HIDDEN)
    theme_page.community = community
    theme_page.save_revision().publish()
    membership = MembershipFactory(community=community, user=member)
    client = logged_in(member)
    assert "LFT OMG contactpersonen" in html(client, theme_page.url)

    membership.delete()

    assert "LFT OMG contactpersonen" not in html(client, theme_page.url)


def test_a_published_product_and_a_product_made_members_only_show_at_once(
    client, member, theme_page
):
    assert "Nieuwe handreiking" not in html(client, theme_page.url)
    product = add_product(theme_page, "Nieuwe handreiking", "public")
    assert "Nieuwe handreiking" in html(client, theme_page.url)

    product.visibility = "members"
    product.save_revision().publish()

    assert "Nieuwe handreiking" not in html(client, theme_page.url)
    assert "Nieuwe handreiking" in html(logged_in(member), theme_page.url)


def test_filters_and_pages_are_cached_separately(member, theme_page):
    for number in range(14):
        add_product(theme_page, f"Handreiking nummer {number:02d}", "public")
    client = logged_in(member)

    first, second = html(client, theme_page.url), html(client, f"{theme_page.url}?page=2")

    assert "14 producten" in first and "14 producten" in second
    assert "Handreiking nummer 13" in first and "Handreiking nummer 13" not in second
    assert "Handreiking nummer 00" in second and "Handreiking nummer 00" not in first
    assert "0 producten" in html(client, f"{theme_page.url}?jaar=1999")


def test_members_only_handreiking_downloads_are_not_served_to_visitors(client, member, home_page):
    page = HandreikingPageFactory(
        parent=KennisbankIndexPage.objects.get(), title="Handboek", visibility="members"
    )
    HandreikingDocumentFactory(page=page, document__title="Bijlage voor leden")
    page.save_revision().publish()

    assert "Bijlage voor leden" in html(logged_in(member), page.url)

    response = client.get(page.url)
    assert response.status_code == 302
    assert "Bijlage voor leden" not in response.content.decode()


def test_a_renamed_download_shows_at_once_and_reading_its_size_changes_nothing(member, home_page):
    page = HandreikingPageFactory(parent=KennisbankIndexPage.objects.get(), title="Handboek")
    link = HandreikingDocumentFactory(page=page, document__title="Bijlage 2025")
    page.save_revision().publish()
    client = logged_in(member)
    assert "Bijlage 2025" in html(client, page.url)

    # Wagtail saves a document's size the first time it is read: no new generation.
    generation = page_cache.generation()
    document = type(link.document).objects.get(pk=link.document.pk)
    document.file_size = None
    document.get_file_size()
    assert page_cache.generation() == generation

    document.title = "Bijlage 2026"
    document.save()
    assert "Bijlage 2026" in html(client, page.url)
