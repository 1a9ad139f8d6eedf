import pytest
from django.urls import reverse

from academie import reports
from academie.models import (
    CoursePage,
    Enrolment,
    LessonProgress,
    QuizAnswer,
    QuizQuestion,
    ScormPackage,
    TrainingPage,
    TrainingRegistration,
    TrainingSession,
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
            TrainingPage,
            TrainingSession,
            TrainingRegistration,
            User,
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


def test_demo_kennisevent_bibob_has_a_nearly_full_session_and_a_waiting_list(client):
    load_demo(PASSWORD)
    event = TrainingPage.objects.get(slug="kennisevent-bibob")
    assert TrainingPage.objects.filter(title="Praktijktraining toezichthouders").exists()
    sessions = list(TrainingSession.objects.filter(page=event).with_counts())
    assert len(sessions) == 3
    nearly_full, with_waiting_list, online = sessions
    assert nearly_full.capacity - nearly_full.confirmed == 1 and nearly_full.waiting == 0
    assert with_waiting_list.confirmed == with_waiting_list.capacity
    assert with_waiting_list.waiting == 2
    assert online.online_url and not online.location
    assert event.get_latest_revision().as_object().sessions.count() == 3
    assert "Nog 1 plaats vrij." in client.get(event.url).content.decode()

    client.force_login(User.objects.get(email="lid@kpo.example"))
    page = client.get(reverse("academie:dashboard")).content.decode()
    assert "Kennisevent Bibob: Ronde 1: zorgcriminaliteit en de Wet Bibob" in page
    assert event.course_owner.email == "communitymanager@kpo.example"
    assert ("Op de wachtlijst", 2) in reports.training_report(event).summary()
