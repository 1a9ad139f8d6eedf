"""The academy's part of the AVG rights (see ``kpo.privacy``): a member's enrolments,
lesson progress, quiz attempts, SCORM attempts, certificates and training registrations
in their data export, and removed when they delete their account (a deleted member's
certificate codes no longer verify)."""

from academie import trainings
from academie.models import (
    Certificate,
    Enrolment,
    LessonProgress,
    QuizAnswer,
    QuizAttempt,
    RegistrationStatus,
    ScormAttempt,
    TrainingRegistration,
)


def iso(moment):
    return moment.isoformat() if moment else None


def enrolments(user):
    return [
        {
            "e-learning": enrolment.course.title,
            "status": enrolment.get_status_display(),
            "enrolled_at": iso(enrolment.created_at),
            "decided_at": iso(enrolment.decided_at),
            "completed_at": iso(enrolment.completed_at),
        }
        for enrolment in Enrolment.objects.filter(user=user)
        .select_related("course")
        .order_by("created_at", "pk")
    ]


def lesson_progress(user):
    return [
        {"lesson": progress.lesson.title, "completed_at": iso(progress.completed_at)}
        for progress in LessonProgress.objects.filter(user=user)
        .select_related("lesson")
        .order_by("completed_at", "pk")
    ]


def quiz_attempts(user):
    attempts = list(
        QuizAttempt.objects.filter(user=user).select_related("lesson").order_by("created_at", "pk")
    )
    chosen_ids = {int(pk) for a in attempts for ids in a.answers.values() for pk in ids}
    texts = dict(QuizAnswer.objects.filter(pk__in=chosen_ids).values_list("pk", "text"))
    return [
        {
            "quiz": attempt.lesson.title,
            "submitted_at": iso(attempt.created_at),
            "correct": attempt.correct_count,
            "questions": attempt.question_count,
            "score_percent": attempt.score,
            "passed": attempt.passed,
            "chosen_answers": sorted(
                texts.get(int(pk), str(pk)) for ids in attempt.answers.values() for pk in ids
            ),
        }
        for attempt in attempts
    ]


def scorm_attempts(user):
    return [
        {
            "lesson": attempt.lesson.title,
            "status": attempt.lesson_status,
            "score_raw": str(attempt.score_raw) if attempt.score_raw is not None else None,
            "score_min": str(attempt.score_min) if attempt.score_min is not None else None,
            "score_max": str(attempt.score_max) if attempt.score_max is not None else None,
            "lesson_location": attempt.lesson_location,
            "suspend_data": attempt.suspend_data,
            "total_time_seconds": attempt.accumulated_time.total_seconds(),
            "started_at": iso(attempt.started_at),
            "updated_at": iso(attempt.updated_at),
            "finished_at": iso(attempt.finished_at),
        }
        for attempt in ScormAttempt.objects.filter(user=user)
        .select_related("lesson")
        .order_by("started_at", "pk")
    ]


def certificates(user):
    return [
        {
            "code": certificate.code,
            "name": certificate.learner_name,
            "e-learning": certificate.course_title,
            "completed_at": iso(certificate.completed_at),
            "issued_at": iso(certificate.issued_at),
            "revoked_at": iso(certificate.revoked_at),
        }
        for certificate in Certificate.objects.filter(user=user).order_by("issued_at", "pk")
    ]


def training_registrations(user):
    return [
        {
            "training": registration.session.page.title,
            "session": registration.session.title,
            "start": iso(registration.session.start),
            "location": registration.session.location,
            "status": registration.get_status_display(),
            "registered_at": iso(registration.registered_at),
            "confirmed_at": iso(registration.confirmed_at),
            "cancelled_at": iso(registration.cancelled_at),
            "reminded_at": iso(registration.reminded_at),
        }
        for registration in TrainingRegistration.objects.filter(user=user)
        .select_related("session", "session__page")
        .order_by("registered_at", "pk")
    ]


def export_academy_data(sender, user, **kwargs):
    return "academie", {
        "enrolments": enrolments(user),
        "lesson_progress": lesson_progress(user),
        "quiz_attempts": quiz_attempts(user),
        "scorm_attempts": scorm_attempts(user),
        "certificates": certificates(user),
        "training_registrations": training_registrations(user),
    }


def delete_academy_data(sender, user, **kwargs):
    """Give up seats in sessions still to come (the waiting list moves up), then remove
    everything the academy holds about ``user``."""
    registrations = TrainingRegistration.objects.filter(user=user)
    for registration in registrations.exclude(status=RegistrationStatus.CANCELLED):
        if not registration.session.has_started:
            trainings.cancel(registration, notify=False)
    registrations.delete()
    QuizAttempt.objects.filter(user=user).delete()
    ScormAttempt.objects.filter(user=user).delete()
    Certificate.objects.filter(user=user).delete()
    LessonProgress.objects.filter(user=user).delete()
    Enrolment.objects.filter(user=user).delete()
