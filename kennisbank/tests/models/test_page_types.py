"""Where each kennisbank page type may be created."""

import pytest

from kennisbank.models import (
    EventPage,
    FactsheetPage,
    HandreikingPage,
    KennisbankPage,
    NewsIndexPage,
    ProductPage,
    ThemaPage,
)

pytestmark = pytest.mark.django_db

PRODUCT_TYPES = [ThemaPage, HandreikingPage, FactsheetPage, EventPage]


@pytest.mark.parametrize("model", PRODUCT_TYPES)
def test_kennisbank_pages_are_created_only_under_the_kennisbank(home_page, kennisbank, model):
    assert model.can_create_at(kennisbank)
    assert not model.can_create_at(home_page)
    assert not model.can_create_at(NewsIndexPage.objects.get())
    assert model.allowed_subpage_models() == []


def test_the_kennisbank_accepts_exactly_the_kennisbank_page_types(kennisbank):
    assert set(kennisbank.allowed_subpage_models()) == set(PRODUCT_TYPES)


@pytest.mark.parametrize("model", [KennisbankPage, ProductPage])
def test_base_page_types_cannot_be_created(kennisbank, model):
    assert not model.can_create_at(kennisbank)
