"""The admin's document form: KPO's upload check, and a replaced file kept as a version.

Configured through ``WAGTAILDOCS_DOCUMENT_FORM_BASE``."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kpo.media_forms import DocumentForm

from .versions import keep_replaced_file, known_numbers


class VersionedDocumentForm(DocumentForm):
    """Editing a document with a new file keeps the old file as an earlier version, with
    the number and note the editor gives for the new one."""

    version_number = forms.CharField(
        label=_("Versienummer van het nieuwe bestand"),
        max_length=20,
        required=False,
        help_text=_("Bijvoorbeeld 2.1. Leeg laten: het volgende hele nummer, zoals 2.0."),
    )
    version_note = forms.CharField(
        label=_("Wat is er veranderd?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Lezers en redacteuren zien deze toelichting in de versiegeschiedenis."),
    )

    def __init__(self, *args, **kwargs):
        self.user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:  # a new document has no earlier file to keep
            del self.fields["version_number"]
            del self.fields["version_note"]

    @property
    def replaces_file(self) -> bool:
        return bool(self.instance.pk and "file" in self.changed_data and self.original_file)

    def clean_version_number(self):
        number = self.cleaned_data["version_number"].strip()
        if number and number in known_numbers(self.instance):
            raise forms.ValidationError(
                _("Versie %(number)s bestaat al. Kies een ander versienummer."),
                params={"number": number},
            )
        return number

    def clean(self):
        cleaned_data = super().clean()
        described = cleaned_data.get("version_number") or cleaned_data.get("version_note")
        if self.instance.pk and described and "file" not in self.changed_data:
            self.add_error(
                "file",
                _(
                    "Kies het nieuwe bestand voor deze versie; zonder nieuw bestand blijft de "
                    "huidige versie staan."
                ),
            )
        return cleaned_data

    def save(self, commit=True):
        if not (commit and self.replaces_file):
            return super().save(commit=commit)
        with transaction.atomic():
            keep_replaced_file(
                self.instance,
                self.original_file.name,
                self.user,
                number=self.cleaned_data.get("version_number", ""),
                note=self.cleaned_data.get("version_note", ""),
            )
            return super().save(commit=commit)
