"""Fixtures for the suites that need the real servers `make test` starts.

A test that needs Elasticsearch or Chromium fails (never skips) when it is missing."""

import os

import pytest

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


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()
