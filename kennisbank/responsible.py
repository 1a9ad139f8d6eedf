"""Who is responsible for a kennisbank page: its owner, else the content owner of one of its
themes (the first by theme name that has one), else the Redactieraad. People who are inactive
or may no longer edit pages are passed over. The review report and the review reminders both
ask this module."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from wagtail.permission_policies.pages import PagePermissionPolicy

from kpo import roles

from .models import ProductPage, ThemaPage


class Source:
    OWNER = "owner"
    THEME = "theme"
    EDITORIAL_BOARD = "editorial_board"


@dataclass(frozen=True)
class Responsible:
    """A person (``user``; ``theme`` names the theme that made them responsible, if any), or
    the Redactieraad when ``user`` is None."""

    source: str
    user: object = None
    theme: str = ""

    @property
    def label(self) -> str:
        if self.user is None:
            return roles.EDITORIAL_BOARD
        return self.user.get_full_name() or self.user.email

    @property
    def reason(self) -> str:
        if self.source == Source.OWNER:
            return _("eigenaar")
        if self.source == Source.THEME:
            return _("inhoudelijk eigenaar van het thema %(theme)s") % {"theme": self.theme}
        return _("geen eigenaar of inhoudelijk eigenaar")


def page_editors():
    """Active people who may edit pages: members of a group with page permissions, and
    superusers. Only they can be made responsible for a page."""
    return PagePermissionPolicy().users_with_any_permission(["change", "publish"])


def editorial_board_members():
    """The active members of the Redactieraad who have an email address, in a stable order."""
    return (
        get_user_model()
        .objects.filter(groups__name=roles.EDITORIAL_BOARD, is_active=True)
        .exclude(email="")
        .order_by("pk")
    )


def responsible_for(page) -> Responsible:
    """The responsible person or group of one kennisbank page."""
    return responsible_for_pages([page])[page.pk]


def responsible_for_pages(pages) -> dict:
    """``{page pk: Responsible}`` for kennisbank pages, in three queries whatever their number
    (themes of theme pages, themes of products, the people)."""
    pages = list(pages)
    page_ids = [page.pk for page in pages]
    candidates = theme_content_owners(page_ids)
    person_ids = {page.owner_id for page in pages} | {
        person_id for owners in candidates.values() for _theme, person_id in owners
    }
    people = {person.pk: person for person in page_editors().filter(pk__in=person_ids - {None})}
    return {page.pk: decide(page.owner_id, candidates.get(page.pk, []), people) for page in pages}


def theme_content_owners(page_ids) -> dict:
    """``{page pk: [(theme name, content owner id), …]}``, by theme name, for the themes that
    have a content owner: a theme page's own theme, a product's themes."""
    own_themes = ThemaPage.objects.filter(pk__in=page_ids, content_owner__isnull=False)
    product_themes = ProductPage.themes.through.objects.filter(
        productpage_id__in=page_ids, theme__page__content_owner__isnull=False
    )
    rows = [
        *own_themes.values_list("pk", "theme__name", "content_owner_id"),
        *product_themes.values_list(
            "productpage_id", "theme__name", "theme__page__content_owner_id"
        ),
    ]
    candidates = {}
    for page_id, theme_name, person_id in sorted(rows, key=lambda row: row[1]):
        candidates.setdefault(page_id, []).append((theme_name, person_id))
    return candidates


def decide(owner_id, candidates, people) -> Responsible:
    """The owner if available, else the first available content owner, else the board."""
    if owner_id in people:
        return Responsible(Source.OWNER, people[owner_id])
    for theme_name, person_id in candidates:
        if person_id in people:
            return Responsible(Source.THEME, people[person_id], theme_name)
    return Responsible(Source.EDITORIAL_BOARD)
