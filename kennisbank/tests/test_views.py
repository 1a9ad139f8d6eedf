"""The admin report "Te herzien"."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageLogEntry

from kennisbank.factories import FactsheetPageFactory, HandreikingPageFactory, ThemaPageFactory
from kennisbank.models import KennisbankPage
from kpo import roles
from kpo.factories import StaffUserFactory, ThemeFactory, UserFactory

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/te-herzien/"


def days(number):
    return timezone.localdate() + datetime.timedelta(days=number)


@pytest.fixture
def editor_client(client):
    editor = UserFactory(email="redacteur@riec.example", full_name="Ruben de Vries", is_staff=True)
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    client.force_login(editor)
    client.user = editor
    return client


def test_report_lists_overdue_and_soon_due_pages_with_owner(editor_client, kennisbank):
    owner = editor_client.user
    HandreikingPageFactory(parent=kennisbank, title="Verlopen", review_date=days(-3), owner=owner)
    FactsheetPageFactory(parent=kennisbank, title="Binnenkort", review_date=days(20), owner=owner)
    HandreikingPageFactory(parent=kennisbank, title="Later", review_date=days(60))
    HandreikingPageFactory(parent=kennisbank, title="Geen datum", review_date=None)

    response = editor_client.get(REPORT_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Verlopen" in html and "Binnenkort" in html and "Ruben de Vries" in html
    assert "Later" not in html and "Geen datum" not in html


def test_report_is_in_the_reports_menu_and_refused_to_members(editor_client, member):
    assert "te-herzien" in editor_client.get("/admin/").content.decode()

    editor_client.force_login(member)

    assert editor_client.get(REPORT_URL).status_code in (302, 403)


def test_report_shows_pages_without_owner(editor_client, kennisbank):
    HandreikingPageFactory(parent=kennisbank, title="Zonder eigenaar", review_date=days(-1))

    response = editor_client.get(REPORT_URL)

    assert response.status_code == 200
    assert "Zonder eigenaar" in response.content.decode()


def test_report_shows_who_is_responsible_and_why(editor_client, kennisbank):
    theme = ThemeFactory(name="Wet Bibob")
    content_owner = StaffUserFactory(group=roles.EDITORS, full_name="Ilse de Boer", mfa=False)
    ThemaPageFactory(parent=kennisbank, theme=theme, content_owner=content_owner)
    HandreikingPageFactory(parent=kennisbank, review_date=days(-2), owner=editor_client.user)
    HandreikingPageFactory(parent=kennisbank, review_date=days(-1), themes=[theme])
    HandreikingPageFactory(parent=kennisbank, review_date=days(3))

    rows = report_rows(editor_client.get(REPORT_URL))

    assert [row[2:] for row in rows] == [
        ["Ruben de Vries", "eigenaar"],
        ["Ilse de Boer", "inhoudelijk eigenaar van het thema Wet Bibob"],
        ["Redactieraad", "geen eigenaar of inhoudelijk eigenaar"],
    ]


@override_settings(DEBUG=False)
def test_report_renders_without_debug_for_pages_without_owner_or_theme(editor_client, kennisbank):
    HandreikingPageFactory(parent=kennisbank, title="Wees", review_date=days(-400), owner=None)
    ThemaPageFactory(parent=kennisbank, theme=ThemeFactory(name="Horeca"), review_date=days(1))
    owner = StaffUserFactory(group=roles.EDITORS, mfa=False)
    HandreikingPageFactory(
        parent=kennisbank, title="Van vertrokken", review_date=days(0), owner=owner
    )
    owner.delete()

    response = editor_client.get(REPORT_URL)

    assert response.status_code == 200
    assert [row[2] for row in report_rows(response)] == ["Redactieraad"] * 3
    assert "Wees" in response.content.decode()
    assert editor_client.get(REPORT_URL + "?export=csv").status_code == 200


def test_report_queries_do_not_grow_with_the_number_of_pages(editor_client, kennisbank):
    theme = ThemeFactory(name="Horeca")
    ThemaPageFactory(parent=kennisbank, theme=theme, content_owner=editor_client.user)

    def queries_for_report():
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(REPORT_URL).status_code == 200
        return len(queries)

    HandreikingPageFactory(parent=kennisbank, review_date=days(1), themes=[theme])
    queries_for_report()  # the first request fills caches (content types, site root paths)
    few = queries_for_report()
    for number in range(8):
        owner = StaffUserFactory(group=roles.EDITORS, mfa=False) if number % 2 else None
        HandreikingPageFactory(parent=kennisbank, review_date=days(1), themes=[theme], owner=owner)
        FactsheetPageFactory(parent=kennisbank, review_date=days(2), live=False)

    assert queries_for_report() == few
    assert len(report_rows(editor_client.get(REPORT_URL))) == 17


# Reassigning owners in bulk from the report.


def reassign(client, pages, owner):
    return client.post(
        REPORT_URL,
        {
            "pages": [getattr(page, "pk", page) for page in pages],
            "owner": getattr(owner, "pk", owner),
        },
    )


def owners_of(pages):
    return [KennisbankPage.objects.get(pk=page.pk).owner for page in pages]


@pytest.fixture
def due_pages(kennisbank):
    return [
        HandreikingPageFactory(parent=kennisbank, title=f"Te herzien {n}", review_date=days(n))
        for n in range(3)
    ]


def test_editor_gives_selected_pages_a_new_owner(editor_client, due_pages):
    new_owner = StaffUserFactory(group=roles.EDITORIAL_BOARD, full_name="Renée Jansen", mfa=False)

    response = reassign(editor_client, due_pages[:2], new_owner)

    assert response.status_code == 302
    assert owners_of(due_pages) == [new_owner, new_owner, None]
    page = editor_client.get(response.url)
    assert "2 pagina&#x27;s hebben nu Renée Jansen als eigenaar." in page.content.decode()
    entry = PageLogEntry.objects.get(page=due_pages[0], action="kennisbank.reassign_owner")
    assert entry.user == editor_client.user
    assert entry.data == {
        "previous_owner": None,
        "owner": {"id": new_owner.pk, "name": "Renée Jansen", "email": new_owner.email},
    }
    assert entry.message == "Eigenaar gewijzigd in Renée Jansen"
    assert PageLogEntry.objects.filter(action="kennisbank.reassign_owner").count() == 2


@pytest.mark.parametrize(
    "make_input, message",
    [
        (lambda pages, people: ([], people["editor"]), "Selecteer een of meer pagina"),
        (lambda pages, people: (pages, ""), "Kies wie de nieuwe eigenaar wordt."),
        (lambda pages, people: (pages, people["member"]), "Deze persoon mag geen pagina"),
        (lambda pages, people: (pages, people["inactive"]), "Deze persoon mag geen pagina"),
        (lambda pages, people: ([*pages, 999999], people["editor"]), "Er is niets gewijzigd."),
        (lambda pages, people: ([pages[0].pk, "x"], people["editor"]), "is geen pagina"),
    ],
    ids=["no-pages", "no-owner", "member-as-owner", "inactive-owner", "unknown-page", "bad-id"],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(
    editor_client, due_pages, member, make_input, message
):
    people = {
        "editor": StaffUserFactory(group=roles.EDITORS, mfa=False),
        "member": member,
        "inactive": StaffUserFactory(group=roles.EDITORS, mfa=False, is_active=False),
    }
    pages, owner = make_input(due_pages[:2], people)

    response = reassign(editor_client, pages, owner)

    html = response.content.decode().replace("&#x27;", "'").replace("&quot;", '"')
    assert response.status_code == 200
    assert message in html
    assert "De eigenaar is niet gewijzigd." in html
    assert owners_of(due_pages) == [None, None, None]
    assert not PageLogEntry.objects.filter(action="kennisbank.reassign_owner").exists()
    if pages:
        assert f'value="{due_pages[0].pk}" id="review-page-{due_pages[0].pk}" checked' in html


@pytest.mark.parametrize("role", [None, roles.COMMUNITY_MANAGERS])
def test_members_and_community_managers_may_not_reassign(client, due_pages, member, role):
    user = StaffUserFactory(group=role, mfa=False) if role else member
    client.force_login(user)

    response = reassign(client, due_pages, user)

    assert response.status_code in (302, 403)
    assert owners_of(due_pages) == [None, None, None]


def test_report_offers_only_people_who_may_edit_pages(editor_client, due_pages, member):
    board = StaffUserFactory(group=roles.EDITORIAL_BOARD, full_name="Renée Jansen", mfa=False)
    manager = StaffUserFactory(group=roles.COMMUNITY_MANAGERS, full_name="Carla Visser", mfa=False)

    choices = owner_choices(editor_client.get(REPORT_URL))

    assert f"Renée Jansen ({board.email})" in choices
    assert f"Ruben de Vries ({editor_client.user.email})" in choices
    assert all(manager.email not in choice and member.email not in choice for choice in choices)


def report_rows(response):
    """The report's table as text cells per row: title, review date, person, reason."""
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        [
            row.select("td")[1].get_text(strip=True),
            row.select("td")[2].get_text(" ", strip=True),
            *[part.strip() for part in row.select("td")[3].find_all(string=True) if part.strip()],
        ]
        for row in soup.select("table.listing tbody tr")
    ]


def owner_choices(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [option.get_text(strip=True) for option in soup.select("select[name=owner] option")]
