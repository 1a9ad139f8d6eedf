"""The SCORM player's server side: launching a lesson, saving commits, serving the
package's files to enrolled learners only.

Package files are reached through ``/academie/scorm/inhoud/<token>/<path>``: the token
is signed and names the learner, the lesson and the package version, so a file URL
cannot be guessed, and the view still checks the learner's enrolment on every request.
Relative links inside the package keep working because the token is a folder. With a
separate content origin, the token folder itself is a launch page on that origin that gives
the package its ``window.API`` (see ``launch``)."""

import json
import mimetypes
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import Http404, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET, require_POST

from academie import progress
from academie.models import LessonKind, LessonPage, ScormAttempt
from academie.scorm import ranges, runtime
from academie.scorm.package import PackageError, check_path

CONTENT_SIGNING_SALT = "academie.scorm.content"  # noqa: S105 (a namespace, not a secret)
# A launched package's file URLs stay valid this long (seconds); a new launch renews them.
DEFAULT_TOKEN_MAX_AGE = 12 * 3600
# Commits the server did not store are sent again this often (seconds) until it does.
COMMIT_RETRY_SECONDS = 5


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
    if content_origin():
        launch_url = content_origin() + reverse("academie:scorm_launch", args=[token])
    else:
        launch_url = package_url(token, package)
    commit_url = reverse("academie:scorm_commit", args=[lesson.pk, attempt.session_key])
    config = {
        "launchUrl": launch_url,
        "commitUrl": commit_url,
        "csrfToken": get_token(request),
        "contentOrigin": content_origin(),
        "cmi": runtime.launch_data(attempt, package, request.user),
        "unsavedKey": f"kpo.scorm.unsaved.{request.user.pk}.{lesson.pk}",
        "retrySeconds": COMMIT_RETRY_SECONDS,
        "messages": {
            "saved": _("Uw voortgang is opgeslagen."),
            "failed": _(
                "Uw voortgang kon niet worden opgeslagen: de verbinding met de server is "
                "verbroken. Deze browser bewaart uw voortgang en probeert het steeds opnieuw."
            ),
            "savedLate": _("De verbinding is hersteld: uw voortgang is alsnog opgeslagen."),
        },
    }
    return {"attempt": attempt, "config": config, "resumed": runtime.is_resumed(attempt)}


def json_result(ok, code=0, status=200):
    return JsonResponse({"result": "true" if ok else "false", "errorCode": code}, status=status)


@require_POST
def commit(request, lesson_id, session_key):
    """LMSCommit and LMSFinish (``?finish=true``) of the learner's own running session, or
    of the session that ended just before it (commits the browser kept while the server
    was unreachable and delivers late). The player posts a form: Django's CSRF token and
    the CMI data as JSON in ``commit``."""
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
    finish = request.GET.get("finish") == "true"
    with transaction.atomic():
        attempt = (
            ScormAttempt.objects.select_for_update()
            .filter(user=request.user, lesson=lesson)
            .first()
        )
        if attempt is None:
            return json_result(False, 301, status=409)
        if is_session(attempt.session_key, session_key):
            runtime.apply_commit(attempt, data, finish=finish)
        elif is_session(attempt.previous_session_key, session_key):
            runtime.apply_late_commit(attempt, data, finish=finish)
        else:
            return json_result(False, 301, status=409)
    progress.record_scorm_status(request.user, lesson, attempt.lesson_status)
    return json_result(True)


def is_session(stored_key, session_key):
    return bool(stored_key) and constant_time_compare(stored_key, session_key)


def package_url(token, package):
    """The path of ``package``'s launch file (with the manifest's parameters) under ``token``."""
    url = reverse("academie:scorm_content", args=[token, package.launch_path])
    return f"{url}?{package.launch_query}" if package.launch_query else url


def launched(request, token):
    """The lesson and package version of a content token: 404 for a bad or expired token,
    403 when its learner may no longer follow the lesson."""
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
    return lesson, version


@require_GET
@xframe_options_exempt  # set below: SAMEORIGIN, or the site origin through CSP
def content(request, token, path):
    """A file of a launched package, for the learner the token was made for."""
    lesson, version = launched(request, token)
    try:
        check_path(path)
    except PackageError as error:
        raise Http404 from error
    name = f"scorm/{lesson.scorm_package.key}/v{version}/{path}"
    if not default_storage.exists(name):
        raise Http404
    content_type, encoding = mimetypes.guess_type(path)
    response = ranges.file_response(
        request,
        default_storage,
        name,
        content_type if content_type and not encoding else "application/octet-stream",
    )
    return protect(response, token_folder(request, token))


@require_GET
@xframe_options_exempt  # frame-ancestors: the site's origin only (see protect_launch_page)
def launch(request, token):
    """The launch page on a separate content origin, between the player and the package.

    The package looks for ``window.API`` in its parent frames; the player's runtime is on
    the site, another origin it cannot reach. This page, on the package's own origin, makes
    scorm-again's ``CrossFrameAPI`` its ``window.API``: every call goes by ``postMessage``
    to the player (which answers only this origin) and the answers are only taken from the
    site's origin. Then it frames the package (``static/js/scorm-launch.js``)."""
    if not content_origin():
        raise Http404
    lesson, _version = launched(request, token)
    context = {
        "lesson": lesson,
        "scripts": [site_static(path) for path in LAUNCH_SCRIPTS],
        "stylesheet": site_static(LAUNCH_STYLESHEET),
        "config": {
            "siteOrigin": site_origin(),
            "packageUrl": request.build_absolute_uri(package_url(token, lesson.scorm_package)),
        },
    }
    response = render(request, "academie/scorm_launch.html", context)
    return protect_launch_page(response, token_folder(request, token), context)


# The launch page's own files, loaded from the site (the content host serves packages only).
LAUNCH_SCRIPTS = ["vendor/scorm-again/cross-frame-api.min.js", "js/scorm-launch.js"]
LAUNCH_STYLESHEET = "css/scorm-launch.css"


def site_static(path):
    """The absolute URL of a static file on the site's origin."""
    return urljoin(site_origin() + "/", static(path))


def token_folder(request, token):
    """The absolute URL of the folder a token's package files are served from."""
    return request.build_absolute_uri(reverse("academie:scorm_launch", args=[token]))


def token_max_age():
    return getattr(settings, "KPO_SCORM_CONTENT_MAX_AGE", DEFAULT_TOKEN_MAX_AGE)


def content_user(request, user_id):
    """The learner a package file is for. On the site's origin the session must be theirs;
    on a separate content origin (no session cookie there) the signed token identifies them."""
    if content_origin():
        if not is_content_host(request):
            raise Http404
        return get_object_or_404(get_user_model(), pk=user_id, is_active=True)
    if request.user.pk != user_id:
        raise PermissionDenied
    return request.user


def is_content_host(request):
    """The request came in on the separate content origin's host."""
    return bool(content_origin()) and request.get_host() == urlsplit(content_origin()).netloc


def site_origin():
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return f"{parts.scheme}://{parts.netloc}"


def protect(response, folder):
    """Headers for package files: only the player may frame them, no sniffing, and a
    policy that lets the package load its own files (including the inline scripts and
    styles that authoring tools produce) but nothing from elsewhere. On a separate content
    origin the package sits in the launch page (same origin) inside the player (the site):
    frame-ancestors checks every ancestor, so both are named."""
    own = folder
    ancestors = f"'self' {site_origin()}" if content_origin() else "'self'"
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
    return common_headers(response, "private, max-age=3600")


def protect_launch_page(response, folder, context):
    """Headers for the launch page: its two scripts and stylesheet from the site and
    nothing inline; it may only frame the package's folder and only be framed by the site."""
    response.headers["Content-Security-Policy"] = "; ".join(
        [
            "default-src 'none'",
            "script-src " + " ".join(context["scripts"]),
            f"style-src {context['stylesheet']}",
            f"frame-src {folder}",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            f"frame-ancestors {site_origin()}",
        ]
    )
    return common_headers(response, "private, no-store")


def common_headers(response, cache_control):
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cross-Origin-Resource-Policy"] = "same-site"
    response.headers["Cache-Control"] = cache_control
    return response
