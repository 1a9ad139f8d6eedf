import sys

from django.contrib.auth.decorators import login_required
from django.db import DatabaseError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views import defaults
from django.views.decorators.http import require_GET

from kpo.s3storage import StorageUnavailable, storage_unavailable

DATABASE_RETRY_SECONDS = 30


@login_required
def account_overview(request):
    """'Mijn account': the member's details and links to manage login and email."""
    return TemplateResponse(request, "kpo/account_overview.html")


@require_GET
def redirect_to_allauth_login(request):
    """Wagtail's own login views would bypass allauth's rate limits and MFA: send them on."""
    target = reverse("account_login")
    next_url = request.GET.get("next")
    if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        target = f"{target}?{urlencode({'next': next_url})}"
    return redirect(target)


@require_GET
def redirect_to_allauth_password_reset(request):
    return redirect("account_reset_password")


def server_error(request):
    """``handler500``: a database outage gets the 'tijdelijk niet beschikbaar' page with
    status 503 and Retry-After (a page that needs no database), a file the object store
    cannot give now its own 503 page (``kpo.s3storage``); anything else is a 500."""
    error = sys.exc_info()[1]
    if isinstance(error, StorageUnavailable):
        return storage_unavailable(request)
    if not isinstance(error, DatabaseError):
        return defaults.server_error(request)
    return service_unavailable(request)


def service_unavailable(request):
    response = HttpResponse(loader.render_to_string("503.html", request=None), status=503)
    response["Retry-After"] = str(DATABASE_RETRY_SECONDS)
    add_never_cache_headers(response)
    return response


# Areas behind a login, and result pages that only repeat the kennisbank, stay uncrawled.
ROBOTS_DISALLOWED = (
    "/admin/",
    "/accounts/",
    "/mijn-account/",
    "/communities/",
    "/zoeken/",
    "/api/",
)


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOWED)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
