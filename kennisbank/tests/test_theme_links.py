"""A theme page shows what the academy offers on its theme and the communities of the
theme, filtered for the user and kept in the theme page's fragment cache: a publish or
unpublish shows at once, and a render for a member never reaches a visitor."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from academie.factories import CoursePageFactory, TrainingPageFactory, TrainingSessionFactory
from academie.models import AcademieIndexPage, CourseFormat
from communities.factories import CommunityFactory, MembershipFactory
from communities.models import CommunityType
from kennisbank.factories import ThemaPageFactory
from kennisbank.models import KennisbankIndexPage
from kennisbank.tests.conftest import html, logged_in, publish
from kpo.factories import ThemeFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme_page(home_page):
    theme = ThemeFactory(name="Wet Bibob")
    return publish(ThemaPageFactory(parent=KennisbankIndexPage.objects.get(), theme=theme))


def add_course(theme, title, **fields):
    course = CoursePageFactory(parent=AcademieIndexPage.objects.get(), title=title, **fields)
    course.themes.set([theme])
    return publish(course)


def add_training(theme, title, starts_in_days=None):
    training = TrainingPageFactory(parent=AcademieIndexPage.objects.get(), title=title)
    training.themes.set([theme])
    if starts_in_days is not None:
        TrainingSessionFactory(
            page=training, start=timezone.now() + datetime.timedelta(days=starts_in_days)
        )
    return publish(training)


def restrict(page, restriction_type, **fields):
    PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, **fields)


def test_theme_page_lists_its_courses_and_trainings_with_format_and_next_date(client, theme_page):
    add_course(theme_page.theme, "E-learning Wet Bibob basis", format=CourseFormat.BLENDED)
    training = add_training(theme_page.theme, "Kennisevent Bibob", starts_in_days=30)
    add_training(theme_page.theme, "Praktijktraining zonder data")
    add_course(ThemeFactory(name="Vastgoed"), "E-learning vastgoedfraude")
    next_date = timezone.localtime(training.sessions.get().start).date()

    page = html(client, theme_page.url)

    assert "Leren in de academie" in page
    assert "E-learning Wet Bibob basis" in page
    assert "E-learning met praktijktraining" in page
    assert "Kennisevent Bibob" in page
    assert f"volgende sessie {next_date.day} " in page
    assert "nog geen nieuwe data" in page
    assert "E-learning vastgoedfraude" not in page
    assert training.url in page


def test_members_only_courses_are_listed_for_members_and_never_for_visitors(
    client, member, theme_page
):
    members_only = add_course(theme_page.theme, "E-learning alleen voor leden")
    restrict(members_only, PageViewRestriction.LOGIN)
    for_a_group = add_course(theme_page.theme, "E-learning voor een groep")
    restrict(for_a_group, PageViewRestriction.GROUPS)
    add_course(theme_page.theme, "Openbare e-learning")
    unapproved = VerifiedUserFactory(email="nog-niet@gemeente.example", is_approved=False)

    member_page = html(logged_in(member), theme_page.url)  # fills the fragment cache
    assert "E-learning alleen voor leden" in member_page
    assert "E-learning voor een groep" not in member_page
    for other in (client, logged_in(unapproved)):
        page = html(other, theme_page.url)
        assert "Openbare e-learning" in page
        assert "E-learning alleen voor leden" not in page
        assert "E-learning voor een groep" not in page


def test_a_restriction_on_the_academy_hides_its_courses_from_visitors(client, theme_page):
    add_course(theme_page.theme, "E-learning Wet Bibob basis")
    restrict(AcademieIndexPage.objects.get(), PageViewRestriction.LOGIN)

    assert "E-learning Wet Bibob basis" not in html(client, theme_page.url)


def test_publishing_and_unpublishing_a_course_shows_on_the_theme_page_at_once(
    client, member, theme_page
):
    member_client = logged_in(member)
    assert "Bekijk het hele aanbod van de academie" in html(member_client, theme_page.url)
    course = add_course(theme_page.theme, "E-learning Wet Bibob basis")

    assert "E-learning Wet Bibob basis" in html(member_client, theme_page.url)
    assert "E-learning Wet Bibob basis" in html(client, theme_page.url)

    course.unpublish()
    assert "E-learning Wet Bibob basis" not in html(member_client, theme_page.url)
    assert "E-learning Wet Bibob basis" not in html(client, theme_page.url)


def test_empty_state_links_the_academy_catalogue(client, theme_page):
    page = html(client, theme_page.url)

    assert "De academie heeft nog geen e-learnings of trainingen over dit thema." in page
    assert f'href="{AcademieIndexPage.objects.get().url}"' in page


def test_theme_page_shows_the_communities_of_its_theme_with_a_join_link(client, member, theme_page):
    open_community = CommunityFactory(name="Bibob-coördinatoren", type=CommunityType.OPEN)
    on_request = CommunityFactory(name="Bibob-juristen", type=CommunityType.ON_REQUEST)
    hidden = CommunityFactory(name="LBB-contactpersonen", type=CommunityType.HIDDEN)
    for community in (open_community, on_request, hidden):
        community.themes.add(theme_page.theme)
    MembershipFactory(community=open_community, user=member)

    visitor_page = html(client, theme_page.url)
    assert "Lerende netwerken" in visitor_page
    assert f'href="{open_community.get_absolute_url()}#join-heading">Lid worden' in visitor_page
    assert (
        f'href="{on_request.get_absolute_url()}#join-heading">Lidmaatschap aanvragen'
        in visitor_page
    )
    assert "LBB-contactpersonen" not in visitor_page

    member_page = html(logged_in(member), theme_page.url)
    assert "U bent lid." in member_page
    assert "LBB-contactpersonen" not in member_page

    MembershipFactory(community=hidden, user=VerifiedUserFactory(email="lbb@politie.example"))
    hidden_member = hidden.memberships.get().user
    assert "LBB-contactpersonen" in html(logged_in(hidden_member), theme_page.url)


def test_the_linked_community_is_shown_once_and_first(client, theme_page):
    linked = CommunityFactory(name="Zeeland weerbaar", type=CommunityType.OPEN)
    linked.themes.add(theme_page.theme)
    other = CommunityFactory(name="Amsterdam weerbaar", type=CommunityType.OPEN)
    other.themes.add(theme_page.theme)
    theme_page.community = linked
    publish(theme_page)

    page = html(client, theme_page.url)

    assert page.count(">Zeeland weerbaar</a>") == 1
    assert page.index("Zeeland weerbaar") < page.index("Amsterdam weerbaar")


def cold_queries(client, path):
    from kpo import page_cache

    client.get(path)
    page_cache.new_generation()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_theme_page_queries_do_not_grow_with_courses_trainings_or_communities(member, theme_page):
    member_client = logged_in(member)

    def add(numbers):
        for number in numbers:
            add_course(theme_page.theme, f"E-learning {number}")
            add_training(theme_page.theme, f"Training {number}", starts_in_days=number)
            CommunityFactory().themes.add(theme_page.theme)

    add(range(1, 2))
    few = cold_queries(member_client, theme_page.url)
    add(range(2, 6))

    assert cold_queries(member_client, theme_page.url) == few
