"""Enrolment, completion and progress of learners. Completion rules per lesson kind:
a content lesson is complete once viewed, a quiz once passed (see ``academie.quiz``),
a SCORM package once it reports ``completed`` or ``passed`` (see ``academie.scorm``)."""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from academie.models import (
    CoursePage,
    Enrolment,
    EnrolmentPolicy,
    EnrolmentStatus,
    LessonKind,
    LessonPage,
    LessonProgress,
    ScormStatus,
)
from kpo.access import MEMBERS, can_see

COMPLETES_ON_VIEW = {LessonKind.CONTENT}
SCORM_COMPLETE = {ScormStatus.COMPLETED, ScormStatus.PASSED}


def can_learn(user):
    """Only approved members take part in the academy."""
    return can_see(user, MEMBERS)


@dataclass
class Progress:
    done: int
    total: int

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0


@dataclass
class CourseState:
    """What one learner sees of one course."""

    course: CoursePage
    lessons: list
    enrolment: Enrolment | None = None
    completed_ids: set = field(default_factory=set)
    missing_prerequisites: list = field(default_factory=list)
    can_learn: bool = False

    @property
    def progress(self):
        return Progress(len(self.completed_ids), len(self.lessons))

    @property
    def next_lesson(self):
        """The lesson to resume with: the first one not completed."""
        return next(
            (lesson for lesson in self.lessons if lesson.pk not in self.completed_ids), None
        )

    @property
    def is_enrolled(self):
        return self.enrolment is not None and self.enrolment.is_active


def course_state(user, course):
    """The course's lessons and ``user``'s enrolment and progress, in a fixed number of queries."""
    lessons = list(course.lessons())
    state = CourseState(course, lessons, can_learn=can_learn(user))
    if not state.can_learn or course.pk is None:  # unsaved: an editor's preview
        return state
    state.enrolment = Enrolment.objects.filter(user=user, course=course).first()
    state.completed_ids = completed_lesson_ids(user, lessons)
    state.missing_prerequisites = missing_prerequisites(user, course)
    return state


def completed_lesson_ids(user, lessons):
    return set(
        LessonProgress.objects.filter(user=user, lesson__in=lessons).values_list(
            "lesson_id", flat=True
        )
    )


def missing_prerequisites(user, course):
    """The prerequisite courses ``user`` has not completed yet."""
    done = Enrolment.objects.filter(user=user, completed_at__isnull=False).values("course_id")
    return list(
        CoursePage.objects.live().filter(required_for=course).exclude(pk__in=done).order_by("title")
    )


def enrol(user, course):
    """Enrol ``user``: active at once for open courses, pending when approval is needed.
    Returns the enrolment and whether it is new."""
    status = (
        EnrolmentStatus.PENDING
        if course.enrolment_policy == EnrolmentPolicy.APPROVAL
        else EnrolmentStatus.ACTIVE
    )
    return Enrolment.objects.get_or_create(user=user, course=course, defaults={"status": status})


def decide(enrolment, approve):
    """The course owner's decision on a pending enrolment."""
    enrolment.status = EnrolmentStatus.ACTIVE if approve else EnrolmentStatus.REJECTED
    enrolment.decided_at = timezone.now()
    enrolment.save(update_fields=["status", "decided_at"])


def can_follow(user, lesson):
    """``user`` may take ``lesson``: an approved member actively enrolled in its course."""
    return (
        can_learn(user)
        and Enrolment.objects.filter(
            user=user,
            status=EnrolmentStatus.ACTIVE,
            course__in=CoursePage.objects.parent_of(lesson),
        ).exists()
    )


def record_scorm_status(user, lesson, lesson_status):
    """A SCORM lesson is complete once its package reports it completed or passed.
    True if newly completed."""
    return lesson_status in SCORM_COMPLETE and mark_complete(user, lesson)


def record_view(user, lesson):
    """Viewing completes a lesson whose kind completes on view. True if newly completed."""
    return lesson.kind in COMPLETES_ON_VIEW and mark_complete(user, lesson)


def mark_complete(user, lesson):
    """Record ``lesson`` as completed, and the course once all its lessons are.
    True if the lesson was not completed before."""
    if LessonProgress.objects.filter(user=user, lesson=lesson).exists():
        return False
    try:
        with transaction.atomic():
            LessonProgress.objects.create(user=user, lesson=lesson)
    except IntegrityError:  # a concurrent request recorded it first
        return False
    course = CoursePage.objects.parent_of(lesson).get()
    if not course.lessons().exclude(progress__user=user).exists():
        Enrolment.objects.filter(user=user, course=course, completed_at__isnull=True).update(
            completed_at=timezone.now()
        )
    return True


def dashboard(user):
    """``user``'s enrolments, each with its progress and the lesson to resume with."""
    enrolments = list(
        Enrolment.objects.filter(user=user)
        .exclude(status=EnrolmentStatus.REJECTED)
        .select_related("course")
        .order_by(F("completed_at").asc(nulls_first=True), "-created_at")
    )
    if not enrolments:
        return []
    lessons = lessons_by_course([enrolment.course for enrolment in enrolments])
    completed = completed_lesson_ids(user, [ls for group in lessons.values() for ls in group])
    return [
        CourseState(
            enrolment.course,
            lessons.get(enrolment.course.path, []),
            enrolment,
            {ls.pk for ls in lessons.get(enrolment.course.path, []) if ls.pk in completed},
            can_learn=True,
        )
        for enrolment in enrolments
    ]


def lessons_by_course(courses):
    """The live lessons of several courses in one query, keyed by the course's tree path."""
    query = reduce(or_, (LessonPage.objects.child_of_q(course) for course in courses))
    grouped = {}
    for lesson in LessonPage.objects.live().filter(query).order_by("path"):
        grouped.setdefault(lesson.path[: -LessonPage.steplen], []).append(lesson)
    return grouped
