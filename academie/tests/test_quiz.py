import pytest

from academie import quiz as quizzes
from academie.factories import QuizLessonFactory
from academie.models import LessonProgress, QuizAttempt

from .conftest import QUESTIONS, answer_ids

pytestmark = pytest.mark.django_db


def chosen(quiz, picks):
    """Answer ids per question id, picking answers by their text."""
    return {
        question.pk: {a.pk for a in question.answers.all() if a.text in picks}
        for question in quiz.questions.all()
    }


def test_single_and_multiple_choice_scoring(quiz):
    questions = list(quiz.questions.all())
    all_right = quizzes.score(questions, chosen(quiz, {"De Wet Bibob", "Gemeenten", "Politie"}))
    assert (all_right.correct, all_right.total, all_right.percent) == (2, 2, 100)
    # A multiple-choice question counts only when exactly the right answers are chosen.
    partly = quizzes.score(questions, chosen(quiz, {"De Wet Bibob", "Gemeenten"}))
    assert (partly.correct, partly.percent) == (1, 50)
    too_many = quizzes.score(questions, chosen(quiz, {"Gemeenten", "Politie", "Woningzoekenden"}))
    assert (too_many.correct, too_many.percent) == (0, 0)


def test_pass_mark_is_reached_without_rounding_up(course, member):
    questions = [QUESTIONS[0]] * 3
    quiz = QuizLessonFactory(parent=course, pass_mark=67, questions=questions)
    two_of_three = {q.pk: {q.answers.first().pk} for q in list(quiz.questions.all())[:2]}
    attempt = quizzes.record_attempt(member, quiz, list(quiz.questions.all()), two_of_three)
    assert (attempt.score, attempt.passed) == (66, False)
    quiz.pass_mark = 66
    attempt = quizzes.record_attempt(member, quiz, list(quiz.questions.all()), two_of_three)
    assert attempt.passed


def test_passing_the_quiz_stores_the_attempt_and_completes_the_lesson(
    member_client, member, quiz, enrolment
):
    response = member_client.post(quiz.url, answer_ids(quiz))
    assert response.status_code == 302
    attempt = QuizAttempt.objects.get(user=member, lesson=quiz)
    assert (attempt.score, attempt.passed, attempt.correct_count) == (100, True, 2)
    assert LessonProgress.objects.filter(user=member, lesson=quiz).exists()
    page = member_client.get(quiz.url).content.decode()
    assert "U bent geslaagd" in page
    assert "Juist: de Wet Bibob." in page
    assert "<fieldset" not in page


def test_failed_attempts_are_scored_and_retries_run_out(member_client, member, quiz, enrolment):
    for _attempt in range(2):
        assert member_client.post(quiz.url, answer_ids(quiz, correct=False)).status_code == 302
    assert list(QuizAttempt.objects.values_list("score", "passed")) == [(0, False), (0, False)]
    page = member_client.get(quiz.url).content.decode()
    assert "U heeft geen pogingen meer." in page
    assert "Nee, dat is een andere wet." in page
    assert "<fieldset" not in page
    member_client.post(quiz.url, answer_ids(quiz))
    assert QuizAttempt.objects.count() == 2
    assert not LessonProgress.objects.filter(lesson=quiz).exists()


def test_incomplete_answers_get_a_dutch_message_and_are_kept(member_client, quiz, enrolment):
    first, second = quiz.questions.all()
    kept = str(first.answers.first().pk)
    response = member_client.post(quiz.url, {f"vraag-{first.pk}": kept})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Beantwoord alle vragen. Uw gekozen antwoorden zijn bewaard." in page
    assert "Kies minstens één antwoord." in page
    assert f'value="{kept}"' in page and "checked" in page
    assert not QuizAttempt.objects.exists()


def test_an_answer_from_another_question_is_refused(member_client, quiz, enrolment):
    first, second = quiz.questions.all()
    data = answer_ids(quiz)
    data[f"vraag-{first.pk}"] = [str(second.answers.first().pk)]
    page = member_client.post(quiz.url, data).content.decode()
    assert "Kies een antwoord uit de lijst." in page
    assert not QuizAttempt.objects.exists()


def test_question_order_is_shuffled_per_attempt_and_stable_within_one(course, member):
    quiz = QuizLessonFactory(
        parent=course, questions=[{**QUESTIONS[0], "text": f"Vraag {n}"} for n in range(8)]
    )
    orders = [[q.pk for q in quizzes.questions_for_attempt(member, quiz, n)] for n in (1, 1, 2)]
    assert orders[0] == orders[1]
    assert orders[0] != orders[2]
    assert sorted(orders[0]) == sorted(q.pk for q in quiz.questions.all())
    quiz.shuffle_questions = False
    assert [q.text for q in quizzes.questions_for_attempt(member, quiz, 1)] == [
        f"Vraag {n}" for n in range(8)
    ]
