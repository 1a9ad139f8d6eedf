"""Member-facing account views: profile, 'Vind een collega', data export, deletion."""

import json

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kpo import audit, privacy, profiles
from kpo.access import MEMBERS, can_see
from kpo.forms import DirectoryFilterForm, ProfileForm
from kpo.models import AuditEvent

DIRECTORY_PAGE_SIZE = 20


def members_only(view_func):
    """Approved members only: visitors are asked to log in, others get a 403."""

    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_see(request.user, MEMBERS):
            raise PermissionDenied
        return view_func(request, *args, **kwargs)

    return wrapper


@members_only
def member_profile(request, pk):
    member = profiles.listed_members().filter(pk=pk).first()
    if member is None:
        raise Http404
    profile = profiles.public_profile(member, request.user)
    return TemplateResponse(
        request, "kpo/member_profile.html", {"profile": profile, "is_own": member == request.user}
    )


@members_only
def member_directory(request):
    form = DirectoryFilterForm(request.GET or None)
    members = profiles.search_members(**form.filters())
    page = Paginator(members, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    page_profiles = [profiles.public_profile(member, request.user) for member in page]
    extra_query = {key: value for key, value in request.GET.items() if key != "page" and value}
    return TemplateResponse(
        request,
        "kpo/member_directory.html",
        {"form": form, "page_obj": page, "profiles": page_profiles, "extra_query": extra_query},
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Uw profiel is opgeslagen."))
        return redirect("account_overview")
    return TemplateResponse(request, "kpo/profile_form.html", {"form": form})


@login_required
@reauthentication_required
def export_data(request):
    """All of the member's data as a JSON download (AVG right of access)."""
    audit.record(AuditEvent.Kind.DATA_EXPORTED, request, user=request.user)
    data = privacy.export_personal_data(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"kpo-gegevens-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@reauthentication_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    """Delete the member's account after they confirm (AVG right to erasure)."""
    if request.method == "POST":
        privacy.delete_account(request, request.user)
        logout(request)
        messages.success(request, _("Uw account en uw gegevens zijn verwijderd."))
        return redirect("/")
    return TemplateResponse(request, "kpo/delete_account.html")
