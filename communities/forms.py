from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

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


class JoinForm(forms.Form):
    motivation = forms.CharField(
        label=_("Motivatie"),
        max_length=2000,
        help_text=_("Waarom wilt u meedoen, en wat kunt u inbrengen?"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class TopicForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort"),
        choices=TopicKind.choices,
        initial=TopicKind.DISCUSSION,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(label=_("Titel"), max_length=200)
    source = post_field(_("Bericht"))


class PostForm(forms.Form):
    source = post_field(_("Uw reactie"))


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
