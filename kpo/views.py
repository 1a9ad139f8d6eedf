from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_GET


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
