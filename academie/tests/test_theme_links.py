"""E-learning and training pages link their themes to the theme pages the user may see, and
name the community they are discussed in unless it is hidden from the user."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from academie.factories import CoursePageFactory, TrainingPageFactory, TrainingSessionFactory
from academie.links import community_offer, theme_offer
from academie.models import CoursePage, TrainingPage
from communities.factories import CommunityFactory, MembershipFactory
from communities.models import CommunityType
from kennisbank.factories import ThemaPageFactory
from kennisbank.models import KennisbankIndexPage
from kpo.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def page_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def themes(home_page):
    """A theme with a public theme page, one with a members-only theme page, one whose
    theme page is not published and one without a theme page."""
    kennisbank = KennisbankIndexPage.objects.get()
    public, members, draft, bare = (
        ThemeFactory(name=name) for name in ("Wet Bibob", "Zorgfraude", "Vastgoed", "Drugs")
    )
    publish(ThemaPageFactory(parent=kennisbank, theme=public, slug="wet-bibob"))
    publish(ThemaPageFactory(parent=kennisbank, theme=members, visibility="members"))
    ThemaPageFactory(parent=kennisbank, theme=draft, live=False)
    return [public, members, draft, bare]


@pytest.fixture
def course(academie, themes):
    page = CoursePageFactory(parent=academie, title="E-learning Wet Bibob", slug="wet-bibob")
    page.themes.set(themes)
    return publish(page)


def test_course_page_links_the_theme_pages_a_visitor_may_see(client, course):
    page = page_html(client, course)

    assert '<a class="utrecht-link" href="/kennisbank/wet-bibob/">Wet Bibob</a>' in page
    for plain in ("Zorgfraude", "Vastgoed", "Drugs"):
        assert plain in page
        assert f">{plain}</a>" not in page


def test_course_page_links_members_only_theme_pages_for_members(member_client, course):
    page = page_html(member_client, course)

    assert ">Wet Bibob</a>" in page
    assert ">Zorgfraude</a>" in page
    assert ">Vastgoed</a>" not in page


def test_course_page_names_a_public_community_to_everyone(client, course):
    community = CommunityFactory(name="Bibob-coördinatoren", type=CommunityType.ON_REQUEST)
    course.community = community
    publish(course)

    page = page_html(client, course)

    assert "Bespreek dit in de community" in page
    assert f'href="{community.get_absolute_url()}">Bibob-coördinatoren</a>' in page


def test_a_hidden_community_is_named_to_its_members_only(client, member, course):
    community = CommunityFactory(name="LBB-contactpersonen", type=CommunityType.HIDDEN)
    course.community = community
    publish(course)
    outsider = Client()
    outsider.force_login(MembershipFactory(community=CommunityFactory()).user)

    for other in (client, outsider):
        page = page_html(other, course)
        assert "LBB-contactpersonen" not in page
        assert "Bespreek dit in de community" not in page

    MembershipFactory(community=community, user=member)
    member_client = Client()
    member_client.force_login(member)
    assert "LBB-contactpersonen" in page_html(member_client, course)


def test_training_page_links_its_themes_and_community(client, academie, themes):
    training = TrainingPageFactory(parent=academie, title="Kennisevent Bibob")
    TrainingSessionFactory(page=training)
    training.themes.set(themes[:1])
    training.community = CommunityFactory(name="Bibob-juristen", type=CommunityType.OPEN)
    publish(training)

    page = page_html(client, training)

    assert ">Wet Bibob</a>" in page
    assert ">Bibob-juristen</a>" in page


def test_deleting_the_community_unlinks_the_course(course):
    course.community = CommunityFactory()
    publish(course)

    course.community.delete()

    course.refresh_from_db()
    assert course.community is None


@pytest.mark.parametrize("model", [CoursePage, TrainingPage])
def test_editors_choose_the_community_in_the_admin(model):
    form_class = model.get_edit_handler().get_form_class()

    assert "community" in form_class.base_fields


def test_offers_leave_out_unpublished_pages(academie, themes):
    live = CoursePageFactory(parent=academie, title="Live")
    draft = CoursePageFactory(parent=academie, title="Concept", live=False)
    community = CommunityFactory()
    for page in (live, draft):
        page.themes.set(themes[:1])
        page.community = community
        page.save()

    assert [page.title for page in theme_offer(AnonymousUser(), themes[0].pk)] == ["Live"]
    assert [page.title for page in community_offer(AnonymousUser(), community)] == ["Live"]
