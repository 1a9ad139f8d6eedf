"""The Content-Security-Policy and the other security headers of every response.

The policy itself lives in the settings (``CONTENT_SECURITY_POLICY``): scripts and styles
only from our own origin or with the request's nonce, never ``'unsafe-inline'`` or
``'unsafe-eval'``; no framing, in either direction. Two views need frames, and each opts in:

- a page that shows same-origin content in an ``<iframe>`` decorates its view with
  :func:`allows_same_origin_frames`, or calls :func:`allow_frames` on its response (the
  SCORM lesson page, a Wagtail page whose ``serve`` is no view function);
- content shown inside such a frame (SCORM package files) decorates its view with
  :func:`frameable_by_same_origin`, or with Django's ``xframe_options_sameorigin``:
  ``frame-ancestors`` always follows ``X-Frame-Options``, so the two headers never disagree
  (Wagtail's own preview views set ``X-Frame-Options: SAMEORIGIN`` this way).

Wagtail's admin shows its preview in an iframe, so admin pages may frame our own origin.
"""

from csp.constants import HEADER, SELF
from csp.decorators import csp_replace
from csp.middleware import CSPMiddleware
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_sameorigin

SAME_ORIGIN_FRAMES = {"frame-src": [SELF]}
FRAMED_BY_SAME_ORIGIN = {"frame-ancestors": [SELF]}

# Browser features the platform never uses, switched off for every page and any frame.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)


def allows_same_origin_frames(view):
    """The view's page may show our own origin's pages in an ``<iframe>``."""
    return csp_replace(SAME_ORIGIN_FRAMES)(view)


def allow_frames(response, *sources):
    """``response``'s page may show these sources (``SELF`` or an origin) in an ``<iframe>``."""
    replace = getattr(response, "_csp_replace", None) or {}
    response._csp_replace = {**replace, "frame-src": list(sources)}
    return response


def frameable_by_same_origin(view):
    """The view's response may be shown in an ``<iframe>`` on one of our own pages."""
    return xframe_options_sameorigin(view)


def is_admin_request(request) -> bool:
    return request.path_info.startswith(reverse("wagtailadmin_home"))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the frame policy tied to ``X-Frame-Options`` and to
    the admin's preview panel, plus the ``Permissions-Policy`` header.

    Wagtail's preview runs the previewed page through the middleware once more, inside the
    admin's request: the policy set in that inner pass is replaced by the admin request's
    (which knows the response may be framed), keeping the inner pass's nonce, which the
    page's HTML uses."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        parts.nonce = getattr(response, "_kpo_csp_nonce", None) or parts.nonce
        replace = dict(parts.replace or {})
        if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            replace.update(FRAMED_BY_SAME_ORIGIN)
        if is_admin_request(request):
            replace.setdefault("frame-src", SAME_ORIGIN_FRAMES["frame-src"])
        parts.replace = replace or None
        return parts

    def process_response(self, request, response):
        if getattr(response, "_kpo_csp_set", False):
            del response[HEADER]  # set in the inner pass of a preview: decided here
        else:
            response._kpo_csp_nonce = None
        set_here = HEADER not in response  # else the view's own (documents: "default-src 'none'")
        response = super().process_response(request, response)
        if set_here and HEADER in response:
            response._kpo_csp_set = True
            inner_nonce = response._kpo_csp_nonce
            response._kpo_csp_nonce = inner_nonce or getattr(request, "_csp_nonce", None)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
