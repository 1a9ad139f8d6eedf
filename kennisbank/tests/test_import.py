"""``kpo_import`` as an editor uses it: CSV from a spreadsheet, every page type, owners and
review dates, dry runs, review by the Redactieraad, and failures that leave nothing behind."""

import datetime
import io
import json
import os

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Page, Revision, WorkflowPage, WorkflowState

from kennisbank.factories import HandreikingPageFactory
from kennisbank.importing.sources import COLUMNS
from kennisbank.models import EventPage, FactsheetPage, HandreikingPage, NewsPage, ProductPage
from kennisbank.pdf import make_pdf
from kpo import roles
from kpo.factories import ThemeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    user = UserFactory(email="redacteur@riec.example", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.EDITORS))
    return user


@pytest.fixture
def files(tmp_path):
    for name in ["handreiking.pdf", "bijlage-1.pdf", "bijlage-2.pdf", "factsheet.pdf"]:
        (tmp_path / name).write_bytes(make_pdf(name, f"Inhoud van {name}"))
    return tmp_path


def csv_file(folder, rows, delimiter=";", bom=True, name="items.csv"):
    """A CSV as a spreadsheet writes it: every cell quoted, CRLF line ends."""

    def line(cells):
        return delimiter.join('"' + cell.replace('"', '""') + '"' for cell in cells)

    lines = [line(COLUMNS)] + [line([row.get(column, "") for column in COLUMNS]) for row in rows]
    path = folder / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + "\r\n".join(lines).encode() + b"\r\n")
    return path


def handreiking_row(theme, **values):
    return {
        "external_id": "hr-1",
        "type": "handreiking",
        "title": "Handreiking integrale controles",
        "summary": "Hoe gemeente, politie en Belastingdienst samen controleren.",
        "body": "Eerste alinea.\n\nTweede alinea.",
        "themes": theme.name,
        "visibility": "members",
        "published": "01-06-2025",
    } | values


def run(path, *args, fails=False):
    out, err = io.StringIO(), io.StringIO()
    if fails:
        with pytest.raises(CommandError):
            call_command("kpo_import", str(path), *args, stdout=out, stderr=err)
    else:
        call_command("kpo_import", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def stored_files():
    return {
        os.path.join(folder, name)
        for folder, _dirs, names in os.walk(settings.MEDIA_ROOT)
        for name in names
    }


def counts():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        Document.objects.count(),
        WorkflowState.objects.count(),
    )


def every_type_rows(theme, editor):
    return [
        handreiking_row(
            theme,
            documents="handreiking.pdf | bijlage-1.pdf|bijlage-2.pdf",
            owner=editor.email.upper(),
            review_date="2026-06-01",
        ),
        handreiking_row(theme, external_id="rp-1", type="rapport", title="Rapport Ondermijning"),
        {
            **handreiking_row(theme, external_id="fs-1", type="factsheet", title="Factsheet"),
            "documents": "factsheet.pdf",
            "review_date": "31-12-2026",
        },
        handreiking_row(
            theme,
            external_id="ev-1",
            type="bijeenkomst",
            title="Kenniskring Bibob",
            start="15-09-2026 13:30",
            end="2026-09-15 16:00",
            location="Utrecht",
        ),
        handreiking_row(
            theme,
            external_id="nw-1",
            type="nieuws",
            title="Nieuwe handreiking verschenen",
            visibility="public",
            published="2025-05-20",
        ),
    ]


@pytest.mark.parametrize(("delimiter", "bom"), [(";", True), (",", False), (",", True)])
def test_csv_imports_every_page_type_with_documents_owner_and_review_date(
    kennisbank, theme, editor, files, delimiter, bom
):
    path = csv_file(files, every_type_rows(theme, editor), delimiter=delimiter, bom=bom)

    out, _err = run(path, "--no-progress")

    assert "Rij 2 (hr-1): nieuw, gepubliceerd" in out
    assert "5 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 mislukt." in out
    handreiking = HandreikingPage.objects.get(external_id="hr-1")
    assert handreiking.live and handreiking.owner == editor
    assert handreiking.review_date == datetime.date(2026, 6, 1)
    assert handreiking.publication_date == datetime.date(2025, 6, 1)
    assert [link.document.title for link in handreiking.documents.all()] == [
        "Handreiking integrale controles",
        "Handreiking integrale controles (bijlage-1.pdf)",
        "Handreiking integrale controles (bijlage-2.pdf)",
    ]
    assert HandreikingPage.objects.get(external_id="rp-1").kind == "rapport"
    factsheet = FactsheetPage.objects.get(external_id="fs-1")
    assert factsheet.document.file.read() == (files / "factsheet.pdf").read_bytes()
    assert factsheet.review_date == datetime.date(2026, 12, 31)
    event = EventPage.objects.get(external_id="ev-1")
    assert timezone.localtime(event.start).strftime("%d-%m-%Y %H:%M") == "15-09-2026 13:30"
    assert timezone.localtime(event.end).hour == 16 and event.location == "Utrecht"
    news = NewsPage.objects.get(external_id="nw-1")
    assert news.live and news.get_parent().specific_class.__name__ == "NewsIndexPage"
    assert news.date == datetime.date(2025, 5, 20)
    assert news.intro.startswith("Hoe gemeente") and list(news.themes.all()) == [theme]


def test_rerun_is_unchanged_and_a_changed_row_updates(kennisbank, theme, editor, files):
    rows = every_type_rows(theme, editor)
    run(csv_file(files, rows), "--no-progress")

    out, _err = run(csv_file(files, rows), "--no-progress")
    assert "0 nieuw, 0 bijgewerkt, 5 ongewijzigd, 0 mislukt." in out

    rows[4]["title"] = "Nieuwe handreiking over integrale controles"
    out, _err = run(csv_file(files, rows), "--no-progress")
    assert "Rij 6 (nw-1): bijgewerkt, gepubliceerd" in out
    assert NewsPage.objects.get(external_id="nw-1").title.startswith("Nieuwe handreiking over")
    assert ProductPage.objects.count() + NewsPage.objects.count() == 5


def test_bad_rows_are_reported_with_their_row_and_good_rows_land(kennisbank, theme, editor, files):
    reader = UserFactory(email="lid@gemeente.example")
    rows = [
        handreiking_row(theme, external_id="ok-1"),
        handreiking_row(theme, external_id="x-1", owner="onbekend@riec.example"),
        handreiking_row(theme, external_id="x-2", owner=reader.email),
        handreiking_row(theme, external_id="x-3", review_date="31-02-2026"),
        handreiking_row(theme, external_id="x-4", type="nieuws", visibility="members"),
        handreiking_row(theme, external_id="x-5", type="bijeenkomst", start="15-09-2026 10:00"),
        handreiking_row(theme, external_id="x-6", type="factsheet", documents="a.pdf|b.pdf"),
        handreiking_row(theme, external_id="x-7", documents="ontbreekt.pdf"),
        handreiking_row(theme, external_id="ok-1", title="Dubbel"),
        handreiking_row(theme, external_id="ok-2", body="Eerste regel\nmet een tweede regel"),
    ]

    out, _err = run(csv_file(files, rows), "--no-progress", fails=True)

    assert "Rij 2 (ok-1): nieuw, gepubliceerd" in out
    assert (
        "Rij 3 (x-1): mislukt: onbekende eigenaar 'onbekend@riec.example': geen actieve "
        "gebruiker met dit e-mailadres die pagina's mag bewerken"
    ) in out
    assert "Rij 4 (x-2): mislukt: onbekende eigenaar 'lid@gemeente.example'" in out
    assert "Rij 5 (x-3): mislukt: 'review_date' moet een datum zijn" in out
    assert "Rij 6 (x-4): mislukt: nieuwsberichten zijn altijd openbaar" in out
    assert "Rij 7 (x-5): mislukt: location: Vul een plaats in of kies online." in out
    assert "Rij 8 (x-6): mislukt: een factsheet heeft hoogstens 1 document(en), niet 2" in out
    assert "Rij 9 (x-7): mislukt: document niet gevonden: ontbreekt.pdf" in out
    assert "Rij 10 (ok-1): mislukt: 'ok-1' staat al op regel of rij 2 van dit bestand" in out
    assert "Rij 11 (ok-2): nieuw, gepubliceerd" in out
    assert "2 nieuw, 0 bijgewerkt, 0 ongewijzigd, 8 mislukt." in out
    assert set(ProductPage.objects.values_list("external_id", flat=True)) == {"ok-1", "ok-2"}
    assert not NewsPage.objects.filter(external_id="x-4").exists()


def test_dry_run_reports_everything_and_writes_nothing(kennisbank, theme, editor, files):
    rows = every_type_rows(theme, editor)
    run(csv_file(files, rows[:2]), "--no-progress")
    rows[1]["title"] = "Rapport Ondermijning 2025"
    rows.append(handreiking_row(theme, external_id="x-1", owner="onbekend@riec.example"))
    before, files_before = counts(), stored_files()

    out, _err = run(csv_file(files, rows), "--dry-run", "--no-progress", fails=True)

    assert out.startswith("Proefimport: er wordt niets opgeslagen.")
    assert "Rij 2 (hr-1): ongewijzigd" in out
    assert "Rij 3 (rp-1): bijgewerkt, gepubliceerd" in out
    assert "Rij 4 (fs-1): nieuw, gepubliceerd" in out
    assert "Rij 6 (nw-1): nieuw, gepubliceerd" in out
    assert "Rij 7 (x-1): mislukt: onbekende eigenaar" in out
    assert "Proefimport, niets opgeslagen: 3 nieuw, 1 bijgewerkt, 1 ongewijzigd, 1 mislukt." in out
    assert counts() == before and stored_files() == files_before
    assert HandreikingPage.objects.get(external_id="rp-1").title == "Rapport Ondermijning"


def test_submit_for_review_leaves_pages_to_the_redactieraad(kennisbank, theme, editor, files):
    board_member = UserFactory(email="redactieraad@riec.example", is_staff=True)
    board_member.groups.add(Group.objects.get(name=roles.EDITORIAL_BOARD))
    rows = [
        handreiking_row(theme, documents="handreiking.pdf", owner=editor.email),
        handreiking_row(theme, external_id="hr-2", published="nee"),
    ]

    out, _err = run(csv_file(files, rows), "--submit-for-review", "--no-progress")

    assert "Rij 2 (hr-1): nieuw, ter beoordeling aangeboden (workflow Redactieraad)" in out
    assert "Rij 3 (hr-2): nieuw, concept, niet gepubliceerd" in out
    assert "1 ter beoordeling aangeboden" in out
    draft = HandreikingPage.objects.get(external_id="hr-2")
    assert not draft.live and draft.current_workflow_state is None
    page = HandreikingPage.objects.get(external_id="hr-1")
    assert not page.live
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Redactieraad" and state.requested_by == editor
    assert state.current_task_state.revision.as_object().documents.count() == 1
    assert mail.outbox == []
    # Submitting again unchanged leaves the submission as it is.
    out, _err = run(csv_file(files, rows), "--submit-for-review", "--no-progress")
    assert "Rij 2 (hr-1): ongewijzigd" in out
    assert WorkflowState.objects.count() == 1
    # Publishing it by import ends the open submission, as publishing in the editor does.
    out, _err = run(csv_file(files, rows), "--no-progress")
    assert "Rij 2 (hr-1): bijgewerkt, gepubliceerd" in out
    page.refresh_from_db()
    assert page.live and page.current_workflow_state is None
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_CANCELLED
    # Wagtail's submission emails are back once the import is over.
    other = HandreikingPageFactory(parent=kennisbank, live=False, themes=[theme])
    other.save_revision()
    other.get_workflow().start(other, editor)
    assert [message.to for message in mail.outbox] == [[board_member.email]]


def test_a_row_failing_halfway_leaves_no_page_and_no_document(kennisbank, theme, files):
    WorkflowPage.objects.all().delete()
    rows = [handreiking_row(theme, documents="handreiking.pdf|bijlage-1.pdf")]
    before, files_before = counts(), stored_files()

    out, _err = run(csv_file(files, rows), "--submit-for-review", "--no-progress", fails=True)

    assert "Rij 2 (hr-1): mislukt: deze pagina heeft geen workflow" in out
    assert counts() == before and stored_files() == files_before
    assert not ProductPage.objects.filter(external_id="hr-1").exists()


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_on_a_terminal_stays_out_of_the_report(kennisbank, theme, files):
    path = csv_file(files, [handreiking_row(theme), handreiking_row(theme, external_id="hr-2")])
    out, err = io.StringIO(), Terminal()

    call_command("kpo_import", str(path), stdout=out, stderr=err)

    assert "] 2/2" in err.getvalue() and "Rij" not in err.getvalue()
    assert "[" not in out.getvalue() and "Rij 3 (hr-2): nieuw" in out.getvalue()
    _out, err = run(path)
    assert err == ""


def test_the_example_for_editors_imports_cleanly(kennisbank, editor):
    for name in json.loads((settings.BASE_DIR / "fixtures" / "themes.json").read_text()):
        ThemeFactory(name=name)
    editor.email = "redacteur@kpo.example"
    editor.save()

    out, _err = run(settings.BASE_DIR / "fixtures" / "import" / "voorbeeld.csv", "--dry-run")

    assert "Proefimport, niets opgeslagen: 5 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 mislukt." in out
