"""Learner-facing views: lessons behind enrolment, quizzes, enrolment and approval,
and the 'Mijn leeromgeving' dashboard."""

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from academie import progress, quiz, reports, trainings
from academie.forms import QuizForm
from academie.models import CoursePage, Enrolment, EnrolmentStatus
from academie.scorm import views as scorm_views
from kpo.csp import SELF, allow_frames


def serve_lesson(request, lesson, render):
    """Only enrolled learners reach a lesson; viewing it or passing its quiz completes it."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not progress.can_learn(request.user):
        raise PermissionDenied
    course = CoursePage.objects.parent_of(lesson).get()
    state = progress.course_state(request.user, course)
    if not state.is_enrolled:
        context = {"page": lesson, "course": course, "state": state}
        return TemplateResponse(request, "academie/enrolment_required.html", context, status=403)
    if lesson.is_quiz and request.method == "POST":
        return submit_quiz(request, lesson, render, course=course, state=state)
    if progress.record_view(request.user, lesson):
        state.completed_ids.add(lesson.pk)
    response = render(request, course=course, state=state)
    if lesson.is_scorm:
        allow_frames(response, scorm_views.content_origin() or SELF)  # the player's iframe
    return response


def submit_quiz(request, lesson, render, **context):
    status = quiz.quiz_status(request.user, lesson)
    if not status.can_attempt:
        messages.warning(request, _("U kunt deze toets niet opnieuw maken."))
        return redirect(lesson.url)
    questions = quiz.questions_for_attempt(request.user, lesson, len(status.attempts) + 1)
    form = QuizForm(questions, request.POST)
    if not form.is_valid():
        return render(request, quiz_form=form, **context)
    attempt = quiz.record_attempt(request.user, lesson, questions, form.selected())
    if attempt.passed:
        messages.success(request, _("Gefeliciteerd, u bent geslaagd voor deze toets."))
    else:
        messages.info(request, _("U bent niet geslaagd voor deze toets."))
    return redirect(lesson.url)


def lesson_context(request, lesson, course=None, state=None, quiz_form=None):
    """The template context of a lesson: its course with progress, and the quiz if any."""
    course = course or CoursePage.objects.parent_of(lesson).get()
    state = state or progress.course_state(request.user, course)
    context = {"course": course, "state": state, **neighbours(state.lessons, lesson)}
    if lesson.is_scorm and state.is_enrolled and not getattr(request, "is_preview", False):
        context["scorm"] = scorm_views.player(request, lesson)
    if lesson.is_quiz and progress.can_learn(request.user):
        status = quiz.quiz_status(request.user, lesson)
        questions = quiz.questions_for_attempt(request.user, lesson, len(status.attempts) + 1)
        context["quiz"] = status
        if status.last_attempt:
            context["feedback"] = quiz.feedback(questions, status.last_attempt)
        if status.can_attempt:
            context["quiz_form"] = quiz_form or QuizForm(questions)
    return context


def neighbours(lessons, lesson):
    """The lessons before and after ``lesson`` (absent when previewing a new lesson)."""
    index = next((i for i, item in enumerate(lessons) if item.pk == lesson.pk), None)
    if lesson.pk is None or index is None:
        return {"previous_lesson": None, "next_lesson": None}
    return {
        "previous_lesson": lessons[index - 1] if index > 0 else None,
        "next_lesson": lessons[index + 1] if index + 1 < len(lessons) else None,
    }


@login_required
@require_POST
def enrol(request, course_id):
    """Enrol in an open course, or ask the course owner for a place."""
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    if not progress.can_learn(request.user):
        raise PermissionDenied
    missing = progress.missing_prerequisites(request.user, course)
    if missing:
        messages.error(
            request,
            _("Rond eerst deze e-learning(s) af: %(courses)s.")
            % {"courses": ", ".join(item.title for item in missing)},
        )
        return redirect(course.url)
    enrolment, created = progress.enrol(request.user, course)
    if enrolment.status == EnrolmentStatus.PENDING:
        if created:
            notify_owner(request, enrolment)
        messages.info(request, _("Uw aanmelding wacht op goedkeuring van de cursuseigenaar."))
    elif enrolment.is_active:
        messages.success(request, _("U bent ingeschreven. Veel succes!"))
    return redirect(course.url)


@login_required
def dashboard(request):
    """'Mijn leeromgeving': the learner's courses with progress and a resume button."""
    if not progress.can_learn(request.user):
        raise PermissionDenied
    upcoming, past = trainings.registrations_for(request.user)
    context = {
        "courses": progress.dashboard(request.user),
        "pending_count": pending_for(request.user).count(),
        "upcoming_registrations": upcoming,
        "past_registrations": past,
        "owns_reports": reports.has_reports(request.user),
    }
    return TemplateResponse(request, "academie/dashboard.html", context)


def pending_for(user):
    """Pending enrolments the user decides on: their own courses (all, for superusers)."""
    pending = Enrolment.objects.filter(status=EnrolmentStatus.PENDING)
    if not user.is_superuser:
        pending = pending.filter(course__course_owner=user)
    return pending.select_related("user", "user__organisation", "course").order_by("created_at")


@login_required
def approvals(request):
    """The course owner's list of enrolments waiting for a decision."""
    if not progress.can_learn(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request, "academie/approvals.html", {"enrolments": pending_for(request.user)}
    )


@login_required
@require_POST
def decide(request, enrolment_id):
    """Approve or reject a pending enrolment of one of the owner's courses."""
    enrolment = get_object_or_404(pending_for(request.user), pk=enrolment_id)
    decision = request.POST.get("besluit")
    if decision not in DECISIONS:
        messages.error(request, _("Kies of u de aanmelding goedkeurt of afwijst."))
        return redirect("academie:approvals")
    progress.decide(enrolment, approve=decision == "goedkeuren")
    notify_learner(request, enrolment)
    params = {"name": enrolment.user, "course": enrolment.course.title}
    messages.success(request, DECISIONS[decision] % params)
    return redirect("academie:approvals")


DECISIONS = {
    "goedkeuren": gettext_lazy("%(name)s is toegelaten tot %(course)s."),
    "afwijzen": gettext_lazy("De aanmelding van %(name)s voor %(course)s is afgewezen."),
}


def notify_owner(request, enrolment):
    """Email the course owner that an enrolment waits for their decision."""
    course = enrolment.course
    context = {
        "owner": course.course_owner,
        "learner": enrolment.user,
        "course": course,
        "approvals_url": request.build_absolute_uri(reverse("academie:approvals")),
    }
    send_mail(request, "enrolment_requested", course.course_owner.email, context)


def notify_learner(request, enrolment):
    """Email the learner the course owner's decision."""
    template = "enrolment_approved" if enrolment.is_active else "enrolment_rejected"
    context = {
        "learner": enrolment.user,
        "course": enrolment.course,
        "course_url": enrolment.course.get_full_url(request),
    }
    send_mail(request, template, enrolment.user.email, context)


def send_mail(request, template, to, context):
    get_adapter(request).send_mail(f"academie/email/{template}", to, context)
