"""The interface is Dutch by default, with English available to every visitor."""

import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_dutch_is_the_default_language(client, home_page):
    html = client.get("/").content.decode()
    assert '<html lang="nl"' in html
    assert "Naar de inhoud" in html
    assert ">Kennisbank</a>" in html


def test_a_browser_asking_for_english_still_gets_dutch(client, home_page):
    """Work laptops often send Accept-Language: en; the platform stays Dutch for them."""
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")

    html = response.content.decode()
    assert '<html lang="nl"' in html
    assert "Naar de inhoud" in html and "Skip to content" not in html
    assert ">Kennisbank</a>" in html
    assert response["Content-Language"] == "nl"
    assert "Accept-Language" not in response["Vary"]


def test_english_only_after_choosing_it_and_then_remembered(client, home_page):
    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": "/nieuws/"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 302
    assert response.url == "/nieuws/"
    cookie = client.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert cookie["max-age"] == 365 * 24 * 60 * 60, "the choice outlasts the browser session"

    html = client.get("/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert '<html lang="en"' in html
    assert "Skip to content" in html
    assert ">Knowledge base</a>" in html

    client.post("/i18n/setlang/", {"language": "nl", "next": "/"})
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="nl"' in html and "Naar de inhoud" in html


def test_an_unknown_language_cookie_falls_back_to_dutch(client, home_page):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx-evil"
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="nl"' in html and "Naar de inhoud" in html


def test_allauth_pages_follow_the_chosen_language(client, home_page):
    assert "Wachtwoord vergeten?" in client.get("/accounts/login/").content.decode()
    asked = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Wachtwoord vergeten?" in asked
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Forgot your password?" in client.get("/accounts/login/").content.decode()


PO_FIELD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$')


def po_entries(path):
    """Yield (flags, fields) for each live entry of a .po file; values stay escaped.

    Obsolete (`#~`) and previous-msgid (`#|`) lines are comments here, so they are skipped."""
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        flags, fields, current = set(), {}, None
        for line in block.splitlines():
            if line.startswith("#,"):
                flags.update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
            elif match := PO_FIELD.match(line):
                current = match[1]
                fields[current] = match[2]
        if fields.get("msgid"):  # the header has an empty msgid
            yield flags, fields


def unfinished_msgids(path):
    unfinished = []
    for flags, fields in po_entries(path):
        translations = [value for key, value in fields.items() if key.startswith("msgstr")]
        if "fuzzy" in flags or not translations or not all(translations):
            unfinished.append(fields["msgid"])
    return unfinished


def test_english_catalogue_has_no_untranslated_or_fuzzy_strings():
    catalogue = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES" / "django.po"
    unfinished = unfinished_msgids(catalogue)
    assert not unfinished, (
        f"{len(unfinished)} string(s) in {catalogue.name} are untranslated or fuzzy: "
        "run `make messages` and translate them (and remove the fuzzy flags):\n"
        + "\n".join(unfinished)
    )


def test_words_with_two_meanings_are_translated_by_context():
    """'Plaatsen', 'Afmelden' and 'Afgemeld' mean different things for posts, email
    notifications and training registrations: each context has its own translation."""
    from django.utils import translation

    from academie.models import RegistrationStatus

    with translation.override("en"):
        assert translation.gettext("Plaatsen") == "Post"
        assert translation.pgettext("training seats", "Plaatsen") == "Seats"
        assert translation.gettext("Afmelden") == "Unsubscribe"
        assert translation.pgettext("training registration", "Afmelden") == "Cancel registration"
        assert str(RegistrationStatus.CANCELLED.label) == "Cancelled"
