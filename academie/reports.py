"""Reports for course owners and beheerders. For an e-learning: enrolments, progress,
completions, quiz scores and SCORM results per learner and per organisation; for a training: seats
per session and registrations per learner and organisation.

Each report is built in a fixed number of queries, whatever the number of learners,
and exposes its tables as (caption, header, rows), shown on the page and exported to
CSV from the same data."""

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Max, Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from academie.models import (
    CoursePage,
    EnrolmentStatus,
    LessonProgress,
    QuizAttempt,
    RegistrationStatus,
    ScormAttempt,
    TrainingPage,
    TrainingRegistration,
    TrainingSession,
)
from kpo.roles import is_administrator

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def owned(user, model):
    """The courses or trainings whose reports ``user`` may see: their own, or all for beheerders."""
    pages = model.objects.all()
    return pages if is_administrator(user) else pages.filter(course_owner=user)


def has_reports(user):
    return is_administrator(user) or any(
        owned(user, model).exists() for model in (CoursePage, TrainingPage)
    )


def percent(part, whole):
    return round(100 * part / whole) if whole else 0


def average(values):
    values = [value for value in values if value is not None]
    return round(sum(values) / len(values)) if values else None


def moment(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def organisation_of(user):
    return user.organisation_name or _("Onbekend")


@dataclass
class QuizResult:
    best_score: int
    attempts: int
    passed: bool


@dataclass
class Learner:
    enrolment: object
    lessons_done: int
    lesson_count: int
    quiz_results: dict = field(default_factory=dict)
    scorm_attempts: dict = field(default_factory=dict)

    @property
    def progress(self):
        return percent(self.lessons_done, self.lesson_count)

    @property
    def average_score(self):
        return average([result.best_score for result in self.quiz_results.values()])


@dataclass
class CourseReport:
    course: CoursePage
    lessons: list
    quizzes: list
    scorm_lessons: list
    learners: list
    rejected: int

    @property
    def active(self):
        return [learner for learner in self.learners if learner.enrolment.is_active]

    def summary(self):
        active = self.active
        completed = sum(1 for learner in active if learner.enrolment.completed_at)
        return [
            (_("Ingeschreven"), len(active)),
            (_("Wacht op goedkeuring"), len(self.learners) - len(active)),
            (_("Afgewezen"), self.rejected),
            (_("Afgerond"), completed),
            (_("Afgerond (percentage van ingeschreven)"), f"{percent(completed, len(active))}%"),
            (_("Gemiddelde voortgang"), f"{average([a.progress for a in active]) or 0}%"),
        ]

    def tables(self):
        return {"deelnemers": self.learner_table(), "organisaties": self.organisation_table()}

    def learner_table(self):
        header = [
            _("Deelnemer"),
            _("Organisatie"),
            _("Status"),
            _("Aangemeld op"),
            _("Lessen afgerond"),
            _("Aantal lessen"),
            _("Voortgang (%)"),
            _("Afgerond op"),
        ]
        for quiz in self.quizzes:
            header += [
                _("%(quiz)s: beste score (%%)") % {"quiz": quiz.title},
                _("%(quiz)s: pogingen") % {"quiz": quiz.title},
                _("%(quiz)s: geslaagd") % {"quiz": quiz.title},
            ]
        for lesson in self.scorm_lessons:
            header += [
                _("%(lesson)s: SCORM-status") % {"lesson": lesson.title},
                _("%(lesson)s: score") % {"lesson": lesson.title},
            ]
        rows = [self.learner_row(learner) for learner in self.learners]
        return _("Deelnemers"), header, rows

    def learner_row(self, learner):
        enrolment = learner.enrolment
        row = [
            enrolment.user.full_name,
            organisation_of(enrolment.user),
            enrolment.get_status_display(),
            moment(enrolment.created_at),
            learner.lessons_done,
            learner.lesson_count,
            learner.progress,
            moment(enrolment.completed_at),
        ]
        for quiz in self.quizzes:
            result = learner.quiz_results.get(quiz.pk)
            if result is None:
                row += ["", 0, ""]
            else:
                row += [result.best_score, result.attempts, _("ja") if result.passed else _("nee")]
        for lesson in self.scorm_lessons:
            attempt = learner.scorm_attempts.get(lesson.pk)
            row += [attempt.get_lesson_status_display() if attempt else "", scorm_score(attempt)]
        return row

    def organisation_table(self):
        groups = defaultdict(list)
        for learner in self.active:
            groups[organisation_of(learner.enrolment.user)].append(learner)
        header = [
            _("Organisatie"),
            _("Ingeschreven"),
            _("Afgerond"),
            _("Gemiddelde voortgang (%)"),
            _("Gemiddelde beste toetsscore (%)"),
        ]
        rows = [
            [
                name,
                len(learners),
                sum(1 for learner in learners if learner.enrolment.completed_at),
                average([learner.progress for learner in learners]),
                average([learner.average_score for learner in learners]),
            ]
            for name, learners in sorted(groups.items())
        ]
        return _("Per organisatie (ingeschreven deelnemers)"), header, rows


def scorm_score(attempt):
    """The raw score the package reported, as a plain number; empty if it reported none."""
    if attempt is None or attempt.score_raw is None:
        return ""
    return Decimal(format(attempt.score_raw.normalize(), "f"))


def course_report(course):
    """The figures of one e-learning, in six queries."""
    lessons = list(course.lessons())
    quizzes = [lesson for lesson in lessons if lesson.is_quiz]
    scorm_lessons = [lesson for lesson in lessons if lesson.is_scorm]
    enrolments = list(
        course.enrolments.select_related("user", "user__organisation").order_by(
            "user__full_name", "pk"
        )
    )
    learners_ids = course.enrolments.values("user_id")
    done = Counter(
        LessonProgress.objects.filter(lesson__in=lessons, user__in=learners_ids).values_list(
            "user_id", flat=True
        )
    )
    results = defaultdict(dict)
    attempts = (
        QuizAttempt.objects.filter(lesson__in=quizzes, user__in=learners_ids)
        .values("user_id", "lesson_id")
        .annotate(best=Max("score"), count=Count("pk"), passes=Count("pk", filter=Q(passed=True)))
        .order_by()
    )
    for row in attempts:
        result = QuizResult(row["best"], row["count"], row["passes"] > 0)
        results[row["user_id"]][row["lesson_id"]] = result
    scorm = defaultdict(dict)
    for attempt in ScormAttempt.objects.filter(lesson__in=scorm_lessons, user__in=learners_ids):
        scorm[attempt.user_id][attempt.lesson_id] = attempt
    learners = [
        Learner(
            enrolment,
            done[enrolment.user_id],
            len(lessons),
            results[enrolment.user_id],
            scorm[enrolment.user_id],
        )
        for enrolment in enrolments
        if enrolment.status != EnrolmentStatus.REJECTED
    ]
    rejected = len(enrolments) - len(learners)
    return CourseReport(course, lessons, quizzes, scorm_lessons, learners, rejected)


@dataclass
class TrainingReport:
    training: TrainingPage
    sessions: list
    registrations: list

    def summary(self):
        by_status = Counter(registration.status for registration in self.registrations)
        return [
            (_("Sessies"), len(self.sessions)),
            (
                pgettext("training seats", "Plaatsen"),
                sum(session.capacity for session in self.sessions),
            ),
            (_("Ingeschreven"), by_status[RegistrationStatus.CONFIRMED]),
            (_("Op de wachtlijst"), by_status[RegistrationStatus.WAITING]),
            (
                pgettext("training registration", "Afgemeld"),
                by_status[RegistrationStatus.CANCELLED],
            ),
        ]

    def tables(self):
        return {
            "sessies": self.session_table(),
            "deelnemers": self.learner_table(),
            "organisaties": self.organisation_table(),
        }

    def session_table(self):
        header = [
            _("Sessie"),
            _("Begint op"),
            _("Plaats"),
            pgettext("training seats", "Plaatsen"),
            _("Ingeschreven"),
            _("Op de wachtlijst"),
            pgettext("training registration", "Afgemeld"),
        ]
        rows = [
            [
                session.title,
                moment(session.start),
                session.location or _("online"),
                session.capacity,
                session.confirmed,
                session.waiting,
                session.cancelled,
            ]
            for session in self.sessions
        ]
        return _("Sessies"), header, rows

    def learner_table(self):
        header = [
            _("Deelnemer"),
            _("Organisatie"),
            _("Sessie"),
            _("Status"),
            _("Plaats op de wachtlijst"),
            _("Aangemeld op"),
            _("Ingeschreven op"),
            _("Afgemeld op"),
        ]
        rows = [
            [
                registration.user.full_name,
                organisation_of(registration.user),
                registration.session.title or moment(registration.session.start),
                registration.get_status_display(),
                registration.waiting_position or "",
                moment(registration.registered_at),
                moment(registration.confirmed_at),
                moment(registration.cancelled_at),
            ]
            for registration in self.registrations
        ]
        return _("Deelnemers"), header, rows

    def organisation_table(self):
        counts = defaultdict(Counter)
        for registration in self.registrations:
            counts[organisation_of(registration.user)][registration.status] += 1
        header = [
            _("Organisatie"),
            _("Ingeschreven"),
            _("Op de wachtlijst"),
            pgettext("training registration", "Afgemeld"),
        ]
        rows = [
            [
                name,
                count[RegistrationStatus.CONFIRMED],
                count[RegistrationStatus.WAITING],
                count[RegistrationStatus.CANCELLED],
            ]
            for name, count in sorted(counts.items())
        ]
        return _("Per organisatie"), header, rows


def training_report(training):
    """The figures of one training, in two queries."""
    sessions = list(TrainingSession.objects.filter(page=training).with_counts())
    registrations = list(
        TrainingRegistration.objects.filter(session__page=training)
        .select_related("user", "user__organisation", "session")
        .with_waiting_position()
        .order_by("session__start", "session_id", "user__full_name", "pk")
    )
    return TrainingReport(training, sessions, registrations)


def safe_cell(value):
    """Text that a spreadsheet would run as a formula gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_response(filename, header, rows):
    """A CSV download for Dutch spreadsheets: UTF-8 with a byte order mark, semicolons."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    for row in [header, *rows]:
        writer.writerow([safe_cell(value) for value in row])
    return response
