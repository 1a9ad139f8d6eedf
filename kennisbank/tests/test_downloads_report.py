"""The admin report "Meest gedownload": most downloaded first, by theme and period, with the
pages that use each document, bad filters refused with a message, CSV and XLSX export, for
the roles that see the kennisbank reports only, in a fixed number of queries."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kennisbank.factories import (
    HandreikingDocumentFactory,
    HandreikingPageFactory,
    PdfDocumentFactory,
)
from kennisbank.tests.test_downloads import downloaded
from kpo import roles
from kpo.factories import StaffUserFactory, ThemeFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/meest-gedownload/"


def logged_in_as(group):
    client = Client()
    client.force_login(StaffUserFactory(group=group))
    return client


@pytest.fixture
def editor_client(db):
    return logged_in_as(roles.EDITORS)


def handreiking(parent, title, themes, *documents):
    page = HandreikingPageFactory(parent=parent, title=title, themes=themes)
    for document in documents:
        HandreikingDocumentFactory(page=page, document=document)
    page.save_revision().publish()
    return page


@pytest.fixture
def library(kennisbank, theme):
    """Three documents of ``theme`` downloaded recently and long ago, one of another theme,
    one used by no page."""
    other_theme = ThemeFactory(name="Mensenhandel")
    documents = {
        title: PdfDocumentFactory(title=title)
        for title in ("Modelbrief APV", "Handreiking APV", "Bijlage Bibob", "Signalen", "Los")
    }
    handreiking(
        kennisbank, "APV en ondermijning", [theme], documents["Handreiking APV"],
        documents["Modelbrief APV"],
    )  # fmt: skip
    handreiking(kennisbank, "Bibob in de praktijk", [theme], documents["Bijlage Bibob"])
    handreiking(kennisbank, "Kompas mensenhandel", [other_theme], documents["Signalen"])
    downloaded(documents["Modelbrief APV"], 5, days_ago=3)
    downloaded(documents["Modelbrief APV"], 50, days_ago=200)
    downloaded(documents["Handreiking APV"], 9, days_ago=1)
    downloaded(documents["Bijlage Bibob"], 2, days_ago=40)
    downloaded(documents["Bijlage Bibob"], 4, days_ago=95)
    downloaded(documents["Signalen"], 7)
    downloaded(documents["Los"], 1)
    return documents


def titles_in_order(text, titles):
    """The titles that occur in ``text``, in the order they occur."""
    return sorted((title for title in titles if title in text), key=text.index)


def exported_rows(client, query=""):
    response = client.get(f"{REPORT}?export=csv{query}")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


def test_report_lists_documents_by_downloads_in_the_last_90_days(editor_client, library):
    response = editor_client.get(REPORT)

    text = response.content.decode()
    assert response.status_code == 200
    assert titles_in_order(text, library) == [
        "Handreiking APV",
        "Signalen",
        "Modelbrief APV",
        "Bijlage Bibob",
        "Los",
    ]
    assert "APV en ondermijning" in text and "Kompas mensenhandel" in text
    assert "Geen pagina" in text  # "Los" is used by no page


def test_report_filters_by_theme(editor_client, library, theme):
    response = editor_client.get(f"{REPORT}?thema={theme.pk}")

    text = response.content.decode()
    assert titles_in_order(text, library) == ["Handreiking APV", "Modelbrief APV", "Bijlage Bibob"]
    assert f"thema {theme.name}" in text


def test_report_filters_by_period(editor_client, library):
    today = timezone.localdate()
    start = today - datetime.timedelta(days=365)
    end = today - datetime.timedelta(days=30)

    rows = exported_rows(editor_client, f"&van={start:%d-%m-%Y}&tot={end:%d-%m-%Y}")

    assert rows[1:] == [
        ["Modelbrief APV", "APV en ondermijning", "50", "55"],
        ["Bijlage Bibob", "Bibob in de praktijk", "6", "6"],
    ]


def test_csv_export_has_headings_pages_and_both_counts(editor_client, library):
    rows = exported_rows(editor_client)

    assert rows[0] == ["Document", "Gebruikt op", "Downloads in de periode", "Downloads in totaal"]
    assert rows[1] == ["Handreiking APV", "APV en ondermijning", "9", "9"]
    assert ["Modelbrief APV", "APV en ondermijning", "5", "55"] in rows
    assert ["Los", "", "1", "1"] in rows


def test_csv_export_never_starts_a_cell_with_a_formula(editor_client, kennisbank):
    document = PdfDocumentFactory(title='=HYPERLINK("https://example.com")')
    downloaded(document, 1)

    rows = exported_rows(editor_client)

    assert rows[1][0] == '\'=HYPERLINK("https://example.com")'


def test_xlsx_export(editor_client, library):
    response = editor_client.get(f"{REPORT}?export=xlsx")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "meest-gedownload-" in response["Content-Disposition"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("van=31-02-2026", "Van: Voer een geldige datum in."),
        ("van=01-03-2026&tot=01-02-2026", "De einddatum ligt vóór de begindatum."),
        ("thema=999999", "Thema: Selecteer een geldige keuze."),
        ("van=01-01-2999", "Van: De begindatum ligt na vandaag."),
    ],
)
def test_bad_filters_get_a_message_and_no_report(editor_client, library, query, message):
    for path in (REPORT, f"{REPORT}results/"):
        response = editor_client.get(f"{path}?{query}")

        text = response.content.decode()
        assert response.status_code == 200
        assert "Het rapport is niet gemaakt: pas het filter aan." in text
        assert message in text
        assert titles_in_order(text, library) == []
    assert exported_rows(editor_client, f"&{query}")[1:] == []


@pytest.mark.parametrize(
    ("group", "status"),
    [
        (roles.EDITORS, 200),
        (roles.EDITORIAL_BOARD, 200),
        (roles.COMMUNITY_MANAGERS, 302),
        (roles.ADMINISTRATORS, 302),
    ],
)
def test_report_is_for_the_roles_that_see_the_kennisbank_reports(group, status, library):
    client = logged_in_as(group)

    assert client.get(REPORT).status_code == status
    assert client.get(f"{REPORT}?export=csv").status_code == status
    assert ("Meest gedownload" in client.get("/admin/").content.decode()) == (status == 200)


def test_members_and_visitors_are_sent_to_the_login(member_client, anonymous_client, library):
    for client in (member_client, anonymous_client):
        for path in (REPORT, f"{REPORT}results/", f"{REPORT}?export=csv"):
            response = client.get(path)

            assert response.status_code == 302
            assert "Modelbrief" not in response.content.decode()


def report_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(REPORT).status_code == 200
    return len(queries)


def test_report_queries_do_not_grow_with_the_number_of_documents(editor_client, kennisbank, theme):
    def add_documents(count):
        for number in range(count):
            document = PdfDocumentFactory()
            page = HandreikingPageFactory(parent=kennisbank, themes=[theme])
            HandreikingDocumentFactory(page=page, document=document)
            downloaded(document, number + 1)

    add_documents(2)
    report_queries(editor_client)  # the first request also reads what is cached after it
    few = report_queries(editor_client)
    add_documents(10)

    assert report_queries(editor_client) == few
