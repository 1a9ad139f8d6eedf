"""Fixtures for the suites that need the real servers `make test` starts.

A test that needs Elasticsearch or Chromium fails (never skips) when it is missing."""

import os
import re
from importlib import import_module
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def required_env(name):
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set: run the suite with `make test`, which starts the server.")
    return value


@pytest.fixture(scope="session")
def elasticsearch_url():
    return required_env("KPO_TEST_ELASTICSEARCH_URL")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = required_env("KPO_CHROMIUM")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


ARTIFACTS_DIR = Path(__file__).resolve().parents[1] / "var" / "test-artifacts"
PAGES_ATTRIBUTE = "_kpo_browser_pages"


@pytest.fixture
def new_browser_page(browser, request):
    """Open pages in fresh browser contexts (one per user); all are closed after the test
    and a failing test keeps a screenshot and the HTML of each (``pytest_runtest_makereport``)."""
    contexts = []
    pages = []
    setattr(request.node, PAGES_ATTRIBUTE, pages)

    def open_page(**options):
        """``options`` for the browser context, e.g. ``viewport`` or ``locale``."""
        context = browser.new_context(**{"locale": "nl-NL", "accept_downloads": True, **options})
        contexts.append(context)
        pages.append(context.new_page())
        return pages[-1]

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def browser_page(new_browser_page):
    return new_browser_page()


def save_page_artifacts(item, pages):
    """Write ``<test>-<n>.png`` and ``.html`` for each open page of a failed test."""
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.nodeid)
    saved = []
    for number, page in enumerate(pages, start=1):
        if page.is_closed():
            continue
        base = ARTIFACTS_DIR / f"{stem}-{number}"
        try:
            page.screenshot(path=f"{base}.png", full_page=True)
            Path(f"{base}.html").write_text(f"<!-- {page.url} -->\n{page.content()}", "utf-8")
        except PlaywrightError as error:
            saved.append(f"{base}: page could not be saved ({error.message})")
            continue
        saved.append(f"{base}.png")
    return saved


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    pages = getattr(item, PAGES_ATTRIBUTE, None)
    if report.failed and report.when == "call" and pages:
        for path in save_page_artifacts(item, pages):
            report.sections.append(("browser artefacts", path))
    return report


# The data migrations of the project, all idempotent: staff groups and their permissions,
# the redactieraad workflow.
DATA_MIGRATIONS = [
    ("kpo.migrations.0003_staff_groups", "create_staff_groups"),
    ("kpo.migrations.0004_accounts_members", "grant_domain_permissions"),
    ("kpo.migrations.0005_beheerders_manage_users", "grant_user_permissions"),
    ("kennisbank.migrations.0003_redactieraad_workflow", "create_workflow"),
]


@pytest.fixture
def migrated_data(home_page):
    """What the migrations put in the database, back after a live-server test's flush
    removed it (Django's ``serialized_rollback`` proved unreliable in a mixed session)."""
    from django.apps import apps
    from wagtail.models import Collection

    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    for module, function in DATA_MIGRATIONS:
        getattr(import_module(module), function)(apps, None)
