from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from kpo.models import Organisation


class KpoFormRenderer(TemplatesSetting):
    """Renders every Django form with the site's accessible Utrecht form components."""

    form_template_name = "components/forms/form.html"
    field_template_name = "components/forms/field.html"


class SignupForm(forms.Form):
    """Extra fields on allauth's signup form: who the professional is and where they work."""

    full_name = forms.CharField(
        label=_("Volledige naam"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisation.objects.all(),
        empty_label=_("Kies uw organisatie"),
        help_text=_("De RIEC-partner waar u werkt."),
    )
    job_title = forms.CharField(
        label=_("Functie"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )

    def signup(self, request, user):
        user.full_name = self.cleaned_data["full_name"]
        user.organisation = self.cleaned_data["organisation"]
        user.job_title = self.cleaned_data["job_title"]
        user.save()
