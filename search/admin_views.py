"""The search-terms report in the Wagtail admin (Rapporten > Zoektermen)."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .terms import top_terms

PERIODS = {7: _("7 dagen"), 30: _("30 dagen"), 90: _("90 dagen"), 365: _("een jaar")}
DEFAULT_PERIOD = 30
REPORT_PERMISSION = "wagtailsearchpromotions.change_searchpromotion"


def can_view_report(user) -> bool:
    """Those who manage promoted results (redacteuren, beheerders) see what is searched."""
    return user.has_perm(REPORT_PERMISSION)


def search_terms_report(request):
    if not can_view_report(request.user):
        raise PermissionDenied
    days = request.GET.get("periode", "")
    days = int(days) if days.isdigit() and int(days) in PERIODS else DEFAULT_PERIOD
    return TemplateResponse(
        request,
        "search/admin/search_terms.html",
        {
            "periods": PERIODS.items(),
            "days": days,
            "frequent": top_terms(days),
            "no_results": top_terms(days, no_results=True),
        },
    )
