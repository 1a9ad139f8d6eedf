"""The academy's forms: the catalogue filter, the quiz and the SCORM package upload."""

from functools import partial

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from academie import tasks
from academie.certificates import normalise_code
from academie.models import TRAINING_FORMAT, CourseFormat, QuestionKind, ScormPackage
from academie.scorm import package
from kpo.models import Theme

DURATIONS = {
    "kort": (_("Tot 30 minuten"), 0, 30),
    "middel": (_("30 tot 60 minuten"), 31, 60),
    "lang": (_("Langer dan een uur"), 61, None),
}
INVALID_CHOICE = _("Kies een van de mogelijkheden uit de lijst.")


class CatalogueFilterForm(forms.Form):
    """Narrows the academy catalogue. Every field is optional."""

    thema = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle thema's"),
        error_messages={"invalid_choice": INVALID_CHOICE},
    )
    vorm = forms.ChoiceField(
        label=_("Vorm"),
        choices=[("", _("Alle vormen")), *CourseFormat.choices, (TRAINING_FORMAT, _("Training"))],
        required=False,
        error_messages={"invalid_choice": INVALID_CHOICE},
    )
    duur = forms.ChoiceField(
        label=_("Duur"),
        choices=[("", _("Elke duur")), *((key, value[0]) for key, value in DURATIONS.items())],
        required=False,
        error_messages={"invalid_choice": INVALID_CHOICE},
    )

    def filter(self, courses):
        """Narrow a queryset of course or training pages (a training's format is fixed)."""
        data = self.cleaned_data
        if data["thema"]:
            courses = courses.filter(themes=data["thema"])
        if data["vorm"]:
            courses = filter_format(courses, data["vorm"])
        if data["duur"]:
            _label, minimum, maximum = DURATIONS[data["duur"]]
            courses = courses.filter(duration_minutes__gte=minimum)
            if maximum is not None:
                courses = courses.filter(duration_minutes__lte=maximum)
        return courses


def filter_format(pages, value):
    if pages.model.format == TRAINING_FORMAT:
        return pages if value == TRAINING_FORMAT else pages.none()
    return pages.filter(format=value)


class QuizForm(forms.Form):
    """One field per question, in the order given; keeps the answers when invalid."""

    def __init__(self, questions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = {}
        for number, question in enumerate(questions, start=1):
            # Unsaved questions (an editor's preview) have no id yet.
            name = f"vraag-{question.pk}" if question.pk else f"nieuwe-vraag-{number}"
            self.questions[name] = question
            self.fields[name] = question_field(number, question)

    def selected(self):
        """The chosen answer ids per question id."""
        return {
            question.pk: {int(value) for value in as_list(self.cleaned_data[name])}
            for name, question in self.questions.items()
        }


def as_list(value):
    return value if isinstance(value, list) else [value]


def question_field(number, question):
    label = f"{number}. {question.text}"
    choices = [(str(answer.pk), answer.text) for answer in question.answers.all()]
    if question.kind == QuestionKind.MULTIPLE:
        return forms.MultipleChoiceField(
            label=label,
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("Kies alle juiste antwoorden."),
            error_messages={
                "required": _("Kies minstens één antwoord."),
                "invalid_choice": _("Kies alleen antwoorden uit de lijst."),
                "invalid_list": _("Kies alleen antwoorden uit de lijst."),
            },
        )
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        help_text=_("Kies één antwoord."),
        error_messages={
            "required": _("Kies een antwoord."),
            "invalid_choice": _("Kies een antwoord uit de lijst."),
        },
    )


class ScormPackageAdminForm(WagtailAdminModelForm):
    """Uploads a SCORM 1.2 zip: checked completely before anything is unpacked; each new
    upload becomes the package's next version in its own storage folder."""

    package = forms.FileField(
        label=_("Pakket (zip)"),
        required=False,
        help_text=_(
            "Een SCORM 1.2-pakket als zip-bestand met imsmanifest.xml in de hoofdmap. "
            "Een nieuw bestand wordt een nieuwe versie; deelnemers houden hun voortgang."
        ),
    )

    class Meta:
        model = ScormPackage
        fields = ["title"]

    def clean_package(self):
        upload = self.cleaned_data.get("package")
        if upload is None:
            if not self.instance.version:
                raise forms.ValidationError(_("Kies het zip-bestand van het pakket."))
            return None
        self.checked_package = package.check_package(upload)
        return upload

    def save(self, commit=True):
        instance = super().save(commit=False)
        upload = self.cleaned_data.get("package")
        if upload is not None:
            package.install(instance, upload, self.checked_package)
        if commit:
            instance.save()
            self.save_m2m()
            if upload is not None:
                transaction.on_commit(partial(tasks.schedule_old_version_removal, instance))
        return instance


class CertificateCodeForm(forms.Form):
    """The public check of a certificate's verification code."""

    code = forms.CharField(
        label=_("Verificatiecode"),
        max_length=40,
        help_text=_(
            "De code staat onderaan het certificaat, bijvoorbeeld KPO-7HQ2-MXR9-C4TW-PZ3K."
        ),
        error_messages={"required": _("Vul de verificatiecode in.")},
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(_("Vul de verificatiecode in."))
        return code
