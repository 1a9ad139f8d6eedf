"""Wagtail's user admin, adapted to KPO's user model (email login, full name, organisation).

When a beheerder changes a user's email address, that address becomes the user's only
allauth address, primary and *unverified*: allauth sends a confirmation link to it at
once (and again at the next login until it is confirmed). Keeping it verified would let
a mistyped or hostile address receive password resets for the account without ever
proving it belongs to the user."""

from allauth.account.models import EmailAddress
from allauth.core import context
from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from kpo import audit
from kpo.models import AuditEvent, User

PROFILE_FIELDS = ["email", "full_name", "organisation", "job_title", "is_approved"]


def email_in_use(email, user) -> bool:
    """Whether another account logs in with ``email`` or has it among its addresses."""
    others = User.objects.exclude(pk=user.pk)
    return (
        others.filter(email__iexact=email).exists()
        or EmailAddress.objects.exclude(user=user).filter(email__iexact=email).exists()
    )


@transaction.atomic
def replace_login_email(request, user):
    """Make ``user.email`` the user's one allauth address, unverified, and ask the user to
    confirm it (the confirmation is sent when there is a request to build the link from)."""
    EmailAddress.objects.filter(user=user).delete()
    address = EmailAddress.objects.create(user=user, email=user.email, primary=True)
    audit.record(AuditEvent.Kind.EMAIL_CHANGED, request, user=user)
    if request is not None:
        address.send_confirmation(request)
    return address


class KpoUserCreationForm(UserCreationForm):
    first_name = None
    last_name = None

    class Meta(UserCreationForm.Meta):
        model = User
        fields = [*PROFILE_FIELDS, "is_superuser", "groups"]
        widgets = {"groups": forms.CheckboxSelectMultiple}


class KpoUserEditForm(UserEditForm):
    first_name = None
    last_name = None

    class Meta(UserEditForm.Meta):
        model = User
        fields = [*PROFILE_FIELDS, "is_active", "is_superuser", "groups"]
        widgets = {"groups": forms.CheckboxSelectMultiple}

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email_in_use(email, self.instance):
            raise forms.ValidationError(_("Dit e-mailadres hoort al bij een ander account."))
        return email

    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit and "email" in self.changed_data:
            replace_login_email(context.request, user)
        return user


class UserViewSet(WagtailUserViewSet):
    template_prefix = "kpo/admin/users/"

    def get_form_class(self, for_update=False):
        return KpoUserEditForm if for_update else KpoUserCreationForm
