import json

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Page, Revision, Site

from kennisbank.models import NewsPage
from kpo import approval
from kpo.demo import DEMO_ACCOUNTS, load_demo
from kpo.models import AllowedEmailDomain, HomePage, Organisation, Theme, User

pytestmark = pytest.mark.django_db

PASSWORD = "demo-test-wachtwoord"  # noqa: S105


def snapshot():
    """Everything the loader creates, counted and listed, to compare two runs."""
    return {
        "pages": sorted(Page.objects.values_list("url_path", "live")),
        "revisions": Revision.objects.count(),
        "users": sorted(User.objects.values_list("email", "password")),
        "emails": EmailAddress.objects.count(),
        "memberships": sorted(User.groups.through.objects.values_list("user_id", "group_id")),
        "organisations": Organisation.objects.count(),
        "themes": Theme.objects.count(),
        "sites": sorted(Site.objects.values_list("hostname", "root_page_id")),
    }


def test_demo_loader_is_idempotent():
    load_demo(PASSWORD)
    first = snapshot()

    load_demo(PASSWORD)

    assert snapshot() == first


def test_demo_loader_creates_the_platform_with_real_names(client):
    load_demo(PASSWORD)

    assert Theme.objects.count() >= 20
    assert Theme.objects.filter(name="Wet Bibob").exists()
    assert Organisation.objects.filter(name__startswith="RIEC ").count() == 10
    assert Organisation.objects.filter(name="LIEC").exists()
    assert NewsPage.objects.live().count() == 10
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert [child.slug for child in home.get_children()][:4] == [
        "kennisbank",
        "nieuws",
        "communities",
        "academie",
    ]
    assert len(home.pillars) == 3

    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Handreiking APV en ondermijning geactualiseerd" in html
    assert 'href="/toegankelijkheidsverklaring/"' in html
    assert 'href="/privacyverklaring/"' in html


@pytest.mark.parametrize("account", DEMO_ACCOUNTS, ids=lambda account: account.email)
def test_demo_accounts_can_log_in_with_the_demo_password(client, account):
    load_demo(PASSWORD)

    response = client.post("/accounts/login/", {"login": account.email, "password": PASSWORD})

    assert response.status_code == 302
    user = User.objects.get(email=account.email)
    assert user.is_approved
    assert client.session["_auth_user_id"] == str(user.pk)
    if account.group:
        assert user.groups.filter(name=account.group).exists()
    assert Group.objects.filter(name=account.group).exists() or account.group is None


def test_demo_loader_seeds_the_allowlist_profiles_and_an_application():
    load_demo(PASSWORD)

    assert AllowedEmailDomain.matches("agent@politie.nl")
    assert AllowedEmailDomain.matches("jurist@om.nl")
    lid = User.objects.get(email="lid@kpo.example")
    assert lid.themes.filter(name="Wet Bibob").exists() and lid.expertise
    assert [user.email for user in approval.pending_applications()] == [
        "aanvrager@adviesbureau.example"
    ]


def test_accessibility_statement_states_how_the_site_was_tested_and_the_result(client):
    """The statement's text comes from fixtures/pages.json; the axe-core version it names is
    the one package.json pins for tests/test_accessibility.py."""
    load_demo(PASSWORD)
    axe_version = json.loads((settings.BASE_DIR / "package.json").read_text())["dependencies"][
        "axe-core"
    ]
    major_minor = ".".join(axe_version.split(".")[:2])

    response = client.get("/toegankelijkheidsverklaring/")

    assert response.status_code == 200
    text = " ".join(BeautifulSoup(response.content, "html.parser").main.get_text(" ").split())
    assert f"axe-core {major_minor}" in text
    assert "uitgelogd en ingelogd" in text
    assert "alleen het toetsenbord" in text
    assert "geen schendingen van WCAG 2.1 niveau AA" in text
    assert "Automatische tests vinden niet alle problemen" in text
    assert "22 november 2026" in text
    assert 'href="mailto:kennisplatform@kpo.example"' in response.text
    headings = BeautifulSoup(response.content, "html.parser").main.find_all("h2")
    assert [h.get_text(strip=True) for h in headings] == [
        "Hoe wij testen",
        "Resultaat",
        "Feedback en contact",
    ]
