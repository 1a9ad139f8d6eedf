from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from communities.library import check_upload
from communities.membership import set_managers
from communities.models import EmailFrequency, FollowLevel, Role, TopicKind

POST_HELP = _(
    "Platte tekst of eenvoudige HTML (vet, cursief, lijsten, links). "
    "Noem een lid met @naam, bijvoorbeeld @lars-mulder."
)


class CommunityAdminForm(WagtailAdminModelForm):
    """The Wagtail admin form of a community, with its managers."""

    managers = forms.ModelMultipleChoiceField(
        label=_("community managers"),
        queryset=get_user_model().objects.filter(is_active=True, is_approved=True),
        required=False,
        help_text=_("Zij beheren de leden en modereren de berichten."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["managers"] = list(
                self.instance.memberships.filter(role=Role.MANAGER).values_list("user", flat=True)
            )

    def save(self, commit=True):
        community = super().save(commit=commit)
        if commit:
            set_managers(community, self.cleaned_data["managers"])
        return community


def post_field(label):
    return forms.CharField(
        label=label,
        max_length=20000,
        help_text=POST_HELP,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class CheckedFilesField(forms.FileField):
    """Zero or more files, each checked by ``kpo.uploads`` as ``kind``; cleans to a list of
    ``communities.library.CheckedUpload``."""

    def __init__(self, kind, max_files, **kwargs):
        self.kind, self.max_files = kind, max_files
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(required=False, **kwargs)

    def clean(self, data, initial=None):
        files = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if len(files) > self.max_files:
            raise ValidationError(
                _("U kunt hoogstens %(count)d bestanden tegelijk toevoegen.")
                % {"count": self.max_files}
            )
        checked, errors = [], []
        for item in files:
            super().clean(item, initial)
            try:
                checked.append(check_upload(item, self.kind))
            except ValidationError as error:
                errors.extend(f"{item.name}: {message}" for message in error.messages)
        if errors:
            raise ValidationError(errors)
        return checked


class CheckedFileField(forms.FileField):
    """One file checked by ``kpo.uploads`` as ``kind``; cleans to a ``CheckedUpload``."""

    def __init__(self, kind, **kwargs):
        self.kind = kind
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        return check_upload(uploaded, self.kind) if uploaded else None


MAX_ATTACHMENTS = 5


class AttachmentsMixin(forms.Form):
    """Attachments and images that come with a post."""

    images = CheckedFilesField(
        "image",
        MAX_ATTACHMENTS,
        label=_("Afbeeldingen"),
        help_text=_("Worden in het bericht getoond. PNG, JPEG, GIF, WebP of SVG."),
    )
    attachments = CheckedFilesField(
        "attachment",
        MAX_ATTACHMENTS,
        label=_("Bijlagen"),
        help_text=_("Bijvoorbeeld een PDF- of Word-document. Alleen leden kunnen ze openen."),
    )


class JoinForm(forms.Form):
    motivation = forms.CharField(
        label=_("Motivatie"),
        max_length=2000,
        help_text=_("Waarom wilt u meedoen, en wat kunt u inbrengen?"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class TopicForm(AttachmentsMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort"),
        choices=TopicKind.choices,
        initial=TopicKind.DISCUSSION,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(label=_("Titel"), max_length=200)
    source = post_field(_("Bericht"))

    field_order = ["kind", "title", "source"]


class PostForm(AttachmentsMixin, forms.Form):
    source = post_field(_("Uw reactie"))

    field_order = ["source"]


class EditPostForm(PostForm):
    """Editing a post: new text, more files, and the files to take away."""

    remove_attachments = forms.ModelMultipleChoiceField(
        label=_("Bestanden verwijderen"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Aangevinkte afbeeldingen en bijlagen worden uit het bericht verwijderd."),
    )

    def __init__(self, *args, post, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remove_attachments"].queryset = post.attachments.all()
        if not post.attachments.exists():
            del self.fields["remove_attachments"]


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_("Ook iemand zonder account: na aanmelden is die persoon meteen lid."),
    )


class FollowForm(forms.Form):
    level = forms.ChoiceField(label=_("Meldingen"), choices=FollowLevel.choices)


class EmailSettingsForm(forms.Form):
    email_frequency = forms.ChoiceField(
        label=_("E-mail over communities"),
        choices=EmailFrequency.choices,
        widget=forms.RadioSelect,
        help_text=_("Meldingen blijven altijd zichtbaar onder ‘Mijn meldingen’."),
    )


class FolderForm(forms.Form):
    name = forms.CharField(label=_("Naam van de map"), max_length=150)


class FileForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    description = forms.CharField(
        label=_("Omschrijving"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    upload = CheckedFileField("community_file", label=_("Bestand"))


class VersionForm(forms.Form):
    upload = CheckedFileField(
        "community_file",
        label=_("Nieuwe versie"),
        help_text=_("De vorige versies blijven bewaard en te downloaden."),
    )
