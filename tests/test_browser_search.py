"""The header search box in a real browser: suggestions while typing (htmx) show only what
the visitor may see, and without JavaScript the box is a plain search form."""

import pytest

from kennisbank.factories import HandreikingPageFactory
from kennisbank.models import KennisbankIndexPage

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def handreikingen(home_page):
    """A public and a members-only handreiking, published (and so indexed on commit)."""
    kennisbank = KennisbankIndexPage.objects.get()
    for title, visibility in (
        ("Handreiking bestuurlijk afpakken", "public"),
        ("Handreiking afpakken voor leden", "members"),
    ):
        HandreikingPageFactory(
            parent=kennisbank, title=title, visibility=visibility
        ).save_revision().publish()


def test_typing_in_the_header_shows_suggestions(browser_page, live_server, handreikingen):
    browser_page.goto(live_server.url + "/")
    box = browser_page.get_by_role("searchbox", name="Zoeken in het platform")
    box.press_sequentially("afpak", delay=30)
    suggestions = browser_page.locator("#header-search-suggestions")
    link = suggestions.get_by_role("link", name="Handreiking bestuurlijk afpakken")
    link.wait_for()
    assert "voor leden" not in suggestions.inner_text()
    link.click()
    browser_page.wait_for_url("**/handreiking-bestuurlijk-afpakken/")


def test_header_search_works_without_javascript(browser, live_server, handreikingen):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox", name="Zoeken in het platform").fill("afpakken")
    page.get_by_role("search").get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/zoeken/?q=afpakken")
    assert "Handreiking bestuurlijk afpakken" in page.inner_text("main")
    assert "voor leden" not in page.inner_text("main")
    context.close()
