"""Staff must use multi-factor authentication: until they have an authenticator, every
page sends them to the MFA setup."""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.shortcuts import redirect

# Views a staff member without MFA still needs: setting up MFA and leaving.
EXEMPT_URL_NAMES = {
    "account_logout",
    "account_login",
    "account_reauthenticate",
    "account_email_verification_sent",
    "account_confirm_email",
    "set_language",
}


def is_staff_member(user) -> bool:
    """Staff: superusers and CMS users. ``is_staff`` follows the staff role groups
    (``roles.sync_staff_flag``), so no query is needed on every request."""
    return user.is_authenticated and (user.is_staff or user.is_superuser)


def must_set_up_mfa(user) -> bool:
    return settings.KPO_REQUIRE_MFA_FOR_STAFF and is_staff_member(user) and not is_mfa_enabled(user)


def is_exempt(request) -> bool:
    if request.path.startswith(settings.STATIC_URL):
        return True
    match = request.resolver_match
    name = match.url_name if match else None
    return bool(name) and (name in EXEMPT_URL_NAMES or name.startswith("mfa_"))


class StaffMFAMiddleware:
    """Redirects staff without an authenticator to the TOTP setup, on every other URL."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if is_exempt(request) or not must_set_up_mfa(request.user):
            return None
        return redirect("mfa_activate_totp")
