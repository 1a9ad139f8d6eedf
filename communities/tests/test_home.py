"""The community home links the theme page and kennisbank products the member may see."""

import pytest
from django.urls import reverse

from kennisbank.factories import HandreikingPageFactory, ThemaPageFactory
from kennisbank.models import KennisbankIndexPage
from kpo.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def test_home_links_theme_page_and_products(client, home_page, community, community_member):
    theme = ThemeFactory(name="Buitengebied")
    community.themes.add(theme)
    kennisbank = KennisbankIndexPage.objects.get()
    thema = ThemaPageFactory(parent=kennisbank, theme=theme, title="Thema Buitengebied")
    thema.community = community
    thema.save()
    HandreikingPageFactory(
        parent=kennisbank, title="Handreiking weerbaar buitengebied", themes=[theme]
    )
    HandreikingPageFactory(parent=kennisbank, title="Handreiking over iets anders")
    client.force_login(community_member)
    html = client.get(reverse("communities:home", args=[community.slug])).content.decode()
    assert "Thema Buitengebied" in html
    assert "Handreiking weerbaar buitengebied" in html
    assert "Handreiking over iets anders" not in html
