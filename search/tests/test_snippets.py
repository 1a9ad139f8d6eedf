"""Snippets mark what the searcher asked for: the query's words wherever they occur, and a
phrase (quoted, or a word's written-out synonym) only where it occurs in full."""

import re
from dataclasses import dataclass

from search.analysis import parse_query
from search.snippets import make_snippet

PHRASE = "Wet bevordering integriteitsbeoordelingen door het openbaar bestuur"
BIBOB = {"bibob": (PHRASE.lower(),)}


@dataclass
class Hit:
    body: str
    summary: str = ""
    attachment_text: str = ""


def marked(snippet) -> list[str]:
    return re.findall(r"<mark>([^<]*)</mark>", str(snippet))


def test_a_synonym_phrase_is_marked_where_it_occurs_in_full_only():
    hit = Hit(
        "Het bestuur van de gemeente gebruikt de Wet bevordering integriteitsbeoordelingen "
        "door het openbaar bestuur bij vergunningen. Het advies komt van het Landelijk Bureau."
    )

    snippet = make_snippet(hit, parse_query("bibob ", BIBOB))

    assert marked(snippet) == PHRASE.split()  # noqa: SIM905


def test_the_query_word_itself_is_marked_everywhere_but_the_phrase_words_are_not():
    hit = Hit("Het bestuur vraagt een Bibob-advies. Door het advies weet het bestuur meer.")

    snippet = make_snippet(hit, parse_query("bibob ", BIBOB))

    assert marked(snippet) == ["Bibob"]


def test_a_quoted_phrase_is_marked_as_a_whole_and_its_words_alone_are_not():
    hit = Hit(
        "Bestuurlijk handhaven gaat vooraf. Afpakken doet het OM. Met bestuurlijk afpakken "
        "ontneemt de gemeente crimineel vermogen."
    )

    snippet = make_snippet(hit, parse_query('"bestuurlijk afpakken"'))

    assert marked(snippet) == ["bestuurlijk", "afpakken"]
    assert "Met <mark>bestuurlijk</mark> <mark>afpakken</mark> ontneemt" in str(snippet)


def test_the_snippet_starts_near_a_phrase_deep_in_the_text():
    filler = " ".join(["Een lange inleiding over gemeentelijke taken."] * 40)
    hit = Hit(f"{filler} Daarom geldt de {PHRASE}.")

    snippet = str(make_snippet(hit, parse_query("bibob ", BIBOB)))

    assert snippet.startswith("…")
    assert "<mark>integriteitsbeoordelingen</mark>" in snippet


def test_without_a_match_the_snippet_is_the_start_of_the_summary():
    hit = Hit("Over horeca.", summary="Een samenvatting zonder het gezochte woord.")

    snippet = make_snippet(hit, parse_query("bibob ", BIBOB))

    assert marked(snippet) == []
    assert str(snippet) == "Een samenvatting zonder het gezochte woord."
