"""Who is responsible for a kennisbank page: owner, else theme content owner, else the board."""

import pytest

from kennisbank.factories import HandreikingPageFactory, ThemaPageFactory
from kennisbank.responsible import (
    Source,
    editorial_board_members,
    page_editors,
    responsible_for,
    responsible_for_pages,
)
from kpo import roles
from kpo.factories import StaffUserFactory, ThemeFactory, UserFactory

pytestmark = pytest.mark.django_db


def editor(**fields):
    return StaffUserFactory(group=roles.EDITORS, mfa=False, **fields)


@pytest.fixture
def bibob(kennisbank):
    """The theme "Wet Bibob" with a theme page whose content owner is Ilse."""
    theme = ThemeFactory(name="Wet Bibob")
    owner = editor(email="ilse@riec.example", full_name="Ilse de Boer")
    ThemaPageFactory(parent=kennisbank, theme=theme, content_owner=owner)
    return theme


def test_the_owner_is_responsible(kennisbank, bibob):
    owner = editor(full_name="Olga Eigenaar")
    page = HandreikingPageFactory(parent=kennisbank, owner=owner, themes=[bibob])

    responsible = responsible_for(page)

    assert (responsible.source, responsible.user) == (Source.OWNER, owner)
    assert (responsible.label, responsible.reason) == ("Olga Eigenaar", "eigenaar")


@pytest.mark.parametrize(
    "gone",
    [{"is_active": False}, {"group": None, "is_staff": False}],
    ids=["inactive", "no-longer-an-editor"],
)
def test_an_owner_who_left_is_passed_over_for_the_themes_content_owner(kennisbank, bibob, gone):
    owner = StaffUserFactory(**{"group": roles.EDITORS, "mfa": False, **gone})
    page = HandreikingPageFactory(parent=kennisbank, owner=owner, themes=[bibob])

    responsible = responsible_for(page)

    assert responsible.source == Source.THEME
    assert responsible.user.email == "ilse@riec.example"
    assert responsible.reason == "inhoudelijk eigenaar van het thema Wet Bibob"


def test_the_first_theme_by_name_with_an_available_content_owner_answers(kennisbank, bibob):
    apv = ThemeFactory(name="Bestuurlijke aanpak en APV")
    left = editor()
    ThemaPageFactory(parent=kennisbank, theme=apv, content_owner=left)
    left.is_active = False
    left.save()
    horeca = ThemeFactory(name="Horeca")
    horeca_owner = editor()
    ThemaPageFactory(parent=kennisbank, theme=horeca, content_owner=horeca_owner)
    page = HandreikingPageFactory(parent=kennisbank, themes=[horeca, bibob, apv])

    responsible = responsible_for(page)

    assert (responsible.theme, responsible.user) == ("Horeca", horeca_owner)


def test_a_theme_page_answers_with_its_own_content_owner(kennisbank, bibob):
    theme_page = bibob.page

    responsible = responsible_for(theme_page)

    assert (responsible.source, responsible.theme) == (Source.THEME, "Wet Bibob")


def test_without_owner_or_content_owner_the_editorial_board_is_responsible(kennisbank):
    theme = ThemeFactory(name="Mensenhandel")
    theme_page = ThemaPageFactory(parent=kennisbank, theme=theme)  # no content owner
    product = HandreikingPageFactory(parent=kennisbank, themes=[theme])
    without_theme = HandreikingPageFactory(parent=kennisbank, themes=[ThemeFactory()])

    responsible = responsible_for_pages([theme_page, product, without_theme])

    assert {r.source for r in responsible.values()} == {Source.EDITORIAL_BOARD}
    assert responsible[without_theme.pk].label == "Redactieraad"
    assert responsible[without_theme.pk].reason == "geen eigenaar of inhoudelijk eigenaar"


def test_many_pages_take_three_queries(kennisbank, bibob, django_assert_num_queries):
    pages = [HandreikingPageFactory(parent=kennisbank, themes=[bibob]) for _ in range(6)]
    pages.append(HandreikingPageFactory(parent=kennisbank, owner=editor()))

    with django_assert_num_queries(3):
        responsible = responsible_for_pages(pages)

    assert [r.source for r in responsible.values()] == [Source.THEME] * 6 + [Source.OWNER]


def test_page_editors_and_board_members_are_active_people_with_the_right_role():
    board = StaffUserFactory(group=roles.EDITORIAL_BOARD, mfa=False)
    StaffUserFactory(group=roles.EDITORIAL_BOARD, mfa=False, is_active=False)
    the_editor = editor()
    manager = StaffUserFactory(group=roles.COMMUNITY_MANAGERS, mfa=False)
    member = UserFactory()

    assert list(editorial_board_members()) == [board]
    editors = set(page_editors())
    assert {board, the_editor} <= editors
    assert manager not in editors and member not in editors
