"""Text of uploaded files, extracted once per file version and stored (``ExtractedText``).

The type is judged by the content (``kpo.uploads.detect_type``), never by the name: PDF
(pypdf), Word, Excel and PowerPoint (python-docx, openpyxl, python-pptx), OpenDocument
text, spreadsheets and presentations (their ``content.xml``), plain text and CSV. Other
files, and files that cannot be read, give no text."""

import logging
import zipfile
from collections.abc import Iterable

import docx
import openpyxl
import pptx
from django.contrib.contenttypes.models import ContentType
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree
from pptx.exc import PackageNotFoundError as PresentationNotFoundError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from kpo import uploads

from .models import ExtractedText

logger = logging.getLogger(__name__)

MAX_PAGES = 500
MAX_CHARS = 1_000_000
# Zip-based files whose entries would unpack to more than this are not read (zip bombs).
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
ODF_TEXT_TAGS = {
    "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p",
    "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}h",
}
# No entities, no network, no huge trees: OpenDocument content needs none of them.
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
READ_ERRORS = (
    PyPdfError,
    PackageNotFoundError,
    PresentationNotFoundError,
    zipfile.BadZipFile,
    etree.XMLSyntaxError,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    OSError,
)


def document_text(document) -> str:
    """The text of a Wagtail document, extracted on first use of each file version."""
    return stored_text(document, document.get_file_hash(), document.file)


def stored_text(owner, file_hash: str, file) -> str:
    """The stored text of ``owner``'s ``file`` when it was extracted from this version
    (``file_hash``); otherwise extract it now and store it."""
    content_type = ContentType.objects.get_for_model(owner)
    stored = ExtractedText.objects.filter(content_type=content_type, object_id=owner.pk).first()
    if stored is not None and stored.file_hash == file_hash:
        return stored.text
    text = file_text(file)
    ExtractedText.objects.update_or_create(
        content_type=content_type,
        object_id=owner.pk,
        defaults={"file_hash": file_hash, "text": text},
    )
    return text


def forget_text(owner) -> None:
    ExtractedText.objects.filter(
        content_type=ContentType.objects.get_for_model(owner), object_id=owner.pk
    ).delete()


def file_text(file) -> str:
    """The text of a Django ``File`` (opened and closed here), or "" when it has none."""
    with file.open("rb") as handle:
        file_type = uploads.detect_type(handle)
        extractor = EXTRACTORS.get(file_type)
        if extractor is None:
            return ""
        handle.seek(0)
        try:
            return extractor(handle)
        except READ_ERRORS as error:
            logger.warning("No text from %s: %s", file.name, error)
            return ""


def limited(parts: Iterable[str]) -> str:
    """The parts joined with single spaces, cut off at ``MAX_CHARS``."""
    kept, length = [], 0
    for part in parts:
        part = " ".join(str(part).split())
        if not part:
            continue
        kept.append(part)
        length += len(part) + 1
        if length >= MAX_CHARS:
            break
    return " ".join(kept)[:MAX_CHARS]


def pdf_text(handle) -> str:
    reader = PdfReader(handle)
    return limited(page.extract_text() or "" for page in reader.pages[:MAX_PAGES])


def check_unpacked_size(handle) -> None:
    with zipfile.ZipFile(handle) as archive:
        if sum(entry.file_size for entry in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise ValueError("archive unpacks to more than the limit")
    handle.seek(0)


def docx_text(handle) -> str:
    check_unpacked_size(handle)
    document = docx.Document(handle)
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return limited([*(paragraph.text for paragraph in document.paragraphs), *cells])


def xlsx_text(handle) -> str:
    check_unpacked_size(handle)
    workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    try:
        return limited(
            value
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
    finally:
        workbook.close()


def slide_texts(presentation):
    for slide in presentation.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                yield shape.text_frame.text
            if shape.has_table:
                yield from (cell.text for row in shape.table.rows for cell in row.cells)
        if slide.has_notes_slide:
            yield slide.notes_slide.notes_text_frame.text


def pptx_text(handle) -> str:
    check_unpacked_size(handle)
    return limited(slide_texts(pptx.Presentation(handle)))


def odf_text(handle) -> str:
    """The paragraphs and headings of an OpenDocument file's ``content.xml``."""
    check_unpacked_size(handle)
    with zipfile.ZipFile(handle) as archive, archive.open("content.xml") as content:
        root = etree.parse(content, SAFE_XML).getroot()
    return limited(
        "".join(element.itertext()) for element in root.iter() if element.tag in ODF_TEXT_TAGS
    )


def plain_text(handle) -> str:
    return limited([handle.read(MAX_CHARS * 4).decode("utf-8", errors="replace")])


EXTRACTORS = {
    uploads.PDF: pdf_text,
    uploads.DOCX: docx_text,
    uploads.XLSX: xlsx_text,
    uploads.PPTX: pptx_text,
    uploads.ODT: odf_text,
    uploads.ODS: odf_text,
    uploads.ODP: odf_text,
    uploads.TXT: plain_text,
    uploads.CSV: plain_text,
}
