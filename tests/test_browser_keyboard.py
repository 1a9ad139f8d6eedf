"""Keyboard users reach the content first: the skip link in a real browser."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(
    browser_page, live_server, home_page
):
    browser_page.goto(live_server.url + "/")

    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Naar de inhoud"
    assert browser_page.locator(".utrecht-skip-link").is_visible()

    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"
    assert browser_page.url.endswith("#main")


def test_home_page_shows_pillars_in_the_browser(browser_page, live_server, home_page):
    browser_page.goto(live_server.url + "/")
    assert browser_page.locator("h1").inner_text() == home_page.title
    assert browser_page.get_by_role("navigation", name="Hoofdmenu").is_visible()
