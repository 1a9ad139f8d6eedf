"""The search box in every page header: a plain GET form to /zoeken/ that, with htmx,
shows suggestions (links) while typing. Suggestions follow the access rules."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_every_page_has_a_labelled_search_box(client, home_page):
    html = client.get("/").content.decode()
    assert '<form class="kpo-header__search" role="search" method="get" action="/zoeken/">' in html
    assert '<label class="utrecht-form-label kpo-visually-hidden" for="header-search">' in html
    assert 'hx-get="/zoeken/suggesties/"' in html
    assert 'aria-controls="header-search-suggestions"' in html


def suggestion_html(client, query):
    response = client.get("/zoeken/suggesties/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_suggestions_are_links_to_what_the_user_may_see(content, member_client):
    anonymous = suggestion_html(Client(), "handr")
    member = suggestion_html(member_client, "handr")
    assert 'href="/kennisbank/handreiking-bestuurlijk-afpakken/"' in anonymous
    assert "Handreiking APV en ondermijning" not in anonymous
    assert "Handreiking APV en ondermijning" in member
    assert '<ul class="kpo-suggestions"' in member


def test_no_suggestions_for_one_character(content, client):
    assert suggestion_html(client, "h").strip() == ""


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("engine", ["database"], indirect=True)
def test_typing_in_the_header_shows_suggestions_in_a_browser(
    engine, content, browser_page, live_server
):
    browser_page.goto(live_server.url + "/")
    box = browser_page.get_by_role("searchbox", name="Zoeken in het platform")
    box.press_sequentially("afpak", delay=30)
    link = browser_page.locator("#header-search-suggestions").get_by_role(
        "link", name="Handreiking bestuurlijk afpakken"
    )
    link.wait_for()
    suggestions = browser_page.inner_text("#header-search-suggestions")
    assert "Handreiking APV en ondermijning" not in suggestions
    link.click()
    browser_page.wait_for_url("**/handreiking-bestuurlijk-afpakken/")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("engine", ["database"], indirect=True)
def test_header_search_works_without_javascript(engine, content, browser, live_server):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox", name="Zoeken in het platform").fill("afpakken")
    page.get_by_role("search").get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/zoeken/?q=afpakken")
    assert "Handreiking bestuurlijk afpakken" in page.inner_text("main")
    context.close()
