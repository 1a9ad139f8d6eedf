"""The ranking rules of ``search/engines/weights.py`` on both engines: field weights,
rarity, the boost of knowledge products and recency as the tie-breaker."""

import datetime
import itertools

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType

from kpo.factories import ThemeFactory
from kpo.models import Theme
from search.analysis import parse_query
from search.builders import ItemData
from search.indexing import store, sync_to_engine
from search.models import SearchDocument
from search.rarity import RARITY_MAX, document_frequencies, rarity, with_rarity

from .helpers import titles

pytestmark = pytest.mark.django_db

_ids = itertools.count(1)
OLDEST = datetime.date(2020, 1, 1)


@pytest.fixture
def add(engine):
    """Store search documents directly (as a builder's ``ItemData``), in both engines;
    each one a day newer than the one before, unless a date is given."""
    content_type = ContentType.objects.get_for_model(Theme)
    added = []

    def add_item(title, access="public", date=None, **fields):
        number = next(_ids)
        date = date or OLDEST + datetime.timedelta(days=len(added))
        data = ItemData(
            title=title, url=f"/item-{number}/", type="handreiking", access=access, date=date
        )
        for name, value in fields.items():
            setattr(data, name, value)
        document = store(content_type, number, data)
        sync_to_engine(document.key)
        added.append(document)
        return document

    return add_item


def add_fillers(add, count=8):
    for number in range(count):
        add(f"Jaarverslag RIEC {number}", body="Een overzicht van het jaar.")


def test_each_field_weighs_less_than_the_one_before(engine, add):
    # Each item is newer than the one before: recency alone would reverse the order.
    add("Kasboek en administratie")
    add("Controle van contant geld", summary="Een kasboek bijhouden helpt.")
    add("Controle bij de gemeente", themes=[ThemeFactory(name="Kasboek")])
    add("Controle bij ondernemers", body="Vraag naar het kasboek.")
    add("Controle van bedrijven", attachment_text="Het kasboek in de bijlage.")
    engine.refresh()
    assert titles("kasboek ", AnonymousUser()) == [
        "Kasboek en administratie",
        "Controle van contant geld",
        "Controle bij de gemeente",
        "Controle bij ondernemers",
        "Controle van bedrijven",
    ]


def test_a_rarer_word_outranks_a_commoner_one(engine, add):
    # No item has both words; the one with the rare word is the oldest.
    add("Uithalers in de haven", date=OLDEST)
    for number in range(6):
        add(f"Logistiek en transport {number}")
    add_fillers(add)
    engine.refresh()
    assert titles("logistiek uithalers ", AnonymousUser())[0] == "Uithalers in de haven"


def test_members_only_items_do_not_change_a_words_rarity(engine, add):
    # Counted over every item, "uithalers" would be commoner than "logistiek".
    add("Uithalers in de haven", date=OLDEST)
    for number in range(6):
        add(f"Logistiek en transport {number}")
    for number in range(10):
        add(f"Uithalers in beeld {number}", access="members")
    add_fillers(add)
    engine.refresh()
    assert titles("logistiek uithalers ", AnonymousUser())[0] == "Uithalers in de haven"


def test_for_the_same_match_knowledge_products_come_before_news(engine, add):
    add("Weerbaarheid van raadsleden", boost=2, date=OLDEST)
    add("Nieuws: weerbaarheid van raadsleden", boost=0)
    engine.refresh()
    assert titles("weerbaarheid ", AnonymousUser()) == [
        "Weerbaarheid van raadsleden",
        "Nieuws: weerbaarheid van raadsleden",
    ]


def test_recency_only_breaks_ties(engine, add):
    add("Intimidatie van bestuurders", date=OLDEST)
    add("Over bestuurders", body="Intimidatie komt voor.", date=datetime.date(2026, 1, 1))
    add("Intimidatie en bestuurders", date=datetime.date(2025, 1, 1))
    engine.refresh()
    assert titles("intimidatie ", AnonymousUser()) == [
        "Intimidatie en bestuurders",
        "Intimidatie van bestuurders",
        "Over bestuurders",
    ]


def test_rarity_runs_from_one_to_its_maximum():
    assert rarity(0, 0) == 1  # nothing public yet: every word alike
    assert rarity(1, 100_000) == RARITY_MAX
    assert rarity(30, 100) == 1
    assert rarity(100, 100) == 1
    assert rarity(500, 100) == 1
    assert 1 < rarity(10, 400) < RARITY_MAX


@pytest.mark.parametrize("engine", ["database"], indirect=True)
def test_rarity_is_counted_once_per_word_and_then_cached(engine, add, django_assert_num_queries):
    add("Uithalers in de haven")
    add("Logistiek en transport")
    query = parse_query("logistiek uithalers")
    with django_assert_num_queries(1):
        ranked = with_rarity(query)
    with django_assert_num_queries(0):
        assert with_rarity(query) == ranked
    with django_assert_num_queries(1):
        with_rarity(parse_query("logistiek haven"))


def test_document_frequencies_count_public_items_holding_a_stem(db):
    content_type = ContentType.objects.get_for_model(Theme)
    for number, access in enumerate(["public", "public", "members"], start=1):
        data = ItemData(title="Uithalers", url=f"/u-{number}/", type="handreiking", access=access)
        store(content_type, number, data)
    assert SearchDocument.objects.count() == 3
    forms = parse_query("uithalers ").terms[0].forms
    counts = document_frequencies([forms])
    assert sorted(counts.values()) == [2, 2]
