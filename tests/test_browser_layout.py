"""The layout in a real browser, on a desktop (1280 px) and a phone (390 px): Dutch unless
English was chosen, the header's mobile menu, the footer's language switch, and every page
type as each role without horizontal scrolling, overflowing text, overlapping controls or
axe-core violations (screenshots in var/test-artifacts/screens/)."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from kpo.factories import activate_totp
from kpo.models import User
from tests import browser_steps
from tests.test_accessibility import (
    MANAGER,
    MEMBER,
    Check,
    axe_violations,
    demo,  # noqa: F401 (the fixture)
    manager_checks,
    member_checks,
    public_checks,
)

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


# --- Every page type as each role, at 1280 and 390 px -------------------------------------
#
# Each page is checked for horizontal scrolling, text overflowing its box, interactive
# elements on top of each other and axe-core's WCAG 2.1 AA rules, and a full-page screenshot
# of each is kept in var/test-artifacts/screens/ for a person to look at. As in
# test_accessibility.py the demo is loaded once per test (live-server tests flush the
# database), so the visitor has one test and the member and the community manager another.

SCREENS_DIR = settings.BASE_DIR / "var" / "test-artifacts" / "screens"
VIEWPORTS = {"1280": DESKTOP, "390": PHONE}

# Problems a designer would flag, found in the rendered page. Elements that are meant to
# scroll (overflow auto/scroll, e.g. a wide table's container) or are visually hidden
# (1 px, clipped) are left out; inline elements have no box of their own and are judged
# by the block that holds them.
LAYOUT_PROBLEMS = """() => {
  const root = document.documentElement;
  const problems = [];
  if (root.scrollWidth > root.clientWidth) {
    problems.push(`horizontal scroll: ${root.scrollWidth}px content in ${root.clientWidth}px`);
  }
  const describe = (element) => {
    const text = (element.innerText || element.value || element.getAttribute('aria-label') || '')
      .trim().replace(/\\s+/g, ' ').slice(0, 50);
    const classes = [...element.classList].slice(0, 2).map((name) => '.' + name).join('');
    return `<${element.tagName.toLowerCase()}${classes}> "${text}"`;
  };
  const hidden = (element) => {
    const box = element.getBoundingClientRect();
    // checkVisibility: false inside a closed <details> or under display: none too.
    return !element.checkVisibility({visibilityProperty: true}) || box.width <= 1 || box.height <= 1
      || element.closest('.kpo-visually-hidden, [hidden], .utrecht-skip-link') !== null;
  };
  const scrolls = (element) => element.closest('.kpo-table-scroll, pre') !== null
    || ['auto', 'scroll'].includes(getComputedStyle(element).overflowX);
  const boxes = 'a, button, label, summary, legend, h1, h2, h3, h4, h5, h6, p, li, dt, dd, '
    + 'th, td, figcaption, .kpo-card, .kpo-badge, .utrecht-button, .utrecht-alert';
  for (const element of document.querySelectorAll(boxes)) {
    const inline = getComputedStyle(element).display === 'inline';
    if (inline || hidden(element) || scrolls(element)) continue;
    if (element.scrollWidth > element.clientWidth + 1) {
      const sizes = `${element.scrollWidth}px in ${element.clientWidth}px`;
      problems.push(`text overflows its box: ${describe(element)} (${sizes})`);
    }
  }
  const interactive = [...document.querySelectorAll(
    'a[href], button, input:not([type="hidden"]), select, textarea, summary'
  )].filter((element) => !hidden(element));
  const rects = interactive.map((element) => [...element.getClientRects()]);
  const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
    && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  for (let i = 0; i < interactive.length; i++) {
    for (let j = i + 1; j < interactive.length; j++) {
      const [a, b] = [interactive[i], interactive[j]];
      if (a.contains(b) || b.contains(a)) continue;
      if (rects[i].some((ra) => rects[j].some((rb) => overlap(ra, rb)))) {
        problems.push(`overlapping: ${describe(a)} and ${describe(b)}`);
      }
    }
  }
  return problems;
}"""


def screenshot_path(role, name, width):
    slug = re.sub(r"[^a-z0-9]+", "-", f"{role} {name}".lower()).strip("-")
    return SCREENS_DIR / f"{slug}-{width}.png"


def check_layouts(page, base_url, role, checks):
    """Open each page at both widths; return the readable failures of all of them."""
    SCREENS_DIR.mkdir(parents=True, exist_ok=True)
    failures = []
    for width, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        for check in checks:
            response = page.goto(base_url + check.path)
            where = f"{role}, {check.name} ({check.path}) at {width} px"
            if response.status != check.status or response.url != base_url + check.path:
                failures.append(f"{where}: got {response.status} at {response.url}")
                continue
            page.screenshot(path=screenshot_path(role, check.name, width), full_page=True)
            problems = page.evaluate(LAYOUT_PROBLEMS)
            problems += [
                f"axe {violation['id']}: {violation['help']} ({', '.join(violation['targets'])})"
                for violation in axe_violations(page)
            ]
            failures += [f"{where}: {problem}" for problem in problems]
    return failures


def assert_layouts_fine(failures):
    assert not failures, f"{len(failures)} layout problem(s):\n" + "\n".join(failures)


def community_manager_checks():
    """The manager's own pages, and the community home as its manager sees it."""
    home = reverse("communities:home", args=["buitengebied"])
    return [*manager_checks(), Check("community", home)]


@pytest.mark.usefixtures("migrated_data", "demo")
def test_every_page_type_for_a_visitor_at_1280_and_390_px(browser_page, live_server):
    assert_layouts_fine(check_layouts(browser_page, live_server.url, "bezoeker", public_checks()))


@pytest.mark.usefixtures("migrated_data", "demo")
def test_every_page_type_for_a_member_and_a_community_manager_at_1280_and_390_px(
    new_browser_page, live_server
):
    base_url = live_server.url
    member_page, manager_page = new_browser_page(), new_browser_page()
    member_pages = member_checks(User.objects.get(email=MEMBER))
    manager = User.objects.get(email=MANAGER)
    secret = activate_totp(manager)

    browser_steps.log_in(member_page, base_url, MEMBER)
    failures = check_layouts(member_page, base_url, "lid", member_pages)
    browser_steps.log_in(manager_page, base_url, MANAGER, totp_secret=secret)
    failures += check_layouts(manager_page, base_url, "manager", community_manager_checks())

    assert_layouts_fine(failures)


@pytest.fixture
def handreikingen(home_page):
    """Two public handreikingen, published (and so indexed on commit)."""
    from kennisbank.factories import HandreikingPageFactory
    from kennisbank.models import KennisbankIndexPage

    kennisbank = KennisbankIndexPage.objects.get()
    for title in ("Handreiking bestuurlijk afpakken", "Handreiking afpakken in de APV"):
        HandreikingPageFactory(parent=kennisbank, title=title).save_revision().publish()


def test_search_filters_are_a_side_panel_on_a_desktop_and_fold_away_on_a_phone(
    new_browser_page, live_server, handreikingen
):
    desktop, phone = new_browser_page(viewport=DESKTOP), new_browser_page(viewport=PHONE)
    for page in (desktop, phone):
        page.goto(live_server.url + "/zoeken/?q=afpakken")
    query, sort = (desktop.get_by_label(name) for name in ("Zoekterm", "Sorteren op"))
    filters = desktop.get_by_role("navigation", name="Resultaten filteren")
    first_result = desktop.locator(".kpo-result").first

    assert query.bounding_box()["y"] == sort.bounding_box()["y"], "sort beside the query"
    expect(filters).to_be_visible()
    assert filters.bounding_box()["x"] < first_result.bounding_box()["x"], "filters beside"
    assert first_result.locator(".kpo-result__type").inner_text().startswith("Handreiking")

    phone_filters = phone.get_by_role("navigation", name="Resultaten filteren")
    expect(phone_filters).to_be_hidden()
    phone.get_by_text("Filters", exact=True).click()
    expect(phone_filters.get_by_role("link", name="Handreiking")).to_be_visible()
