"""Quizzes: question order, scoring and attempts. A quiz is passed when the share of
correctly answered questions reaches the pass mark; a multiple-choice question counts
as correct only when exactly the right answers are chosen."""

import random
from dataclasses import dataclass

from django.db.models import QuerySet

from academie.models import QuizAttempt
from academie.progress import mark_complete


@dataclass(frozen=True)
class Score:
    correct: int
    total: int

    @property
    def percent(self):
        """Rounded down, so a learner never passes on rounding."""
        return 100 * self.correct // self.total if self.total else 0


def questions_for_attempt(user, lesson, attempt_number):
    """The lesson's questions with their answers, shuffled per learner and attempt if set."""
    questions = lesson.questions.all()
    if isinstance(questions, QuerySet):  # not an editor's unsaved preview, held in memory
        questions = questions.prefetch_related("answers")
    questions = list(questions)
    if lesson.shuffle_questions:
        random.Random(f"{user.pk}:{lesson.pk}:{attempt_number}").shuffle(questions)
    return questions


def score(questions, selected):
    """Score the chosen answer ids per question id against the right answers."""
    correct = sum(
        1
        for question in questions
        if selected.get(question.pk, set())
        == {answer.pk for answer in question.answers.all() if answer.is_correct}
    )
    return Score(correct, len(questions))


@dataclass(frozen=True)
class QuizStatus:
    attempts: list
    max_attempts: int | None

    @property
    def passed(self):
        return any(attempt.passed for attempt in self.attempts)

    @property
    def last_attempt(self):
        return self.attempts[0] if self.attempts else None

    @property
    def attempts_left(self):
        if self.max_attempts is None:
            return None
        return max(self.max_attempts - len(self.attempts), 0)

    @property
    def can_attempt(self):
        return not self.passed and self.attempts_left != 0


def quiz_status(user, lesson):
    """``user``'s attempts at ``lesson`` (none yet for a lesson being previewed unsaved)."""
    attempts = list(lesson.attempts.filter(user=user)) if lesson.pk else []
    return QuizStatus(attempts, lesson.max_attempts)


def record_attempt(user, lesson, questions, selected):
    """Store one attempt; passing it completes the lesson."""
    result = score(questions, selected)
    attempt = QuizAttempt.objects.create(
        user=user,
        lesson=lesson,
        answers={str(pk): sorted(ids) for pk, ids in selected.items()},
        correct_count=result.correct,
        question_count=result.total,
        score=result.percent,
        passed=result.percent >= lesson.pass_mark,
    )
    if attempt.passed:
        mark_complete(user, lesson)
    return attempt


def feedback(questions, attempt):
    """Per question of ``attempt``: whether it was right, and the chosen answers with feedback."""
    chosen = {int(pk): set(ids) for pk, ids in attempt.answers.items()}
    result = []
    for question in sorted(questions, key=lambda q: q.sort_order or 0):
        answers = [a for a in question.answers.all() if a.pk in chosen.get(question.pk, set())]
        right = {a.pk for a in question.answers.all() if a.is_correct}
        result.append(
            {"question": question, "answers": answers, "correct": chosen.get(question.pk) == right}
        )
    return result
