"""Text of Office, OpenDocument and plain text files, from files made in the test. The
type is judged by content: a misleading name changes nothing."""

import io
import zipfile

import docx
import openpyxl
import pptx
import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from kennisbank.models import HandreikingDocument
from search import extraction
from search.extraction import file_text

from .conftest import publish
from .helpers import titles

pytestmark = pytest.mark.django_db


def saved(save) -> bytes:
    buffer = io.BytesIO()
    save(buffer)
    return buffer.getvalue()


def word_file() -> bytes:
    document = docx.Document()
    document.add_heading("Handreiking weerbaar buitengebied", 1)
    document.add_paragraph("Vrijkomende agrarische bebouwing trekt criminelen aan.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Signaal"
    table.cell(0, 1).text = "Verduisterde ramen"
    return saved(document.save)


def excel_file() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Gemeente", "Meldingen"])
    sheet.append(["Tilburg", 42])
    workbook.create_sheet("Vastgoed").append(["Witwasconstructie"])
    return saved(workbook.save)


def powerpoint_file() -> bytes:
    presentation = pptx.Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[1])
    slide.shapes.title.text = "Kennisevent Bibob"
    slide.placeholders[1].text = "Integriteitstoets bij vergunningen"
    slide.notes_slide.notes_text_frame.text = "Sprekersnotitie over horeca"
    return saved(presentation.save)


ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
  <office:body><office:text>
    <text:h text:outline-level="1">Meldroutekaart mensenhandel</text:h>
    <text:p>Waar meldt u <text:span>signalen</text:span> van uitbuiting?</text:p>
  </office:text></office:body>
</office:document-content>"""


def opendocument_file() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", ODT_CONTENT)
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("make", "name", "expected"),
    [
        (
            word_file,
            "a.docx",
            "Handreiking weerbaar buitengebied Vrijkomende agrarische bebouwing trekt "
            "criminelen aan. Signaal Verduisterde ramen",
        ),
        (excel_file, "b.xlsx", "Gemeente Meldingen Tilburg 42 Witwasconstructie"),
        (
            powerpoint_file,
            "c.pptx",
            "Kennisevent Bibob Integriteitstoets bij vergunningen Sprekersnotitie over horeca",
        ),
        (
            opendocument_file,
            "d.odt",
            "Meldroutekaart mensenhandel Waar meldt u signalen van uitbuiting?",
        ),
        (lambda: "Financiële   stromen\nin kaart".encode(), "e.txt", "Financiële stromen in kaart"),
    ],
)
def test_text_of_office_and_text_files(make, name, expected):
    assert file_text(ContentFile(make(), name=name)) == expected


def test_type_is_judged_by_content_not_name():
    assert "Witwasconstructie" in file_text(ContentFile(excel_file(), name="rapport.pdf"))


def test_unknown_or_broken_files_give_no_text():
    assert file_text(ContentFile(b"\x00\x01\x02binary", name="x.docx")) == ""
    broken = word_file()[:2000]
    assert file_text(ContentFile(broken, name="kapot.docx")) == ""


def test_archives_that_unpack_too_far_are_not_read(monkeypatch):
    odt = opendocument_file()
    assert file_text(ContentFile(odt, name="d.odt"))
    monkeypatch.setattr(extraction, "MAX_UNPACKED_BYTES", len(ODT_CONTENT) // 2)
    assert file_text(ContentFile(odt, name="d.odt")) == ""


def test_word_attachment_text_is_found_through_its_page(content, indexed, member):
    page = content["members"]
    document = Document.objects.create(
        title="Checklist", file=ContentFile(word_file(), name="checklist.docx")
    )
    page.documents = [HandreikingDocument(document=document)]
    with indexed():
        publish(page)
    assert titles("verduisterde ramen", member) == ["Handreiking APV en ondermijning"]
