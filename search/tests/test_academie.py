"""E-learnings of the academy in search."""

import pytest
from django.contrib.auth.models import AnonymousUser

from academie.factories import CoursePageFactory, TrainingPageFactory
from academie.models import AcademieIndexPage
from search.query import search

from .conftest import publish
from .helpers import titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(home_page, indexed):
    with indexed():
        page = publish(
            CoursePageFactory(
                parent=AcademieIndexPage.objects.get(),
                title="E-learning Wet Bibob basis",
                intro="De basis van de Wet Bibob voor gemeenten.",
                learning_objectives="<ul><li>U herkent een Bibob-toets.</li></ul>",
                audience="Vergunningverleners",
            )
        )
    return page


def test_courses_are_found_by_everyone(engine, course):
    assert titles("bibob", AnonymousUser()) == ["E-learning Wet Bibob basis"]
    assert titles("vergunningverlener", AnonymousUser()) == ["E-learning Wet Bibob basis"]


def test_unpublished_courses_leave_the_index(engine, course, indexed):
    with indexed():
        course.unpublish()
    assert titles("bibob", AnonymousUser()) == []


def test_trainings_are_found_by_everyone(engine, home_page, indexed):
    with indexed():
        publish(
            TrainingPageFactory(
                parent=AcademieIndexPage.objects.get(),
                title="Praktijktraining toezichthouders",
                audience="Toezichthouders en handhavers",
            )
        )
    [result] = search("handhaver", AnonymousUser()).results
    assert (result.title, result.type_label) == ("Praktijktraining toezichthouders", "Training")
