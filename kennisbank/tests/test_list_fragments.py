"""The kennisbank overview's lists (themes, new products, agenda) and the news list are
kept in fragment caches: per content generation, so a publish, unpublish or move shows at
once, and (the overview) per set of access tokens, so a fragment rendered for a member is
never shown to a visitor or an unapproved user, and an approval shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kennisbank.factories import EventPageFactory, HandreikingPageFactory, NewsPageFactory
from kennisbank.models import HandreikingPage, NewsIndexPage
from kennisbank.tests.conftest import html, logged_in, publish
from kpo.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db
SECRET = "Alleen voor leden: aanpak ondermijning in de haven"
OVERVIEW = "/kennisbank/"


def product(kennisbank, title, visibility="public", factory=HandreikingPageFactory):
    return publish(factory(parent=kennisbank, title=title, visibility=visibility))


def test_a_members_fragment_reaches_no_visitor_and_no_unapproved_user(client, member, kennisbank):
    product(kennisbank, "Openbare handreiking havens")
    product(kennisbank, SECRET, "members")
    product(kennisbank, "Ledenbijeenkomst havens", "members", EventPageFactory)
    unapproved = VerifiedUserFactory(email="nog-niet@gemeente.example", is_approved=False)

    member_page = html(logged_in(member), OVERVIEW)  # fills the fragment caches
    assert SECRET in member_page and "Ledenbijeenkomst havens" in member_page

    for other in (client, logged_in(unapproved)):
        page = html(other, OVERVIEW)
        assert "Openbare handreiking havens" in page
        assert SECRET not in page and "Ledenbijeenkomst havens" not in page


def test_publish_unpublish_and_move_show_at_once(member, kennisbank, home_page):
    client = logged_in(member)
    assert "Nieuwe handreiking havens" not in html(client, OVERVIEW)

    page = product(kennisbank, "Nieuwe handreiking havens")
    event = product(kennisbank, "Kenniskring havens", factory=EventPageFactory)
    assert "Nieuwe handreiking havens" in html(client, OVERVIEW)
    assert "Kenniskring havens" in html(client, OVERVIEW)

    page.unpublish()
    assert "Nieuwe handreiking havens" not in html(client, OVERVIEW)

    event.move(home_page, pos="last-child")
    assert "Kenniskring havens" not in html(client, OVERVIEW)


def test_an_approval_shows_the_members_lists_at_once(kennisbank):
    product(kennisbank, SECRET, "members")
    user = VerifiedUserFactory(email="nieuw-lid@gemeente.example", is_approved=False)
    client = logged_in(user)
    assert SECRET not in html(client, OVERVIEW)

    user.is_approved = True
    user.save()

    assert SECRET in html(client, OVERVIEW)


def test_a_repeated_visit_reads_no_product(member, kennisbank):
    product(kennisbank, "Handreiking uit de cache")
    client = logged_in(member)
    html(client, OVERVIEW)
    with CaptureQueriesContext(connection) as captured:
        assert "Handreiking uit de cache" in html(client, OVERVIEW)
    tables = (HandreikingPage._meta.db_table, "kennisbank_productpage", "kennisbank_eventpage")
    assert [query for query in captured if any(table in query["sql"] for table in tables)] == []


def test_published_news_shows_at_once_on_the_cached_list(member, home_page):
    news_index = NewsIndexPage.objects.get()
    client = logged_in(member)
    publish(NewsPageFactory(parent=news_index, title="Eerste bericht"))
    assert "Eerste bericht" in html(client, news_index.url)

    news = publish(NewsPageFactory(parent=news_index, title="Kabinet investeert in RIEC's"))
    assert "Kabinet investeert in RIEC" in html(client, news_index.url)

    news.unpublish()
    assert "Kabinet investeert in RIEC" not in html(client, news_index.url)
