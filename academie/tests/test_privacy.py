"""AVG: the academy's data in a member's export, and removed when they delete their account."""

import json

import pytest
from django.test import RequestFactory

from academie import certificates, progress, trainings
from academie import quiz as quizzes
from academie.factories import ScormLessonFactory, TrainingPageFactory, TrainingSessionFactory
from academie.models import (
    Certificate,
    Enrolment,
    LessonProgress,
    QuizAttempt,
    RegistrationStatus,
    ScormAttempt,
    TrainingRegistration,
)
from academie.scorm import runtime
from kpo.factories import VerifiedUserFactory
from kpo.privacy import delete_account, export_personal_data

from .conftest import answer_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(academie):
    training = TrainingPageFactory(parent=academie, title="Kennisevent Bibob")
    return TrainingSessionFactory(page=training, title="Utrecht", capacity=1)


def attempt(user, lesson):
    questions = quizzes.questions_for_attempt(user, lesson, 1)
    chosen = {
        int(key.removeprefix("vraag-")): {int(pk) for pk in ids}
        for key, ids in answer_ids(lesson).items()
    }
    return quizzes.record_attempt(user, lesson, questions, chosen)


def test_export_contains_enrolments_progress_quiz_scores_and_registrations(
    member, enrolment, lessons, quiz, session
):
    progress.mark_complete(member, lessons[0])
    attempt(member, quiz)
    trainings.register(member, session)

    data = json.loads(json.dumps(export_personal_data(member)))["academie"]

    [enrolled] = data["enrolments"]
    assert enrolled["e-learning"] == "E-learning Wet Bibob"
    assert enrolled["status"] == "Ingeschreven"
    assert {item["lesson"] for item in data["lesson_progress"]} == {
        "Wat is de Wet Bibob?",
        "Toets Wet Bibob",
    }
    [result] = data["quiz_attempts"]
    assert result["quiz"] == "Toets Wet Bibob"
    assert (result["score_percent"], result["passed"], result["questions"]) == (100, True, 2)
    assert "De Wet Bibob" in result["chosen_answers"]
    [registration] = data["training_registrations"]
    assert registration["training"] == "Kennisevent Bibob"
    assert registration["session"] == "Utrecht"
    assert registration["status"] == "Ingeschreven"
    assert registration["start"] == session.start.isoformat()


def test_export_of_someone_without_academy_data_is_empty(member):
    data = export_personal_data(member)["academie"]
    assert data == {
        "enrolments": [],
        "lesson_progress": [],
        "quiz_attempts": [],
        "scorm_attempts": [],
        "certificates": [],
        "training_registrations": [],
    }


def test_deleting_the_account_removes_academy_data_and_frees_the_seat(
    member, enrolment, lessons, quiz, session, django_capture_on_commit_callbacks, mailoutbox
):
    other = VerifiedUserFactory(email="ander@gemeente.example")
    progress.mark_complete(member, lessons[0])
    attempt(member, quiz)
    trainings.register(member, session)
    trainings.register(other, session)
    request = RequestFactory().post("/")
    request.user = member

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(request, member)

    for model in (Enrolment, LessonProgress, QuizAttempt, TrainingRegistration):
        assert not model.objects.filter(user=member).exists()
    assert TrainingRegistration.objects.get(user=other).status == RegistrationStatus.CONFIRMED
    assert [mail.to for mail in mailoutbox] == [[other.email]]
    assert export_personal_data(member)["academie"]["training_registrations"] == []


def test_scorm_attempts_and_certificates_are_exported_and_deleted(
    member, enrolment, course, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    course.has_certificate = True
    course.save_revision().publish()
    lesson = ScormLessonFactory(parent=course, title="Casus")
    scorm = runtime.start_session(member, lesson)
    commit = runtime.parse_commit(
        {"cmi": {"core": {"lesson_status": "incomplete", "lesson_location": "2"}}}
    )
    runtime.apply_commit(scorm, commit)
    Enrolment.objects.filter(pk=enrolment.pk).update(completed_at=scorm.updated_at)
    certificate = certificates.certificate_for(member, course)

    data = json.loads(json.dumps(export_personal_data(member)))["academie"]
    [exported] = data["scorm_attempts"]
    assert (exported["lesson"], exported["status"]) == ("Casus", "incomplete")
    assert exported["lesson_location"] == "2"
    assert data["certificates"][0]["code"] == certificate.code

    request = RequestFactory().post("/")
    request.user = member
    delete_account(request, member)
    assert not ScormAttempt.objects.filter(user=member).exists()
    assert not Certificate.objects.filter(code=certificate.code).exists()
