"""The page cache (kpo/page_cache.py): public pages for anonymous visitors come from the
cache without database queries, a publish outdates them, and nothing rendered for a
member, or for a members-only page, is ever served to anyone else."""

import pytest
from wagtail.models import Site

from communities.factories import CommunityFactory
from kennisbank.factories import HandreikingPageFactory, ThemaPageFactory
from kennisbank.models import KennisbankIndexPage
from kpo.factories import StandardPageFactory
from kpo.models import SiteFooterSettings

pytestmark = pytest.mark.django_db

HIT = "X-KPO-Cache"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.KPO_PAGE_CACHE_SECONDS = 300


@pytest.fixture
def public_page(home_page):
    page = StandardPageFactory(parent=home_page, slug="over-kpo", title="Over het platform")
    page.save_revision().publish()
    return page


@pytest.fixture
def members_page(home_page):
    index = KennisbankIndexPage.objects.get()
    page = HandreikingPageFactory(
        parent=index, slug="besloten", title="Besloten handreiking", visibility="members"
    )
    page.save_revision().publish()
    return page


def test_second_anonymous_visit_is_served_from_the_cache_without_queries(
    client, public_page, django_assert_num_queries
):
    first = client.get("/over-kpo/")
    with django_assert_num_queries(0):
        second = client.get("/over-kpo/")

    assert first.status_code == second.status_code == 200
    assert first[HIT] == "miss" and second[HIT] == "hit"
    assert second.content == first.content
    # The language comes from the language switch's cookie, never from Accept-Language.
    assert "Cookie" in second["Vary"] and "Accept-Language" not in second["Vary"]


def test_a_public_page_sets_no_cookie_for_anonymous_visitors(client, public_page):
    response = client.get("/over-kpo/")

    assert not response.cookies
    assert 'name="csrfmiddlewaretoken"' not in response.content.decode()


def test_publishing_outdates_the_cached_page(client, public_page):
    client.get("/over-kpo/")
    public_page.title = "Over het kennisplatform"
    public_page.save_revision().publish()

    response = client.get("/over-kpo/")

    assert response[HIT] == "miss"
    assert "Over het kennisplatform" in response.content.decode()


def test_unpublishing_removes_the_cached_page(client, public_page):
    client.get("/over-kpo/")
    public_page.unpublish()

    assert client.get("/over-kpo/").status_code == 404


def test_deleting_a_page_removes_it_from_the_cache(client, public_page):
    client.get("/over-kpo/")
    public_page.delete()

    assert client.get("/over-kpo/").status_code == 404


def test_changing_a_community_outdates_cached_pages(client, public_page):
    client.get("/over-kpo/")
    CommunityFactory(name="Vakantieparken")

    assert client.get("/over-kpo/")[HIT] == "miss"


def test_each_language_has_its_own_cached_page(client, public_page, settings):
    dutch = client.get("/over-kpo/", HTTP_ACCEPT_LANGUAGE="en")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/over-kpo/")

    assert english[HIT] == "miss"
    assert dutch.content != english.content
    assert '<html lang="en"' in english.content.decode()
    assert client.get("/over-kpo/")[HIT] == "hit"
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert client.get("/over-kpo/").content == dutch.content


def test_a_member_never_gets_the_anonymous_cached_page(client, member, public_page):
    client.get("/over-kpo/")
    client.get("/over-kpo/")
    client.force_login(member)

    response = client.get("/over-kpo/")

    assert HIT not in response
    assert "Mijn account" in response.content.decode()
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_a_page_rendered_for_a_member_is_never_stored(client, member, public_page):
    client.force_login(member)
    client.get("/over-kpo/")
    client.logout()
    client.cookies.clear()

    response = client.get("/over-kpo/")

    assert response[HIT] == "miss"
    assert "Mijn account" not in response.content.decode()


def test_a_members_only_page_is_never_served_from_the_cache(client, member, members_page):
    client.force_login(member)
    for_member = client.get(members_page.url)
    assert for_member.status_code == 200
    assert "private" in for_member["Cache-Control"]
    assert "Cookie" in for_member["Vary"]
    client.logout()
    client.cookies.clear()

    for _ in range(2):
        anonymous = client.get(members_page.url)
        assert anonymous.status_code == 302
        assert HIT not in anonymous
        assert "Besloten handreiking" not in anonymous.content.decode()


def test_community_pages_are_never_cached(client, member, home_page):
    community = CommunityFactory(name="Buitengebied")
    for _ in range(2):
        response = client.get(f"/communities/{community.slug}/")
        assert HIT not in response


def test_the_cache_is_off_with_zero_seconds(client, settings, public_page):
    settings.KPO_PAGE_CACHE_SECONDS = 0
    client.get("/over-kpo/")

    assert HIT not in client.get("/over-kpo/")


def test_the_theme_listing_fragment_is_cached_per_audience(client, member, home_page):
    index = KennisbankIndexPage.objects.get()
    for slug, visibility in (("openbaar-thema", "public"), ("besloten-thema", "members")):
        page = ThemaPageFactory(parent=index, slug=slug, title=slug, visibility=visibility)
        page.save_revision().publish()
    client.force_login(member)
    client.get("/kennisbank/")
    for_member = client.get("/kennisbank/").content.decode()
    client.logout()
    client.cookies.clear()
    anonymous = client.get("/kennisbank/").content.decode()

    assert "besloten-thema" in for_member and "openbaar-thema" in for_member
    assert "besloten-thema" not in anonymous and "openbaar-thema" in anonymous


def test_the_footer_follows_its_settings(client, public_page):
    client.get("/over-kpo/")
    footer = SiteFooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.contact_email = "redactie@kpo.example"
    footer.save()

    assert "mailto:redactie@kpo.example" in client.get("/over-kpo/").content.decode()
