"""E-learnings and trainings carry their themes and community in search, on both engines:
a theme facet finds them, and the community facet and filter work for the community's
members, while a hidden community is never recorded on a public document."""

import pytest
from django.contrib.auth.models import AnonymousUser

from academie.factories import CoursePageFactory, TrainingPageFactory, TrainingSessionFactory
from academie.models import AcademieIndexPage, CoursePage
from communities.factories import CommunityFactory, MembershipFactory
from communities.models import CommunityType
from kpo.factories import ThemeFactory, VerifiedUserFactory
from search.engines import Filters
from search.models import SearchDocument
from search.query import search

from .conftest import publish
from .helpers import titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def academy(home_page, indexed):
    """A course and a training on the theme Wet Bibob, the course discussed in an open
    community; a course on another theme."""
    academie = AcademieIndexPage.objects.get()
    bibob = ThemeFactory(name="Wet Bibob", slug="wet-bibob")
    community = CommunityFactory(name="Bibob-coördinatoren", type=CommunityType.OPEN)
    with indexed():
        course = CoursePageFactory(
            parent=academie, title="E-learning Wet Bibob basis", community=community
        )
        course.themes.set([bibob])
        training = TrainingPageFactory(parent=academie, title="Kennisevent Bibob")
        TrainingSessionFactory(page=training)
        training.themes.set([bibob])
        other = CoursePageFactory(parent=academie, title="E-learning vastgoedfraude")
        other.themes.set([ThemeFactory(name="Vastgoed", slug="vastgoed")])
        for page in (course, training, other):
            publish(page)
    return {"course": course, "community": community}


def facet(results, name):
    return {value.value: value.count for value in results.facets[name]}


def test_theme_facet_counts_courses_and_trainings(engine, academy):
    results = search("", AnonymousUser())

    assert facet(results, "thema") == {"wet-bibob": 2, "vastgoed": 1}
    assert {value.label for value in results.facets["thema"]} == {"Wet Bibob", "Vastgoed"}


def test_theme_filter_finds_the_themes_courses_and_trainings(engine, academy):
    found = titles("", AnonymousUser(), filters=Filters(theme="wet-bibob"))

    assert sorted(found) == ["E-learning Wet Bibob basis", "Kennisevent Bibob"]


def test_community_facet_and_filter_for_its_members_only(engine, academy):
    community = academy["community"]
    member = MembershipFactory(community=community).user
    outsider = VerifiedUserFactory(email="buiten@gemeente.example")

    assert facet(search("", member), "community") == {str(community.pk): 1}
    assert titles("", member, filters=Filters(community=community.pk)) == [
        "E-learning Wet Bibob basis"
    ]
    assert facet(search("", outsider), "community") == {}


def test_a_hidden_community_is_left_off_the_document(engine, academy, indexed):
    community, course = academy["community"], academy["course"]
    with indexed():
        community.type = CommunityType.HIDDEN
        community.save()

    document = SearchDocument.objects.get(object_id=course.pk, type="e-learning")
    assert (document.community_id, document.community_name) == (None, "")
    assert titles("", AnonymousUser(), filters=Filters(community=community.pk)) == []
    assert titles("bibob basis", AnonymousUser())[0] == "E-learning Wet Bibob basis"


def test_renaming_the_community_updates_its_courses(engine, academy, indexed):
    community = academy["community"]
    with indexed():
        community.name = "Bibob-netwerk"
        community.save()

    document = SearchDocument.objects.get(object_id=academy["course"].pk, type="e-learning")
    assert document.community_name == "Bibob-netwerk"


def test_unlinking_the_community_on_publish(engine, academy, indexed):
    course = CoursePage.objects.get(pk=academy["course"].pk)
    course.community = None
    with indexed():
        publish(course)

    assert titles("", AnonymousUser(), filters=Filters(community=academy["community"].pk)) == []
