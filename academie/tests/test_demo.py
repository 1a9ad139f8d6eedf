import pytest
from django.urls import reverse

from academie.models import (
    CoursePage,
    Enrolment,
    LessonProgress,
    QuizAnswer,
    QuizQuestion,
    ScormPackage,
)
from kpo.demo import load_demo
from kpo.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "demo-test-wachtwoord"  # noqa: S105


def counts():
    return [
        model.objects.count()
        for model in (
            CoursePage,
            QuizQuestion,
            QuizAnswer,
            Enrolment,
            LessonProgress,
            ScormPackage,
        )
    ]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_demo_academy_loads_twice_without_duplicates():
    load_demo(PASSWORD)
    first = counts()
    load_demo(PASSWORD)
    assert counts() == first


def test_demo_academy_has_the_real_e_learnings_and_a_quiz(client):
    load_demo(PASSWORD)
    titles = set(CoursePage.objects.live().values_list("title", flat=True))
    assert {"E-learning Wet Bibob: de basis", "E-learning ondermijning"} <= titles
    assert any("AVG" in title for title in titles)
    basis = CoursePage.objects.get(slug="e-learning-wet-bibob-basis")
    quiz = basis.lessons().get(kind="quiz")
    assert quiz.questions.count() >= 3
    verdieping = CoursePage.objects.get(slug="e-learning-wet-bibob-verdieping")
    assert list(verdieping.prerequisites.all()) == [basis]
    scorm = verdieping.lessons().get(kind="scorm")
    assert scorm.scorm_package.version == 1
    assert scorm.scorm_package.mastery_score == 80
    assert scorm.scorm_package.launch_path == "index.html"
    for course in CoursePage.objects.all():
        assert client.get(course.url).status_code == 200

    client.force_login(User.objects.get(email="lid@kpo.example"))
    page = client.get(reverse("academie:dashboard")).content.decode()
    assert "E-learning ondermijning" in page
    assert "1 van 3 lessen afgerond (33%)" in page
    assert client.get(quiz.url).status_code == 200


def test_demo_scorm_lesson_plays_for_an_enrolled_member(client):
    load_demo(PASSWORD)
    member = User.objects.get(email="lid@kpo.example")
    verdieping = CoursePage.objects.get(slug="e-learning-wet-bibob-verdieping")
    Enrolment.objects.create(user=member, course=verdieping)
    scorm = verdieping.lessons().get(kind="scorm")
    client.force_login(member)
    page = client.get(scorm.url).content.decode()
    assert 'id="scorm-config"' in page
    assert "/academie/scorm/inhoud/" in page
