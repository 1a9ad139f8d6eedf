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
