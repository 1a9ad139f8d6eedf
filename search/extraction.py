"""Text of uploaded documents, extracted once per file version and stored."""

import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from .models import ExtractedText

logger = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
MAX_PAGES = 500
MAX_CHARS = 1_000_000


def document_text(document) -> str:
    """The text of ``document`` (a Wagtail document), extracted on first use of each version."""
    file_hash = document.get_file_hash()
    stored = ExtractedText.objects.filter(document=document).first()
    if stored is not None and stored.file_hash == file_hash:
        return stored.text
    text = extract_text(document)
    ExtractedText.objects.update_or_create(
        document=document, defaults={"file_hash": file_hash, "text": text}
    )
    return text


def extract_text(document) -> str:
    """Text of a PDF (judged by its content, not its name); other files give no text."""
    with document.open_file() as handle:
        if handle.read(len(PDF_MAGIC)) != PDF_MAGIC:
            return ""
        handle.seek(0)
        try:
            return pdf_text(handle)
        except (PyPdfError, ValueError, KeyError) as error:
            logger.warning("No text from document %s: %s", document.pk, error)
            return ""


def pdf_text(handle) -> str:
    reader = PdfReader(handle)
    parts, length = [], 0
    for page in reader.pages[:MAX_PAGES]:
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text)
        if length >= MAX_CHARS:
            break
    return " ".join(" ".join(parts).split())[:MAX_CHARS]
