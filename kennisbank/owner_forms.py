"""Give several kennisbank pages a new owner at once, from the review report."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import KennisbankPage
from .responsible import page_editors

REASSIGN_ACTION = "kennisbank.reassign_owner"


def person_data(user):
    """What the page history keeps of an owner: enough to read it after the account is gone."""
    if user is None:
        return None
    return {"id": user.pk, "name": user.get_full_name(), "email": user.email}


def person_name(data) -> str:
    return (data or {}).get("name") or (data or {}).get("email") or ""


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_full_name() or obj.email} ({obj.email})"


class ReassignOwnersForm(forms.Form):
    """Pages the user may edit, and the person (someone who may edit pages) to own them."""

    pages = forms.ModelMultipleChoiceField(
        queryset=KennisbankPage.objects.none(),
        error_messages={
            "required": _("Selecteer een of meer pagina's die een nieuwe eigenaar krijgen."),
            "invalid_choice": _(
                "Je mag niet alle gekozen pagina's bewerken, of een ervan bestaat niet meer. "
                "Er is niets gewijzigd."
            ),
            "invalid_pk_value": _("“%(pk)s” is geen pagina. Er is niets gewijzigd."),
        },
    )
    owner = OwnerChoiceField(
        label=_("Nieuwe eigenaar"),
        queryset=get_user_model().objects.none(),
        empty_label=_("Kies een persoon"),
        help_text=_("Alleen mensen die pagina's mogen bewerken."),
        error_messages={
            "required": _("Kies wie de nieuwe eigenaar wordt."),
            "invalid_choice": _(
                "Deze persoon mag geen pagina's bewerken en kan geen eigenaar worden. "
                "Kies iemand anders."
            ),
        },
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        editable = PagePermissionPolicy().instances_user_has_any_permission_for(
            user, ["change", "publish"]
        )
        self.fields["pages"].queryset = KennisbankPage.objects.filter(pk__in=editable.values("pk"))
        self.fields["owner"].queryset = page_editors().order_by("full_name", "email")

    def selected_page_ids(self) -> set:
        """The page ids the user ticked, valid or not, to tick them again after an error."""
        return set(self.data.getlist("pages")) if self.is_bound else set()

    def save(self, actor) -> int:
        """Give the chosen pages their new owner; each change goes into the page's history.
        Returns the number of pages whose owner changed."""
        owner = self.cleaned_data["owner"]
        changed = list(self.cleaned_data["pages"].exclude(owner=owner).order_by("pk").specific())
        previous_owners = get_user_model().objects.in_bulk({page.owner_id for page in changed})
        Page.objects.filter(pk__in=[page.pk for page in changed]).update(owner=owner)
        for page in changed:
            previous_owner = previous_owners.get(page.owner_id)
            log(
                page,
                REASSIGN_ACTION,
                user=actor,
                data={"previous_owner": person_data(previous_owner), "owner": person_data(owner)},
            )
        return len(changed)

    def success_message(self, count) -> str:
        owner = self.cleaned_data["owner"]
        if not count:
            return _("De gekozen pagina's hadden %(name)s al als eigenaar.") % {
                "name": owner.get_full_name() or owner.email
            }
        return ngettext(
            "%(count)d pagina heeft nu %(name)s als eigenaar.",
            "%(count)d pagina's hebben nu %(name)s als eigenaar.",
            count,
        ) % {"count": count, "name": owner.get_full_name() or owner.email}


class OwnerReassignedFormatter(LogFormatter):
    """How a change of owner reads in a page's history."""

    label = _("Eigenaar gewijzigd")

    def format_message(self, log_entry):
        names = {key: person_name(log_entry.data.get(key)) for key in ("previous_owner", "owner")}
        if names["previous_owner"]:
            return _("Eigenaar gewijzigd van %(previous_owner)s in %(owner)s") % names
        return _("Eigenaar gewijzigd in %(owner)s") % names
