"""Wagtail's site, route and view-restriction lookups come from the cache
(kpo/routing.py), and every change that affects them is seen at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from kpo.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home_page):
    page = StandardPageFactory(parent=home_page, title="Over het platform", slug="over")
    page.save_revision().publish()
    return page


def sql_of(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return response, [query["sql"] for query in captured]


def test_a_second_visit_looks_up_no_site_page_or_restriction(client, page):
    client.get(page.url)

    response, queries = sql_of(client, page.url)

    assert response.status_code == 200
    assert "Over het platform" in response.content.decode()
    for table in ("wagtailcore_site", "wagtailcore_page", "wagtailcore_pageviewrestriction"):
        assert not [sql for sql in queries if table in sql]


def test_a_published_change_shows_at_once(client, page):
    assert "Over het platform" in client.get(page.url).content.decode()
    page.title = "Over dit platform"
    page.save_revision().publish()
    assert "Over dit platform" in client.get(page.url).content.decode()


def test_an_unpublished_page_is_gone_at_once(client, page):
    assert client.get(page.url).status_code == 200
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_a_moved_page_is_found_at_its_new_address_only(client, page, home_page):
    old_url = page.url
    assert client.get(old_url).status_code == 200
    other_parent = StandardPageFactory(parent=home_page, title="Organisatie", slug="organisatie")
    other_parent.save_revision().publish()

    page.move(other_parent, pos="last-child")
    page.refresh_from_db()

    response = client.get(old_url)  # Wagtail's redirect, never the page from the old route
    assert (response.status_code, response["Location"]) == (301, page.url)
    assert client.get(page.url).status_code == 200


def test_a_deleted_page_is_gone_at_once(client, page):
    url = page.url
    assert client.get(url).status_code == 200
    page.delete()
    assert client.get(url).status_code == 404


def test_a_view_restriction_added_after_a_visit_applies_at_once(client, page):
    assert client.get(page.url).status_code == 200

    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get(page.url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]

    restriction.delete()
    assert client.get(page.url).status_code == 200


def test_a_restriction_on_an_ancestor_applies_to_its_pages(client, page, home_page):
    assert client.get(page.url).status_code == 200
    PageViewRestriction.objects.create(page=home_page, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(page.url).status_code == 302


def test_a_route_stored_in_another_format_is_looked_up_again(client, page):
    """E.g. by the previous release, in the same cache generation."""
    from django.core.cache import cache
    from wagtail.models import Site

    from kpo.routing import route_key

    site = Site.objects.get(is_default_site=True)
    cache.set(route_key(site, page.url), (page.content_type_id, page.pk))
    assert client.get(page.url, SERVER_NAME="localhost").status_code == 200
