"""Search terms (recorded without personal data) and promoted results that editors manage,
shown above the results only to users who may see the promoted page."""

import datetime
import io

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.admin.menu import reports_menu, settings_menu
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from kpo.factories import UserFactory
from kpo.roles import EDITORS
from search.models import NoResultsDailyHits
from search.terms import promoted_results, top_terms

pytestmark = pytest.mark.django_db


def test_searches_are_counted_per_term_and_day(client, content):
    client.get("/zoeken/", {"q": "Handreiking  Afpakken"})
    client.get("/api/zoeken/", {"q": "handreiking afpakken"})
    client.get("/api/zoeken/", {"q": "handreiking afpakken", "page": "2"})  # the same search
    client.get("/api/zoeken/suggesties/", {"q": "handreiking afp"})  # typing, not searching
    client.get("/zoeken/", {"q": "xyzzy"})
    assert [(row["query_string"], row["hits"]) for row in top_terms(7)] == [
        ("handreiking afpakken", 2),
        ("xyzzy", 1),
    ]
    assert [row["query_string"] for row in top_terms(7, no_results=True)] == ["xyzzy"]


def test_no_personal_data_is_stored(member_client, content):
    member_client.get("/zoeken/", {"q": "bibob"})
    fields = {field.name for field in QueryDailyHits._meta.get_fields()}
    fields |= {field.name for field in NoResultsDailyHits._meta.get_fields()}
    assert fields == {"id", "query", "date", "hits"}


def test_the_period_limits_the_report(content):
    old = Query.get("oude zoekterm")
    old.add_hit(date=timezone.localdate() - datetime.timedelta(days=40))
    assert top_terms(30).count() == 0
    assert [row["query_string"] for row in top_terms(90)] == ["oude zoekterm"]


@pytest.fixture
def promotions(content):
    query = Query.get("handreiking")
    SearchPromotion.objects.create(
        query=query, page=content["members"], description="De handreiking voor leden", sort_order=0
    )
    SearchPromotion.objects.create(
        query=query, page=content["public"], description="Openbaar", sort_order=1
    )
    return query


def test_promoted_pages_only_for_users_who_may_see_them(promotions, member):
    assert [item.title for item in promoted_results("Handreiking ", member)] == [
        "Handreiking APV en ondermijning",
        "Handreiking bestuurlijk afpakken",
    ]
    assert [item.title for item in promoted_results("handreiking", AnonymousUser())] == [
        "Handreiking bestuurlijk afpakken"
    ]
    assert promoted_results("handreiking regels", member) == []


def test_promoted_results_come_first_on_the_page_and_in_the_api(promotions, client, member):
    html = client.get("/zoeken/", {"q": "handreiking"}).content.decode()
    assert html.index("Aanbevolen") < html.index('class="kpo-results"')
    assert "De handreiking voor leden" not in html
    data = client.get("/api/zoeken/", {"q": "handreiking"}).json()
    assert [item["title"] for item in data["promoted"]] == ["Handreiking bestuurlijk afpakken"]
    client.force_login(member)
    data = client.get("/api/zoeken/", {"q": "handreiking"}).json()
    assert data["promoted"][0]["description"] == "De handreiking voor leden"


def test_editors_see_the_report_and_members_do_not(client, content):
    client.get("/zoeken/", {"q": "xyzzy"})
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    response = client.get("/admin/reports/zoektermen/", {"periode": "7"})
    assert response.status_code == 200
    assert "xyzzy" in response.content.decode()
    assert editor.has_perm("wagtailsearchpromotions.add_searchpromotion")
    client.force_login(UserFactory())
    assert client.get("/admin/reports/zoektermen/").status_code in (302, 403)


def test_a_new_promotion_shows_although_the_search_was_made_before(client, content):
    assert client.get("/api/zoeken/", {"q": "handreiking"}).json()["promoted"] == []
    SearchPromotion.objects.create(
        query=Query.get("handreiking"), page=content["public"], description="Nieuw", sort_order=0
    )
    data = client.get("/api/zoeken/", {"q": "handreiking"}).json()
    assert [item["description"] for item in data["promoted"]] == ["Nieuw"]


def test_reports_menu_has_our_search_terms_report_only(rf):
    request = rf.get("/admin/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    reports = [item.name for item in reports_menu.menu_items_for_request(request)]
    assert "kpo-search-terms" in reports
    assert "search-terms" not in reports
    settings = [item.name for item in settings_menu.menu_items_for_request(request)]
    assert "promoted-search-results" in settings


def test_garbage_collection_keeps_a_year_of_search_terms(content):
    today = timezone.localdate()
    recent, old = Query.get("recente zoekterm"), Query.get("oude zoekterm")
    recent.add_hit(date=today - datetime.timedelta(days=300))
    old.add_hit(date=today - datetime.timedelta(days=400))
    NoResultsDailyHits.objects.create(query=old, date=today - datetime.timedelta(days=400))
    call_command("searchpromotions_garbage_collect", stdout=io.StringIO())
    assert [row["query_string"] for row in top_terms(365)] == ["recente zoekterm"]
    assert not Query.objects.filter(query_string="oude zoekterm").exists()
    assert not NoResultsDailyHits.objects.exists()
