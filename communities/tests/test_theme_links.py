"""The community home lists the e-learnings and trainings discussed in the community (first)
and those on one of its themes, that the member may see."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from academie.factories import CoursePageFactory, TrainingPageFactory, TrainingSessionFactory
from academie.models import AcademieIndexPage
from academie.templatetags.academie_links import COMMUNITY_OFFER_LIMIT
from kpo.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def add(factory, title, community=None, themes=(), live=True):
    page = factory(
        parent=AcademieIndexPage.objects.get(), title=title, community=community, live=live
    )
    page.themes.set(themes)
    page.save()
    return page


@pytest.fixture
def home_html(client, home_page, community, community_member):
    client.force_login(community_member)

    def render():
        response = client.get(reverse("communities:home", args=[community.slug]))
        assert response.status_code == 200
        return response.content.decode()

    return render


def test_home_lists_linked_and_themed_courses_and_trainings(home_html, community):
    theme = ThemeFactory(name="Buitengebied")
    community.themes.add(theme)
    add(CoursePageFactory, "E-learning signalen in het buitengebied", themes=[theme])
    training = add(TrainingPageFactory, "Veldtraining boerenerven", community=community)
    TrainingSessionFactory(page=training)
    add(CoursePageFactory, "Aanpak in de stad", themes=[ThemeFactory(name="Stad")])
    add(CoursePageFactory, "Concept over stallen", community=community, live=False)
    group_only = add(CoursePageFactory, "Voor een groep", community=community)
    PageViewRestriction.objects.create(page=group_only, restriction_type=PageViewRestriction.GROUPS)

    page = home_html()

    assert "Leren in de academie" in page
    assert "Veldtraining boerenerven" in page
    assert "volgende sessie" in page
    assert "E-learning signalen in het buitengebied" in page
    assert page.index("Veldtraining boerenerven") < page.index("E-learning signalen")
    for hidden in ("Aanpak in de stad", "Concept over stallen", "Voor een groep"):
        assert hidden not in page


def test_home_without_courses_shows_no_academy_panel(home_html):
    assert "Leren in de academie" not in home_html()


def test_home_caps_the_list_and_links_the_catalogue(home_html, community):
    for number in range(COMMUNITY_OFFER_LIMIT + 1):
        add(CoursePageFactory, f"E-learning {number:02}", community=community)

    page = home_html()

    assert f"E-learning {COMMUNITY_OFFER_LIMIT - 1:02}" in page
    assert f"E-learning {COMMUNITY_OFFER_LIMIT:02}" not in page
    assert f'href="{AcademieIndexPage.objects.get().url}"' in page
