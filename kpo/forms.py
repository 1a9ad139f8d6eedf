from django import forms
from django.forms.models import ModelChoiceIterator
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from kpo.models import Organisation, Theme, User


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


class ProfileForm(forms.ModelForm):
    """The member's own profile and which parts other members may see."""

    organisation = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisation.objects.all(),
        required=False,
        empty_label=_("Andere organisatie (hieronder)"),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thema's"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = User
        fields = [
            "full_name",
            "organisation",
            "organisation_other",
            "job_title",
            "expertise",
            "themes",
            "show_organisation",
            "show_job_title",
            "show_expertise",
            "show_themes",
            "show_email",
        ]
        widgets = {"expertise": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "expertise": _("Waar kunnen collega's u over benaderen? Bijvoorbeeld: Bibob-toetsen."),
        }

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("organisation") and not cleaned.get("organisation_other", "").strip():
            self.add_error("organisation_other", _("Kies uw organisatie of vul de naam ervan in."))
        return cleaned


class DirectoryFilterForm(forms.Form):
    """'Vind een collega': search by name and expertise, filter by organisation and theme."""

    naam = forms.CharField(label=_("Naam"), required=False, max_length=200)
    expertise = forms.CharField(label=_("Expertise of functie"), required=False, max_length=200)
    organisatie = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisation.objects.all(),
        required=False,
        empty_label=_("Alle organisaties"),
    )
    thema = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=Theme.objects.all(),
        required=False,
        empty_label=_("Alle thema's"),
        to_field_name="slug",
    )

    def filters(self):
        """Keyword arguments for ``kpo.profiles.search_members`` (empty when invalid)."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "name": data["naam"].strip(),
            "expertise": data["expertise"].strip(),
            "organisation": data["organisatie"],
            "theme": data["thema"],
        }
