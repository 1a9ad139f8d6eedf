"""Dutch stemming, accent folding, weights, phrases and prefixes, in both engines."""

import pytest
from django.contrib.auth.models import AnonymousUser

from kpo.access import access_tokens
from search.analysis import analyse, compound_splits, equivalents, parse_query, stem
from search.models import SearchSynonym
from search.query import closest_word, is_known, search

from .helpers import titles

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("handreikingen", "handreiking"),
        ("gemeenten", "gemeente"),
        ("financiële", "financieel"),
        ("Ondermijnende", "ondermijning"),
    ],
)
def test_word_forms_share_a_stem(one, other):
    assert stem(one) == stem(other)


def test_analysis_folds_accents_and_keeps_word_order():
    assert analyse("Financiële gemeenten") == " financieel meen financiel "


def test_parse_query_separates_phrases_and_prefix():
    parsed = parse_query('"bestuurlijk afpakken" gemeent')
    assert parsed.phrases == (("bestuurlijk", "afpak"),)
    assert [term.prefix for term in parsed.terms] == ["gemeent"]
    assert parse_query("gemeent ").terms[0].prefix == ""


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("handreikingen", "Handreiking bestuurlijk afpakken"),
        ("gemeente", "Handreiking bestuurlijk afpakken"),
        ("financieel", "Handreiking APV en ondermijning"),
        ("financiele", "Handreiking APV en ondermijning"),
        ("ondermijnende", "Handreiking APV en ondermijning"),
    ],
)
def test_other_forms_of_a_word_match(engine, content, member, query, expected):
    assert expected in titles(query, member)


def test_title_matches_rank_above_summary_matches(engine, content, member):
    # "gemeenten" is in the news title, and in a handreiking's and a theme page's summary.
    assert titles("gemeente", member) == [
        "Nieuwe handreikingen voor gemeenten",
        "Handreiking bestuurlijk afpakken",
        "Wet Bibob",
    ]


def test_handreiking_apv_finds_the_handreiking_first(engine, content, member):
    results = search("handreiking apv", member).results
    assert results[0].title == "Handreiking APV en ondermijning"
    assert "<mark>" in results[0].snippet


def test_phrases_match_words_in_order(engine, content, member):
    assert titles('"bestuurlijk afpakken"', member) == ["Handreiking bestuurlijk afpakken"]
    assert titles('"afpakken bestuurlijk"', member) == []


def test_last_word_matches_as_a_prefix_while_typing(engine, content, member):
    assert "Handreiking APV en ondermijning" in titles("Zwanenburgcon", member)
    assert titles("Zwanenburgcon ", member) == []


def test_results_with_every_word_come_first(engine, content, member):
    # Only the public handreiking has "afpakken" and "gemeenten"; the others one of them.
    result = search("afpakken gemeenten ", member)
    assert result.results[0].title == "Handreiking bestuurlijk afpakken"
    assert not result.partial
    assert result.count > 1


def test_a_word_found_nowhere_does_not_empty_the_results(engine, content, member):
    result = search("afpakken ondermijning ", member)
    assert set(titles("afpakken ondermijning ", member)) >= {
        "Handreiking bestuurlijk afpakken",
        "Handreiking APV en ondermijning",
    }
    assert result.partial
    unknown = search("horeca sluiting afpakken", member)
    assert [r.title for r in unknown.results] == ["Handreiking bestuurlijk afpakken"]
    assert unknown.partial


def test_phrases_stay_required_beside_loose_words(engine, content, member):
    assert titles('"bestuurlijk afpakken" ondermijning', member) == [
        "Handreiking bestuurlijk afpakken"
    ]


def test_did_you_mean_on_no_results(engine, content, member):
    result = search("handreikng", member)
    assert result.count == 0
    assert result.suggestion == "handreiking"


def test_an_abbreviation_finds_the_written_out_phrase(engine, content, member):
    # The APV handreiking's summary has "Algemene Plaatselijke Verordening", not "VPA".
    SearchSynonym.objects.create(term="VPA", synonyms="algemene plaatselijke verordening")
    result = search("vpa", member)
    assert [r.title for r in result.results] == ["Handreiking APV en ondermijning"]
    assert "<mark>Algemene</mark>" in result.results[0].snippet
    assert titles("vpa", AnonymousUser()) == []  # members-only stays members-only


def test_a_written_out_phrase_finds_its_abbreviation(engine, content, member):
    # No item has "gemeentelijke"; the synonym makes both words match "afpakken".
    SearchSynonym.objects.create(term="gemeentelijke handreiking", synonyms="afpakken")
    result = search("gemeentelijke handreiking ", member)
    assert result.results[0].title == "Handreiking bestuurlijk afpakken"
    assert not result.partial


def test_equivalents_cover_each_word_of_a_phrase_in_the_query():
    groups = {
        "apv": ("algemene plaatselijke verordening",),
        "algemene plaatselijke verordening": ("apv",),
    }
    written_out = tuple(stem(word) for word in ("algemene", "plaatselijke", "verordening"))
    assert equivalents(["APV"], groups) == [(written_out,)]
    assert equivalents(["de", "algemene", "plaatselijke", "verordening"], groups) == [
        (),
        (("apv",),),
        (("apv",),),
        (("apv",),),
    ]
    parsed = parse_query("apv", groups)
    assert parsed.terms[0].phrases == (written_out,)


def test_a_compound_finds_items_with_its_parts(engine, content, member):
    # The public handreiking has "crimineel vermogen afpakken", no compound of them.
    result = search("vermogensafpakken ", member)
    assert [r.title for r in result.results] == ["Handreiking bestuurlijk afpakken"]
    assert "<mark>vermogen</mark>" in result.results[0].snippet


def test_separate_words_find_their_compound(engine, content, member):
    # "Modelbepalingen voor de Algemene Plaatselijke Verordening."
    result = search("model bepalingen ", member)
    assert [r.title for r in result.results] == ["Handreiking APV en ondermijning"]
    assert not result.partial


def test_compound_splits_try_each_cut_with_and_without_a_linking_s():
    splits = compound_splits("Vastgoedcriminaliteit")
    assert (stem("vastgoed"), stem("criminaliteit")) in splits
    assert (stem("drug"), stem("laboratorium")) in compound_splits("drugslaboratorium")
    assert compound_splits("vastgoed") == ()  # too short to split


def test_did_you_mean_leaves_words_the_index_knows(engine, content, member):
    # Titles have "gemeenten", summaries "gemeente"-forms: a known word is never "corrected".
    result = search("handreikng gemeente", member)
    assert result.suggestion == "handreiking gemeente"
    assert search("afpakken ondermijning", member).suggestion == ""  # both words are known


def test_a_word_of_a_public_item_is_known_without_asking_the_database_again(
    content, member, django_assert_num_queries
):
    tokens = access_tokens(member)
    assert is_known("afpakken", tokens)  # in the public handreiking: counted once, cached
    with django_assert_num_queries(0):
        assert is_known("afpakken", tokens)
    # Only in the members-only handreiking: looked up among what the user may see.
    assert is_known("verordening", tokens)
    with django_assert_num_queries(1):
        assert is_known("verordening", tokens)
    assert not is_known("verordening", access_tokens(AnonymousUser()))


def test_the_closest_word_keeps_its_first_letter_and_about_its_length():
    vocabulary = {"handreiking", "aandreiking", "handreikingenoverzicht", "bibob"}
    assert closest_word("handrieking", vocabulary) == "handreiking"
    assert closest_word("andreiking", vocabulary) == "aandreiking"
    assert closest_word("handreikingenoverz", vocabulary) == ""  # four letters short
    assert closest_word("xyz", vocabulary) == ""
