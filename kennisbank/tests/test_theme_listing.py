"""The theme pages' list table (``ThemeProduct``, kennisbank/theme_listing.py) follows every
publish, unpublish and delete of a product and every change of its themes, and a row out
of date never shows a product to someone who may not see it."""

import datetime

import pytest

from kennisbank.factories import HandreikingPageFactory, ThemaPageFactory
from kennisbank.models import ThemeProduct
from kennisbank.tests.conftest import html, logged_in, publish
from kpo.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def rows(product):
    return set(
        ThemeProduct.objects.filter(product=product).values_list(
            "theme__name", "visibility", "product_type", "publication_date"
        )
    )


@pytest.fixture
def themes(db):
    return [ThemeFactory(name="Vastgoed"), ThemeFactory(name="Horeca")]


def test_a_product_is_listed_under_its_themes_as_last_published(kennisbank, themes):
    day = datetime.date(2025, 3, 1)
    product = HandreikingPageFactory(
        parent=kennisbank, themes=themes[:1], visibility="public", publication_date=day, live=False
    )
    assert rows(product) == set()  # a draft is in no list

    publish(product)
    assert rows(product) == {("Vastgoed", "public", "handreiking", day)}

    product.themes = themes[1:]
    product.visibility = "members"
    product.save_revision().publish()
    assert rows(product) == {("Horeca", "members", "handreiking", day)}

    product.unpublish()
    assert rows(product) == set()

    publish(product)
    product.themes.add(themes[0])  # a direct change of the tags, outside a revision
    product.save()
    assert {theme for theme, *_rest in rows(product)} == {"Vastgoed", "Horeca"}

    product.delete()
    assert not ThemeProduct.objects.exists()


def test_the_theme_page_lists_and_counts_from_the_table(client, member, kennisbank, themes):
    theme_page = publish(ThemaPageFactory(parent=kennisbank, theme=themes[0]))
    for number, visibility in enumerate(["public", "public", "members"]):
        publish(
            HandreikingPageFactory(
                parent=kennisbank,
                title=f"Handreiking vastgoed {number}",
                themes=themes[:1],
                visibility=visibility,
            )
        )
    visitor_page = html(client, theme_page.url)
    assert "2 producten" in visitor_page and "Handreiking vastgoed 2" not in visitor_page
    member_page = html(logged_in(member), theme_page.url)
    assert "3 producten" in member_page and "Handreiking vastgoed 2" in member_page


def test_a_row_out_of_date_shows_no_product_to_a_visitor(client, kennisbank, themes):
    theme_page = publish(ThemaPageFactory(parent=kennisbank, theme=themes[0]))
    secret = publish(
        HandreikingPageFactory(
            parent=kennisbank, title="Alleen voor leden", themes=themes[:1], visibility="members"
        )
    )
    ThemeProduct.objects.filter(product=secret).update(visibility="public")

    assert "Alleen voor leden" not in html(client, theme_page.url)
