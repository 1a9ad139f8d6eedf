"""The demo: a member browses themes, opens the Handreiking APV en ondermijning and downloads
its PDF; an anonymous visitor sees public pages and is asked to log in for the rest."""

import datetime

import pytest

from kennisbank.models import FactsheetPage, HandreikingPage, KennisbankIndexPage, ThemaPage
from kennisbank.responsible import Source, responsible_for_pages
from kennisbank.review import pages_due_for_review
from kpo.demo import load_demo
from kpo.models import Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    load_demo("demo-test-wachtwoord")


def test_demo_has_a_theme_page_per_theme_and_the_named_products(demo):
    assert ThemaPage.objects.live().count() == Theme.objects.count() >= 20
    assert HandreikingPage.objects.filter(title="Handreiking APV en ondermijning").exists()
    assert HandreikingPage.objects.filter(kind="tool").count() >= 5
    assert FactsheetPage.objects.live().count() >= 3
    assert HandreikingPage.objects.filter(visibility="members").exists()
    assert HandreikingPage.objects.filter(visibility="public").exists()


def test_member_browses_themes_and_downloads_the_apv_handreiking(demo, member_client):
    kennisbank = KennisbankIndexPage.objects.get()
    assert "Bestuurlijke aanpak en APV" in member_client.get(kennisbank.url).content.decode()
    theme_page = ThemaPage.objects.get(theme__name="Bestuurlijke aanpak en APV")
    assert "Handreiking APV en ondermijning" in member_client.get(theme_page.url).content.decode()
    handreiking = HandreikingPage.objects.get(title="Handreiking APV en ondermijning")
    document = handreiking.documents.get().document

    assert member_client.get(handreiking.url).status_code == 200
    response = member_client.get(document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_anonymous_visitor_sees_public_pages_and_is_asked_to_log_in_for_the_rest(demo, client):
    public = HandreikingPage.objects.filter(visibility="public").first()
    members = HandreikingPage.objects.get(title="Handreiking APV en ondermijning")

    assert client.get(public.url).status_code == 200
    assert client.get(members.url).status_code == 302
    assert client.get(members.documents.get().document.url).status_code == 302


def test_demo_themes_have_content_owners_so_reminders_reach_people(demo):
    redacteur = ThemaPage.objects.get(theme__name="Bestuurlijke aanpak en APV").content_owner
    assert redacteur.email == "redacteur@kpo.example"
    due = list(pages_due_for_review(datetime.date(2026, 12, 8)))
    sources = {r.source for r in responsible_for_pages(due).values()}

    assert len(due) >= 8
    assert {Source.THEME, Source.EDITORIAL_BOARD} <= sources
