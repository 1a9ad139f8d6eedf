"""Registering for a training session, cancelling, and the session's calendar file.
Plain POST forms that redirect back, so they work without JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from academie import ical, trainings
from academie.models import TrainingRegistration, TrainingSession
from academie.progress import can_learn


def live_session(session_id):
    return get_object_or_404(
        TrainingSession.objects.filter(page__live=True).select_related("page"), pk=session_id
    )


def back_to(request, session):
    """Where the member came from (their dashboard), else the session on the training page."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(f"{session.page.url}#sessie-{session.pk}")


@login_required
@require_POST
def register(request, session_id):
    """Take a seat, or a place on the waiting list when the session is full."""
    if not can_learn(request.user):
        raise PermissionDenied
    session = live_session(session_id)
    try:
        registration, created = trainings.register(request.user, session)
    except trainings.RegistrationClosed:
        messages.error(request, _("Deze sessie is al begonnen; aanmelden kan niet meer."))
        return back_to(request, session)
    if registration.is_confirmed:
        messages.success(request, _("U bent ingeschreven. U ontvangt een bevestiging per e-mail."))
    else:
        messages.info(
            request,
            _("De sessie is vol. U staat op plaats %(position)s van de wachtlijst.")
            % {"position": registration.waiting_position},
        )
    return back_to(request, session)


@login_required
@require_POST
def cancel(request, session_id):
    """Cancel one's own registration or place on the waiting list."""
    session = live_session(session_id)
    registration = get_object_or_404(
        TrainingRegistration.objects.exclude(status=trainings.CANCELLED),
        user=request.user,
        session=session,
    )
    try:
        trainings.cancel(registration)
    except trainings.RegistrationClosed:
        messages.error(request, _("Deze sessie is al begonnen; afmelden kan niet meer."))
        return back_to(request, session)
    messages.success(request, _("U bent afgemeld. U ontvangt een bevestiging per e-mail."))
    return back_to(request, session)


def calendar(request, session_id):
    """The session as an .ics file; the online link only for members with a seat."""
    session = live_session(session_id)
    has_seat = (
        request.user.is_authenticated
        and TrainingRegistration.objects.filter(
            user=request.user, session=session, status=trainings.CONFIRMED
        ).exists()
    )
    content = ical.session_calendar(session, session.page.get_full_url(request), has_seat)
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{ical.filename(session)}"'
    return response
