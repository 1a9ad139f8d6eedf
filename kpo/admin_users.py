"""Wagtail's user admin, adapted to KPO's user model (email login, full name, organisation)."""

from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from kpo.models import User

PROFILE_FIELDS = ["email", "full_name", "organisation", "job_title", "is_approved"]


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


class UserViewSet(WagtailUserViewSet):
    template_prefix = "kpo/admin/users/"

    def get_form_class(self, for_update=False):
        return KpoUserEditForm if for_update else KpoUserCreationForm
