from django import forms
from django.forms.models import ModelChoiceIterator
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from kpo.models import Organisation, Theme


class KpoFormRenderer(TemplatesSetting):
    """Renders every Django form with the site's accessible Utrecht form components."""

    form_template_name = "components/forms/form.html"
    field_template_name = "components/forms/field.html"


OTHER_ORGANISATION = "other"


class OrganisationChoiceIterator(ModelChoiceIterator):
    def __iter__(self):
        yield from super().__iter__()
        yield (OTHER_ORGANISATION, _("Andere organisatie…"))

    def __len__(self):
        return super().__len__() + 1


class OrganisationChoiceField(forms.ModelChoiceField):
    """The managed list of organisations plus one last choice: another organisation."""

    iterator = OrganisationChoiceIterator

    def __init__(self, **kwargs):
        super().__init__(queryset=Organisation.objects.all(), **kwargs)

    def to_python(self, value):
        if value == OTHER_ORGANISATION:
            return OTHER_ORGANISATION
        return super().to_python(value)


class SignupForm(forms.Form):
    """Extra fields on allauth's signup form: who the professional is, where they work,
    what interests them and why they want to join."""

    full_name = forms.CharField(
        label=_("Volledige naam"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = OrganisationChoiceField(
        label=_("Organisatie"),
        empty_label=_("Kies uw organisatie"),
        help_text=_(
            "De RIEC-partner waar u werkt. Staat die er niet bij? Kies 'Andere organisatie'."
        ),
    )
    organisation_other = forms.CharField(
        label=_("Naam van uw organisatie"),
        max_length=200,
        required=False,
        help_text=_("Alleen invullen als u 'Andere organisatie' kiest."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    job_title = forms.CharField(
        label=_("Functie"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thema's die u interesseren"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    join_reason = forms.CharField(
        label=_("Waarom wilt u lid worden?"),
        max_length=2000,
        help_text=_("Bijvoorbeeld: aan welke vraagstukken u werkt en wat u zoekt of kunt delen."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        cleaned = super().clean()
        other_name = cleaned.get("organisation_other", "").strip()
        if cleaned.get("organisation") == OTHER_ORGANISATION and not other_name:
            self.add_error("organisation_other", _("Vul de naam van uw organisatie in."))
        return cleaned

    def signup(self, request, user):
        organisation = self.cleaned_data["organisation"]
        user.full_name = self.cleaned_data["full_name"]
        if organisation == OTHER_ORGANISATION:
            user.organisation = None
            user.organisation_other = self.cleaned_data["organisation_other"].strip()
        else:
            user.organisation = organisation
        user.job_title = self.cleaned_data["job_title"]
        user.join_reason = self.cleaned_data["join_reason"]
        user.save()
        user.themes.set(self.cleaned_data["themes"])
