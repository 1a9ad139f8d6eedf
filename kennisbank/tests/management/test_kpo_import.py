"""The stable contract of ``kpo_import FILE.jsonl`` (docs: design notes and operations.md)."""

import json

import pytest
from django.core.management import CommandError, call_command

from kennisbank.models import FactsheetPage, HandreikingPage, ProductPage
from kennisbank.pdf import make_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def import_file(tmp_path, theme, kennisbank):
    (tmp_path / "apv.pdf").write_bytes(make_pdf("Handreiking APV", "Tekst"))
    (tmp_path / "nep.pdf").write_bytes(b"geen pdf")
    good = {
        "external_id": "kb-1",
        "type": "handreiking",
        "title": "Handreiking APV en ondermijning",
        "summary": "Modelbepalingen voor de APV.",
        "body": "Eerste alinea.\n\nTweede <alinea>.",
        "themes": [theme.name],
        "visibility": "members",
        "published": "2025-06-01",
        "document": "apv.pdf",
    }
    lines = [
        json.dumps(good),
        "{niet: json",
        json.dumps({**good, "external_id": "kb-2", "themes": ["Bestaat niet"]}),
        json.dumps({**good, "external_id": "kb-3", "visibility": "geheim"}),
        json.dumps({**good, "external_id": "kb-4", "document": "nep.pdf"}),
        json.dumps({**good, "external_id": "kb-5", "type": "factsheet", "published": False}),
        json.dumps({"external_id": "kb-6"}),
    ]
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_import(path, capsys):
    with pytest.raises(CommandError, match="5 regel"):
        call_command("kpo_import", str(path))
    return capsys.readouterr()


def test_good_lines_land_and_bad_lines_are_reported_with_number(import_file, capsys):
    output = run_import(import_file, capsys)

    assert "Regel 1 (kb-1): nieuw, gepubliceerd" in output.out
    assert "Regel 2: mislukt: geen geldige JSON" in output.out
    assert "Regel 3 (kb-2): mislukt: onbekende thema's: Bestaat niet" in output.out
    assert "Regel 4 (kb-3): mislukt: onbekende zichtbaarheid 'geheim'" in output.out
    assert "Regel 5 (kb-4): mislukt: nep.pdf: De extensie .pdf past niet" in output.out
    assert "Regel 6 (kb-5): nieuw, concept, niet gepubliceerd" in output.out
    assert "Regel 7 (kb-6): mislukt: ontbrekende velden" in output.out
    assert "2 nieuw, 0 bijgewerkt, 0 ongewijzigd, 5 mislukt." in output.out

    handreiking = HandreikingPage.objects.get(external_id="kb-1")
    assert handreiking.live and handreiking.visibility == "members"
    assert str(handreiking.publication_date) == "2025-06-01"
    assert "Tweede &lt;alinea&gt;." in str(handreiking.body[1].value)
    assert handreiking.documents.get().document.file.read().startswith(b"%PDF-")
    factsheet = FactsheetPage.objects.get(external_id="kb-5")
    assert not factsheet.live and factsheet.document is not None


def test_import_is_idempotent_on_external_id(import_file, capsys):
    run_import(import_file, capsys)

    output = run_import(import_file, capsys)

    assert "Regel 1 (kb-1): ongewijzigd" in output.out
    assert "0 nieuw, 0 bijgewerkt, 2 ongewijzigd" in output.out
    assert ProductPage.objects.count() == 2


def test_changed_line_updates_the_existing_page(import_file, tmp_path, capsys):
    run_import(import_file, capsys)
    first = json.loads(import_file.read_text().splitlines()[0])
    changed = tmp_path / "changed.jsonl"
    changed.write_text(json.dumps({**first, "title": "Handreiking APV (2025)"}) + "\n")

    call_command("kpo_import", str(changed))

    page = HandreikingPage.objects.get(external_id="kb-1")
    assert page.title == "Handreiking APV (2025)"
    assert "1 bijgewerkt" in capsys.readouterr().out
    assert HandreikingPage.objects.count() == 1


def test_a_missing_file_stops_the_command(tmp_path):
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        call_command("kpo_import", str(tmp_path / "bestaat-niet.jsonl"))
