"""Keyboard users in a real browser: the skip link, and logging in, searching and
replying in a community with the keyboard only."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from communities.factories import CommunityFactory, MembershipFactory, PostFactory, TopicFactory
from kennisbank.factories import HandreikingPageFactory
from kennisbank.models import KennisbankIndexPage
from kpo.factories import TEST_PASSWORD, VerifiedUserFactory
from tests.browser_support import log_in

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


# Keyboard-only journeys: the browser is driven with Tab, Shift+Tab, Enter and typing only,
# never a mouse click or a locator's fill(); every tab stop on the way must show a visible
# focus indicator (an outline or a box shadow in its computed style).
MAX_TAB_STOPS = 60

FOCUS_STYLE = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  return {
    tag: element.tagName.toLowerCase(),
    name: (element.getAttribute('aria-label') || element.textContent || element.name || '')
      .trim().slice(0, 60),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== 'none',
  };
}"""


def focused_element_shows_focus(page):
    focus = page.evaluate(FOCUS_STYLE)
    assert focus["outline"] or focus["shadow"], f"no visible focus on {focus}"
    return focus


def tab_to(page, selector, key="Tab"):
    """Press ``key`` until the focused element matches ``selector``, checking the focus
    indicator of every element on the way."""
    for _stop in range(MAX_TAB_STOPS):
        page.keyboard.press(key)
        focused_element_shows_focus(page)
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached with {key} in {MAX_TAB_STOPS} stops")


def test_member_logs_in_with_the_keyboard_only(browser_page, live_server, home_page):
    member = VerifiedUserFactory(email="toetsenbord@gemeente.example", full_name="Kees Toets")
    page = browser_page
    page.goto(live_server.url + "/")

    tab_to(page, f'a[href="{reverse("account_login")}"]')
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: reverse("account_login") in url)
    tab_to(page, 'input[name="login"]')
    page.keyboard.type(member.email)
    tab_to(page, 'input[name="password"]')
    page.keyboard.type("verkeerd")
    tab_to(page, 'input[name="login"]', key="Shift+Tab")  # back to correct the address
    assert page.evaluate("document.activeElement.value") == member.email
    tab_to(page, 'input[name="password"]')
    page.keyboard.press("Control+A")
    page.keyboard.type(TEST_PASSWORD)
    tab_to(page, 'main form button[type="submit"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")

    page.wait_for_url(live_server.url + "/")
    expect(page.get_by_role("link", name="Mijn account")).to_be_visible()


def test_member_searches_from_the_header_and_opens_a_result_with_the_keyboard(
    browser_page, live_server, home_page, member
):
    handreiking = HandreikingPageFactory(
        parent=KennisbankIndexPage.objects.get(), title="Handreiking weerbaar buitengebied"
    )
    handreiking.save_revision().publish()
    page = browser_page
    log_in(page, live_server, member)
    page.goto(live_server.url + "/")

    tab_to(page, "#header-search")
    page.keyboard.type("buitengebied")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert reverse("search") in page.url
    tab_to(page, f'main a[href="{handreiking.url}"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")

    page.wait_for_url(live_server.url + handreiking.url)
    assert page.get_by_role("heading", level=1).inner_text() == handreiking.title


def test_member_replies_in_a_community_thread_with_the_keyboard_only(
    browser_page, live_server, home_page, member
):
    community = CommunityFactory(name="Buitengebied")
    MembershipFactory(community=community, user=member)
    topic = TopicFactory(community=community, title="Signalen in een schuur?")
    PostFactory(topic=topic, is_opening=True, source="Wie heeft een checklist?")
    page = browser_page
    log_in(page, live_server, member)
    page.goto(live_server.url + topic.get_absolute_url())
    page.wait_for_function("window.htmx !== undefined")

    tab_to(page, 'textarea[name="source"]')
    page.keyboard.type("Ja, de checklist staat bij de bestanden.")
    tab_to(page, '#reply-area button[type="submit"]')
    page.keyboard.press("Enter")

    status = page.get_by_role("status").filter(has_text="Uw reactie is geplaatst.")
    expect(status).to_be_focused()  # the confirmation takes the focus the button had
    focused_element_shows_focus(page)
    expect(page.locator("#posts li.kpo-post").filter(has_text="de checklist staat")).to_be_visible()
    assert topic.posts.filter(author=member, source__contains="checklist staat").exists()
