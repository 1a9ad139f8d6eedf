"""Every kennisbank list filters and sorts on indexed columns: with 100,000 products and
100,000 news items in PostgreSQL (inserted in bulk with SQL, then ANALYZE), the plans of
the lists' queries read no page table from start to end (no sequential scan), so a list
costs the same at 1k and at 100k items. Nothing here steers the planner: without the
indexes of ``ProductPage``, ``EventPage`` and ``NewsPage`` these plans scan."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.utils import timezone

from kennisbank.factories import (
    EventPageFactory,
    HandreikingPageFactory,
    NewsPageFactory,
    ThemaPageFactory,
)
from kennisbank.feeds import NewsFeed
from kennisbank.models import (
    EventPage,
    KennisbankIndexPage,
    NewsIndexPage,
    NewsPage,
    ProductPage,
    ThemaPage,
)
from kennisbank.models.index import LATEST_PRODUCTS, UPCOMING_EVENTS
from kennisbank.models.news import NEWS_PER_PAGE
from kennisbank.models.thema import ProductListing
from kennisbank.tests.conftest import publish
from kennisbank.theme_listing import refill_all
from kpo.access import visible_to
from kpo.factories import ThemeFactory

pytestmark = pytest.mark.django_db

PRODUCTS = 100_000
EVENTS = PRODUCTS // 10
NEWS = 100_000
THEMES = 20
DEEP_PAGE = 250  # products 2,989-3,000 of the theme's 5,000 (a visitor sees two thirds)
BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def base36(number_sql):
    """SQL: four characters of Wagtail's tree path for the number ``number_sql``."""
    digits = [f"(({number_sql}) / {36**power}) % 36 + 1" for power in (3, 2, 1, 0)]
    return " || ".join(f"substr('{BASE36}', {digit}, 1)" for digit in digits)


def page_tables(model):
    """The tables of a page model, Wagtail's ``wagtailcore_page`` first."""
    return [*reversed(model._meta.get_parent_list()), model]


def copy_page(template, count, first_number, overrides):
    """Insert ``count`` siblings of ``template`` (a live page) with SQL, every column copied
    from it except Wagtail's tree and identity columns and ``overrides`` (per table: column
    -> SQL expression over the new page row ``p``)."""
    parent_path = template.path[: -template.steplen]
    marker = f"bulk-{template.pk}-"
    with connection.cursor() as cursor:
        for model in page_tables(type(template)):
            table = model._meta.db_table
            key = model._meta.pk.column
            columns = [
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
            ]
            if model._meta.db_table == "wagtailcore_page":
                number = f"g + {first_number}"
                values = {
                    "path": f"'{parent_path}' || {base36(number)}",
                    "slug": f"'{marker}' || g",
                    "url_path": "t.url_path || g",
                    "title": "t.title || ' ' || g",
                    "draft_title": "t.title || ' ' || g",
                    "translation_key": "gen_random_uuid()",
                    "latest_revision_id": "NULL",
                    "live_revision_id": "NULL",
                }
                select = [values.get(name, f't."{name}"') for name in columns if name != "id"]
                names = [name for name in columns if name != "id"]
                source = (
                    f"generate_series(1, {count}) AS g, {table} AS t WHERE t.id = {template.pk}"
                )
            else:
                values = {key: "p.id", **overrides.get(model, {})}
                select = [values.get(name, f't."{name}"') for name in columns]
                names = columns
                source = (
                    f"wagtailcore_page AS p, {table} AS t "
                    f"WHERE t.{key} = {template.pk} AND p.slug LIKE '{marker}%'"
                )
            cursor.execute(
                # Table and column names from the models, values are SQL of this module.
                f"INSERT INTO {table} ({quoted(names)}) "  # noqa: S608
                f"SELECT {', '.join(select)} "
                f"FROM {source}"
            )
        return marker


def quoted(names):
    return ", ".join(connection.ops.quote_name(name) for name in names)


def tag_with_themes(marker, themes):
    ids = ", ".join(str(theme.pk) for theme in themes)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO kennisbank_productpage_themes (productpage_id, theme_id) "  # noqa: S608
            f"SELECT p.id, (ARRAY[{ids}])[1 + p.id % {len(themes)}] FROM wagtailcore_page p "
            f"WHERE p.slug LIKE '{marker}%'"
        )


PRODUCT_VALUES = {
    "kennisbank_kennisbankpage": {
        "visibility": "CASE WHEN p.id % 3 = 0 THEN 'members' ELSE 'public' END"
    },
    "kennisbank_productpage": {
        "publication_date": "date '2015-01-01' + (p.id % 4000)",
        "external_id": "NULL",
    },
}


def overrides(values):
    tables = {model._meta.db_table: model for model in (ProductPage, EventPage, NewsPage)}
    tables["kennisbank_kennisbankpage"] = ProductPage._meta.get_parent_list()[0]
    return {tables[table]: columns for table, columns in values.items()}


@pytest.fixture
def large_library(home_page):
    """100,000 products (a tenth of them events) over 20 themes, 100,000 news items."""
    kennisbank = KennisbankIndexPage.objects.get()
    themes = [ThemeFactory(name=f"Thema {number}") for number in range(THEMES)]
    theme_page = publish(ThemaPageFactory(parent=kennisbank, theme=themes[0]))
    handreiking = publish(HandreikingPageFactory(parent=kennisbank, themes=[themes[0]]))
    event = publish(EventPageFactory(parent=kennisbank, themes=[themes[0]]))
    news_index = NewsIndexPage.objects.get()
    news = publish(NewsPageFactory(parent=news_index))

    marker = copy_page(handreiking, PRODUCTS - EVENTS, 100, overrides(PRODUCT_VALUES))
    tag_with_themes(marker, themes)
    event_values = {
        **PRODUCT_VALUES,
        "kennisbank_eventpage": {"start": "now() + ((p.id % 2000) - 1000) * interval '1 day'"},
    }
    marker = copy_page(event, EVENTS, 100 + PRODUCTS, overrides(event_values))
    tag_with_themes(marker, themes)
    news_values = {"kennisbank_newspage": {"date": "date '2015-01-01' + (p.id % 4000)"}}
    copy_page(news, NEWS, 100, overrides(news_values))
    assert refill_all() == PRODUCTS + 2  # the theme pages' list table, as a migration fills it
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"theme_page": theme_page, "kennisbank": kennisbank, "news_index": news_index}


def sequential_scans(queryset):
    """The tables a query's plan reads from start to end."""
    plan = json.loads(queryset.explain(format="json"))

    def scans(node):
        found = [node["Relation Name"]] if node["Node Type"] == "Seq Scan" else []
        for child in node.get("Plans", []):
            found += scans(child)
        return found

    return scans(plan[0]["Plan"])


def theme_page_queries(theme_page, user, selected_type="", selected_year="", page=None):
    """A theme page's two list queries: the type and year counts, and a page of products."""
    listing = ProductListing(theme_page, user, selected_type, selected_year, page)
    assert listing.paginated.number == (page or 1)
    return listing.groups_queryset(), listing.products_queryset(listing.paginated.object_list)


def list_queries(large_library, user):
    """The queries of the kennisbank's lists for ``user``, by name: a theme page's type
    and year counts and its pages, the first and a deep one (an offset of thousands within
    one theme), also filtered on a type and a year."""
    theme_page = large_library["theme_page"]
    kennisbank = large_library["kennisbank"]
    news_index = large_library["news_index"]
    year = str(timezone.localdate().year - 3)
    counts, first_page = theme_page_queries(theme_page, user)
    _counts, deep_page = theme_page_queries(theme_page, user, page=DEEP_PAGE)
    _counts, one_type = theme_page_queries(theme_page, user, "bijeenkomst", page=DEEP_PAGE // 10)
    _counts, one_year = theme_page_queries(theme_page, user, selected_year=year, page=5)
    return {
        "theme page: type and year counts": counts,
        "theme page: the first page": first_page,
        "theme page: a deep page": deep_page,
        "theme page: one type, a deep page": one_type,
        "theme page: one year": one_year,
        "overview: latest products": kennisbank.latest_products_for(user)[:LATEST_PRODUCTS],
        "overview: upcoming events": kennisbank.upcoming_events_for(user)[:UPCOMING_EVENTS],
        "overview: themes": visible_to(ThemaPage.objects.live().child_of(kennisbank), user),
        "news: a page": news_index.news_items()[:NEWS_PER_PAGE],
        "news: feed": NewsFeed().items(),
    }


def test_no_list_reads_a_page_table_from_start_to_end_at_100k_items(large_library, member):
    assert ProductPage.objects.count() == PRODUCTS + 2
    assert NewsPage.objects.count() == NEWS + 1
    page_tables_read = {}
    for user in (AnonymousUser(), member):
        for name, queryset in list_queries(large_library, user).items():
            scans = sequential_scans(queryset)
            big = [table for table in scans if table not in SMALL_TABLES]
            if big:
                page_tables_read[f"{name} ({user})"] = big
    assert not page_tables_read, "\n".join(
        f"{name}: {', '.join(tables)}" for name, tables in page_tables_read.items()
    )


# Tables that hold a handful of rows whatever the library's size: a sequential scan of
# them is the planner's best choice.
SMALL_TABLES = {"kpo_theme", "kennisbank_themapage", "wagtailcore_locale"}
