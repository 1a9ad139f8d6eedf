"""The site's frame in a real browser, on a desktop (1280 px) and a phone (390 px): Dutch
unless English was chosen, the header's mobile menu, the footer's language switch."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

BOX_OVERFLOWS = """(element) => element.scrollWidth > element.clientWidth"""
# One client rectangle per line box the text is laid out in.
LINE_COUNT = """(element) => {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range.getClientRects().length;
}"""


def test_a_browser_asking_for_english_gets_dutch_until_english_is_chosen(
    new_browser_page, live_server, home_page
):
    page = new_browser_page(locale="en-GB", extra_http_headers={"Accept-Language": "en-GB,en"})
    page.goto(live_server.url + "/nieuws/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()

    page.get_by_label("Taal").select_option("en")
    page.get_by_role("button", name="Kies taal").click()

    page.wait_for_url(live_server.url + "/nieuws/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()
    page.goto(live_server.url + "/")  # remembered on the next page
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Knowledge base").first).to_be_visible()


def test_on_a_phone_the_menu_button_opens_and_closes_the_main_menu(
    new_browser_page, live_server, home_page
):
    page = new_browser_page(viewport=PHONE)
    page.goto(live_server.url + "/")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    button = page.get_by_role("button", name="Menu")

    assert page.locator(".kpo-logo__mark").evaluate(LINE_COUNT) == 1, "the logo wraps"
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_hidden()

    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="Inloggen")).to_be_visible()
    links = menu.get_by_role("link").all()
    assert len({round(link.bounding_box()["x"]) for link in links}) == 1, "one column"

    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_hidden()
    expect(button).to_be_focused()


def test_without_javascript_the_phone_menu_is_simply_open(new_browser_page, live_server, home_page):
    page = new_browser_page(viewport=PHONE, java_script_enabled=False)
    page.goto(live_server.url + "/")

    expect(page.locator("[data-kpo-menu-button]")).to_be_hidden()
    expect(
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Inloggen")
    ).to_be_visible()


def test_on_a_desktop_the_menu_is_one_line_without_a_menu_button(
    new_browser_page, live_server, home_page
):
    page = new_browser_page(viewport=DESKTOP)
    page.goto(live_server.url + "/")
    menu = page.get_by_role("navigation", name="Hoofdmenu")

    expect(page.locator("[data-kpo-menu-button]")).to_be_hidden()
    tops = {round(link.bounding_box()["y"]) for link in menu.get_by_role("link").all()}
    assert len(tops) == 1, f"the menu breaks over lines at {sorted(tops)}"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_language_button_text_fits_its_box(
    new_browser_page, live_server, home_page, viewport, language
):
    page = new_browser_page(viewport=viewport)
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.goto(live_server.url + "/")
    button = page.locator(".kpo-language button")

    expect(button).to_have_text("Kies taal" if language == "nl" else "Choose language")
    assert not button.evaluate(BOX_OVERFLOWS)
