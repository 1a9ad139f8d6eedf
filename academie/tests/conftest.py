import pytest

from academie.factories import (
    CoursePageFactory,
    EnrolmentFactory,
    LessonPageFactory,
    QuizLessonFactory,
    ScormLessonFactory,
)
from academie.models import AcademieIndexPage, QuestionKind

QUESTIONS = [
    {
        "text": "Welke wet geeft bestuursorganen een integriteitsinstrument bij vergunningen?",
        "answers": [
            ("De Wet Bibob", True, "Juist: de Wet Bibob."),
            ("De Wet op de kansspelen", False, "Nee, dat is een andere wet."),
        ],
    },
    {
        "text": "Welke partners werken samen in een RIEC?",
        "kind": QuestionKind.MULTIPLE,
        "answers": [
            ("Gemeenten", True, ""),
            ("Politie", True, ""),
            ("Woningzoekenden", False, "Nee, dat zijn geen partners."),
        ],
    },
]


@pytest.fixture
def academie(home_page):
    return AcademieIndexPage.objects.get()


@pytest.fixture
def course(academie):
    course = CoursePageFactory(parent=academie, title="E-learning Wet Bibob", slug="wet-bibob")
    LessonPageFactory(parent=course, title="Wat is de Wet Bibob?", slug="wat-is-bibob")
    LessonPageFactory(parent=course, title="Het Bibob-onderzoek", slug="onderzoek")
    QuizLessonFactory(
        parent=course,
        title="Toets Wet Bibob",
        slug="toets",
        pass_mark=50,
        max_attempts=2,
        questions=QUESTIONS,
    )
    return course


@pytest.fixture
def lessons(course):
    return list(course.lessons())


@pytest.fixture
def quiz(lessons):
    return lessons[-1]


@pytest.fixture
def enrolment(course, member):
    return EnrolmentFactory(user=member, course=course)


def answer_ids(quiz, correct=True):
    """Form data answering every question of ``quiz`` right (or wrong)."""
    data = {}
    for question in quiz.questions.all():
        chosen = [str(a.pk) for a in question.answers.all() if a.is_correct == correct]
        data[f"vraag-{question.pk}"] = chosen
    return data


@pytest.fixture
def scorm_media(settings, tmp_path):
    """Package files in a media folder of their own, per test."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def lesson(course, scorm_media):
    """A SCORM lesson with the generated interactive package (``factories.default_package``)."""
    return ScormLessonFactory(parent=course, title="Casus: een Bibob-onderzoek", slug="casus")
