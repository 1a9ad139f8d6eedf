"""Wagtail admin views: the approval queue and the security audit log for beheerders,
and the account settings fitted to KPO's user model."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.account import AccountView, BaseSettingsPanel, NameEmailSettingsPanel
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from kpo import approval, roles
from kpo.models import AuditEvent, User


def administrators_only(view_func):
    """Only beheerders and superusers; anyone else gets a 403."""

    def wrapper(request, *args, **kwargs):
        if not roles.is_administrator(request.user):
            raise PermissionDenied
        return view_func(request, *args, **kwargs)

    return wrapper


def pending_user(pk):
    return get_object_or_404(approval.pending_applications(), pk=pk)


@method_decorator(administrators_only, name="dispatch")
class ApprovalQueueView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Aanvragen")
    header_icon = "user"
    template_name = "kpo/admin/approval_queue.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(applications=approval.pending_applications(), **kwargs)


@require_POST
@administrators_only
def approve_application(request, pk):
    user = pending_user(pk)
    approval.approve(request, user, actor=request.user)
    messages.success(
        request, _("%(name)s is goedgekeurd en heeft een e-mail gekregen.") % {"name": user}
    )
    return redirect("kpo_approval_queue")


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden van afwijzing"),
        max_length=2000,
        help_text=_("Deze tekst staat in de e-mail aan de aanvrager."),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Geef een reden op: de aanvrager krijgt die te lezen.")},
    )


@method_decorator(administrators_only, name="dispatch")
class RejectApplicationView(WagtailAdminTemplateMixin, FormView):
    page_title = _("Aanvraag afwijzen")
    header_icon = "user"
    template_name = "kpo/admin/reject_application.html"
    form_class = RejectForm

    def dispatch(self, request, *args, **kwargs):
        self.applicant = pending_user(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.applicant)

    def get_context_data(self, **kwargs):
        return super().get_context_data(applicant=self.applicant, **kwargs)

    def form_valid(self, form):
        approval.reject(
            self.request, self.applicant, form.cleaned_data["reason"], self.request.user
        )
        messages.success(
            self.request, _("De aanvraag van %(name)s is afgewezen.") % {"name": self.applicant}
        )
        return redirect("kpo_approval_queue")


class AuditFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Gebeurtenis"),
        choices=[("", _("Alle gebeurtenissen")), *AuditEvent.Kind.choices],
        required=False,
    )
    q = forms.CharField(label=_("E-mailadres of naam"), required=False)


@method_decorator(administrators_only, name="dispatch")
class AuditLogView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Beveiligingslogboek")
    header_icon = "history"
    template_name = "kpo/admin/audit_log.html"
    per_page = 50

    def events(self, form):
        events = AuditEvent.objects.select_related("user", "actor")
        if not form.is_valid():
            return events
        if form.cleaned_data["kind"]:
            events = events.filter(kind=form.cleaned_data["kind"])
        if query := form.cleaned_data["q"].strip():
            matching_users = User.objects.filter(email__icontains=query) | User.objects.filter(
                full_name__icontains=query
            )
            events = events.filter(user__in=matching_users) | events.filter(
                identifier__icontains=query
            )
        return events

    def get_context_data(self, **kwargs):
        form = AuditFilterForm(self.request.GET)
        page = Paginator(self.events(form), self.per_page).get_page(self.request.GET.get("p"))
        return super().get_context_data(filter_form=form, page_obj=page, **kwargs)


class FullNameForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name"]


class FullNameSettingsPanel(BaseSettingsPanel):
    """KPO users have one full name (no first and last name); the email address is
    changed through allauth, with verification."""

    name = "name"
    title = _("Naam")
    order = 100
    form_class = FullNameForm


class AccountSettingsView(AccountView):
    """Wagtail's account settings with the name panel fitted to KPO's user model."""

    def get_panels(self):
        return [
            FullNameSettingsPanel(self.request, self.request.user, None)
            if isinstance(panel, NameEmailSettingsPanel)
            else panel
            for panel in super().get_panels()
        ]


account_settings = require_admin_access(AccountSettingsView.as_view())
