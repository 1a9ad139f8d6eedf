"""The interface is Dutch by default, with English available to every visitor."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_dutch_is_the_default_language(client, home_page):
    html = client.get("/").content.decode()
    assert '<html lang="nl"' in html
    assert "Naar de inhoud" in html
    assert ">Kennisbank</a>" in html


def test_browser_preference_for_english_is_honoured(client, home_page):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en"' in html
    assert "Skip to content" in html
    assert ">Knowledge base</a>" in html


def test_visitor_switches_to_english_and_back(client, home_page):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/nieuws/"})
    assert response.status_code == 302
    assert response.url == "/nieuws/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert "Skip to content" in client.get("/").content.decode()

    client.post("/i18n/setlang/", {"language": "nl", "next": "/"})
    assert "Naar de inhoud" in client.get("/").content.decode()


def test_allauth_pages_follow_the_language(client, home_page):
    assert "Wachtwoord vergeten?" in client.get("/accounts/login/").content.decode()
    english = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Forgot your password?" in english
