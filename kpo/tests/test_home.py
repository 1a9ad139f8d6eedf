import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kennisbank.factories import NewsPageFactory
from kennisbank.models import NewsIndexPage
from kpo.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home_page):
    index = NewsIndexPage.objects.get()
    return [
        NewsPageFactory(parent=index, title=f"Bericht {day}", date=datetime.date(2025, 5, day))
        for day in range(1, 7)
    ]


def test_home_page_renders_pillars_and_latest_news_for_anonymous_visitor(client, home_page, news):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert home_page.title in html
    # Newest first, limited to the page's news_count (4): days 6..3 shown, 2 and 1 not.
    assert [item.title for item in response.context["latest_news"]] == [
        "Bericht 6",
        "Bericht 5",
        "Bericht 4",
        "Bericht 3",
    ]
    assert "Bericht 1" not in html
    assert 'href="/accounts/login/"' in html
    assert "Mijn account" not in html


def test_home_page_renders_for_logged_in_member(member_client, home_page, news):
    response = member_client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Mijn account" in html
    assert "Bericht 6" in html


def test_header_has_skip_link_landmarks_and_main_navigation(client, home_page):
    html = client.get("/").content.decode()

    assert '<a class="utrecht-skip-link' in html and 'href="#main"' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html
    nav = html[html.index('aria-label="Hoofdmenu"') :]
    positions = [nav.index(label) for label in ("Kennisbank", "Communities", "Academie", "Zoeken")]
    assert positions == sorted(positions), (
        "navigation order is Kennisbank · Communities · Academie · Zoeken"
    )
    assert f'href="{reverse("search")}"' in nav


def test_navigation_follows_renamed_section_after_publish(client, home_page):
    kennisbank = home_page.get_children().get(slug="kennisbank").specific
    assert 'href="/kennisbank/"' in client.get("/").content.decode()

    kennisbank.slug = "kennis"
    kennisbank.save_revision().publish()

    html = client.get("/").content.decode()
    assert 'href="/kennis/"' in html
    assert 'href="/kennisbank/"' not in html


def test_unpublished_news_is_not_listed(client, home_page, news):
    news[-1].unpublish()
    html = client.get("/").content.decode()
    assert "Bericht 6" not in html
    assert "Bericht 2" in html


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_home_page_queries_do_not_grow_with_the_amount_of_news(client, home_page):
    index = NewsIndexPage.objects.get()
    NewsPageFactory.create_batch(2, parent=index)
    client.get("/")  # warm the navigation cache, as in production
    few = count_queries(client, "/")

    NewsPageFactory.create_batch(20, parent=index)
    many = count_queries(client, "/")

    assert many == few
    assert many <= 15


def test_approved_members_find_the_directory_in_the_main_navigation(member_client, home_page):
    directory = reverse("kpo_member_directory")

    nav = member_client.get("/").content.decode().split('aria-label="Hoofdmenu"')[1]
    assert f'href="{directory}"' in nav
    assert nav.index("Vind een collega") < nav.index("Zoeken")

    response = member_client.get(directory)
    nav = response.content.decode().split('aria-label="Hoofdmenu"')[1]
    assert f'href="{directory}" aria-current="page"' in nav


def test_visitors_and_unapproved_users_get_no_directory_link(client, home_page):
    directory = reverse("kpo_member_directory")
    assert f'href="{directory}"' not in client.get("/").content.decode()

    client.force_login(VerifiedUserFactory(is_approved=False))
    assert f'href="{directory}"' not in client.get("/").content.decode()
