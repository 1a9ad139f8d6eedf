"""The admin report "Te herzien"."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from kennisbank.factories import FactsheetPageFactory, HandreikingPageFactory
from kpo import roles
from kpo.factories import UserFactory

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
