"""The SCORM player's server side: launching a lesson, saving commits, serving the
package's files to enrolled learners only.

Package files are reached through ``/academie/scorm/inhoud/<token>/<path>``: the token
is signed and names the learner, the lesson and the package version, so a file URL
cannot be guessed, and the view still checks the learner's enrolment on every request.
Relative links inside the package keep working because the token is a folder."""

import json
import mimetypes
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import FileResponse, Http404, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET, require_POST

from academie import progress
from academie.models import LessonKind, LessonPage, ScormAttempt
from academie.scorm import runtime
from academie.scorm.package import PackageError, check_path

CONTENT_SIGNING_SALT = "academie.scorm.content"  # noqa: S105 (a namespace, not a secret)
# A launched package's file URLs stay valid this long (seconds); a new launch renews them.
DEFAULT_TOKEN_MAX_AGE = 12 * 3600


def content_origin():
    """The separate origin package files are served from, or "" to serve them from the site."""
    return settings.KPO_SCORM_CONTENT_ORIGIN.rstrip("/")


def player(request, lesson):
    """Start (or resume) ``user``'s attempt at ``lesson``: the player's template context."""
    package = lesson.scorm_package
    attempt = runtime.start_session(request.user, lesson)
    token = signing.dumps(
        [request.user.pk, lesson.pk, attempt.package_version],
        salt=CONTENT_SIGNING_SALT,
        compress=False,
    )
    launch_url = content_origin() + reverse(
        "academie:scorm_content", args=[token, package.launch_path]
    )
    if package.launch_query:
        launch_url += "?" + package.launch_query
    commit_url = reverse("academie:scorm_commit", args=[lesson.pk, attempt.session_key])
    config = {
        "launchUrl": launch_url,
        "commitUrl": commit_url,
        "csrfToken": get_token(request),
        "contentOrigin": content_origin(),
        "cmi": runtime.launch_data(attempt, package, request.user),
        "messages": {
            "saved": _("Uw voortgang is opgeslagen."),
            "failed": _("Uw voortgang kon niet worden opgeslagen. Probeer het later opnieuw."),
        },
    }
    return {"attempt": attempt, "config": config, "resumed": runtime.is_resumed(attempt)}


def json_result(ok, code=0, status=200):
    return JsonResponse({"result": "true" if ok else "false", "errorCode": code}, status=status)


@require_POST
def commit(request, lesson_id, session_key):
    """LMSCommit and LMSFinish (``?finish=true``) of the learner's own running session.
    The player posts a form: Django's CSRF token and the CMI data as JSON in ``commit``."""
    if not request.user.is_authenticated:
        return json_result(False, 403, status=403)
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id, kind=LessonKind.SCORM)
    if not progress.can_follow(request.user, lesson):
        return json_result(False, 403, status=403)
    try:
        data = runtime.parse_commit(json.loads(request.POST.get("commit", "")))
    except ValueError as error:
        code = error.code if isinstance(error, runtime.CommitError) else 201
        return json_result(False, code, status=400)
    with transaction.atomic():
        attempt = (
            ScormAttempt.objects.select_for_update()
            .filter(user=request.user, lesson=lesson)
            .first()
        )
        if attempt is None or not attempt.session_key:
            return json_result(False, 301, status=409)
        if not constant_time_compare(attempt.session_key, session_key):
            return json_result(False, 301, status=409)
        runtime.apply_commit(attempt, data, finish=request.GET.get("finish") == "true")
    progress.record_scorm_status(request.user, lesson, attempt.lesson_status)
    return json_result(True)


@require_GET
@xframe_options_exempt  # set below: SAMEORIGIN, or the site origin through CSP
def content(request, token, path):
    """A file of a launched package, for the learner the token was made for."""
    try:
        user_id, lesson_id, version = signing.loads(
            token, salt=CONTENT_SIGNING_SALT, max_age=token_max_age()
        )
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise Http404 from error
    user = content_user(request, user_id)
    lesson = get_object_or_404(
        LessonPage.objects.live().select_related("scorm_package"),
        pk=lesson_id,
        kind=LessonKind.SCORM,
    )
    if not progress.can_follow(user, lesson):
        raise PermissionDenied
    try:
        check_path(path)
    except PackageError as error:
        raise Http404 from error
    name = f"scorm/{lesson.scorm_package.key}/v{version}/{path}"
    if not default_storage.exists(name):
        raise Http404
    content_type, encoding = mimetypes.guess_type(path)
    response = FileResponse(
        default_storage.open(name),
        content_type=content_type if content_type and not encoding else "application/octet-stream",
    )
    folder = request.build_absolute_uri(reverse("academie:scorm_content", args=[token, "x"]))
    return protect(response, folder[:-1])


def token_max_age():
    return getattr(settings, "KPO_SCORM_CONTENT_MAX_AGE", DEFAULT_TOKEN_MAX_AGE)


def content_user(request, user_id):
    """The learner a package file is for. On the site's origin the session must be theirs;
    on a separate content origin (no session cookie there) the signed token identifies them."""
    if content_origin():
        if request.get_host() != urlsplit(content_origin()).netloc:
            raise Http404
        return get_object_or_404(get_user_model(), pk=user_id, is_active=True)
    if request.user.pk != user_id:
        raise PermissionDenied
    return request.user


def site_origin():
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return f"{parts.scheme}://{parts.netloc}"


def protect(response, folder):
    """Headers for package files: only the player may frame them, no sniffing, and a
    policy that lets the package load its own files (including the inline scripts and
    styles that authoring tools produce) but nothing from elsewhere."""
    own = folder
    ancestors = site_origin() if content_origin() else "'self'"
    response.headers["Content-Security-Policy"] = "; ".join(
        [
            f"default-src {own}",
            f"script-src {own} 'unsafe-inline' 'unsafe-eval'",
            f"style-src {own} 'unsafe-inline'",
            f"img-src {own} data: blob:",
            f"media-src {own} blob:",
            f"font-src {own} data:",
            f"connect-src {own}",
            f"frame-src {own}",
            "object-src 'none'",
            f"base-uri {own}",
            "form-action 'none'",
            f"frame-ancestors {ancestors}",
        ]
    )
    if not content_origin():
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cross-Origin-Resource-Policy"] = "same-site"
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response
