"""Bulk import of knowledge items from JSON Lines, used by ``manage.py kpo_import``.

Each line is one item. Lines are validated and saved one by one, so a bad line is reported
and skipped while the good lines still land. ``external_id`` makes the import idempotent."""

import datetime
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.documents.models import Document
from wagtail.rich_text import RichText

from kpo.models import Theme
from kpo.uploads import PDF, detect_type, max_bytes, safe_filename, validate_upload

from .models import (
    FactsheetPage,
    HandreikingDocument,
    HandreikingPage,
    ProductPage,
    Visibility,
)

REQUIRED_FIELDS = [
    "external_id",
    "type",
    "title",
    "summary",
    "body",
    "themes",
    "visibility",
    "published",
]
PAGE_MODELS = {kind: HandreikingPage for kind in HandreikingPage.Kind.values} | {
    "factsheet": FactsheetPage
}


class LineError(ValueError):
    """A line that cannot be imported; the message says why."""


@dataclass
class Item:
    external_id: str
    kind: str
    title: str
    summary: str
    body: str
    themes: list
    visibility: str
    publication_date: datetime.date
    live: bool
    document: bytes | None
    document_name: str
    fingerprint: str


def parse_line(line, base_dir):
    """Validate one JSON line and return an ``Item``, or raise ``LineError``."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise LineError(_("geen geldige JSON (%(error)s)") % {"error": error.msg}) from None
    if not isinstance(data, dict):
        raise LineError(_("verwacht een JSON-object"))
    missing = [field for field in REQUIRED_FIELDS if field not in data]
    if missing:
        raise LineError(_("ontbrekende velden: %(fields)s") % {"fields": ", ".join(missing)})
    for field in ["external_id", "type", "title", "summary", "body", "visibility"]:
        if not isinstance(data[field], str) or not data[field].strip():
            raise LineError(_("veld '%(field)s' moet tekst zijn") % {"field": field})
    if data["type"] not in PAGE_MODELS:
        raise LineError(
            _("onbekend type '%(type)s' (kies uit: %(choices)s)")
            % {"type": data["type"], "choices": ", ".join(PAGE_MODELS)}
        )
    if data["visibility"] not in Visibility.values:
        raise LineError(
            _("onbekende zichtbaarheid '%(value)s' (kies uit: %(choices)s)")
            % {"value": data["visibility"], "choices": ", ".join(Visibility.values)}
        )
    publication_date, live = parse_published(data["published"])
    document, document_name = read_document(data.get("document"), base_dir)
    fingerprint_source = json.dumps(data, sort_keys=True).encode() + (document or b"")
    return Item(
        external_id=data["external_id"].strip(),
        kind=data["type"],
        title=data["title"].strip(),
        summary=data["summary"].strip(),
        body=data["body"],
        themes=find_themes(data["themes"]),
        visibility=data["visibility"],
        publication_date=publication_date,
        live=live,
        document=document,
        document_name=document_name,
        fingerprint=hashlib.sha256(fingerprint_source).hexdigest(),
    )


def parse_published(value):
    """``published`` is an ISO date (live, with that publication date) or a boolean."""
    if isinstance(value, bool):
        return timezone.localdate(), value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value), True
        except ValueError:
            pass
    raise LineError(_("'published' moet een datum (JJJJ-MM-DD), true of false zijn"))


def find_themes(names):
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise LineError(_("'themes' moet een lijst met minstens één themanaam zijn"))
    themes = {theme.name.lower(): theme for theme in Theme.objects.all()}
    themes.update({theme.slug: theme for theme in themes.values()})
    unknown = [name for name in names if name.lower() not in themes]
    if unknown:
        raise LineError(_("onbekende thema's: %(names)s") % {"names": ", ".join(unknown)})
    return [themes[name.lower()] for name in names]


def read_document(path_value, base_dir):
    """The PDF's bytes and file name; a relative path is relative to the import file."""
    if path_value in (None, ""):
        return None, ""
    if not isinstance(path_value, str):
        raise LineError(_("'document' moet een bestandspad zijn"))
    path = Path(path_value)
    if not path.is_absolute():
        path = base_dir / path
    if not path.is_file():
        raise LineError(_("document niet gevonden: %(path)s") % {"path": path_value})
    if path.stat().st_size > max_bytes("document"):
        raise LineError(
            _("document is groter dan %(limit)s: %(path)s")
            % {"limit": filesizeformat(max_bytes("document")), "path": path_value}
        )
    upload = ContentFile(path.read_bytes(), path.name)
    if detect_type(upload) is not PDF:
        raise LineError(_("document is geen pdf: %(path)s") % {"path": path_value})
    try:
        validate_upload(upload, "document")
    except ValidationError as error:
        raise LineError(f"{path_value}: {' '.join(error.messages)}") from error
    return upload.read(), safe_filename(path.name, PDF)


def body_blocks(text):
    """Plain text, paragraphs separated by blank lines, as StreamField paragraphs."""
    paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
    return [("paragraph", RichText(f"<p>{escape(paragraph)}</p>")) for paragraph in paragraphs]


def get_document(item):
    file_hash = hashlib.sha1(item.document).hexdigest()  # noqa: S324 (Wagtail's file_hash)
    document = Document.objects.filter(file_hash=file_hash).first()
    if document is None:
        document = Document(title=item.title, file=ContentFile(item.document, item.document_name))
        document._set_document_file_metadata()
        document.save()
    return document


def save_item(parent, item):
    """Create or update the page for ``item``; returns "created", "updated" or "unchanged"."""
    model = PAGE_MODELS[item.kind]
    existing = ProductPage.objects.filter(external_id=item.external_id).first()
    if existing is not None:
        page = existing.specific
        if not isinstance(page, model):
            raise LineError(
                _("%(id)s bestaat al als ander type (%(type)s)")
                % {"id": item.external_id, "type": page.get_product_type_display()}
            )
        if page.import_fingerprint == item.fingerprint:
            return "unchanged"
    else:
        page = model(external_id=item.external_id, live=item.live)
    fill_page(page, item)
    try:
        if existing is None:
            parent.add_child(instance=page)
        revision = page.save_revision()
    except ValidationError as error:
        raise LineError("; ".join(error.messages)) from None
    if item.live:
        revision.publish()
    elif page.live:
        page.unpublish()
    return "updated" if existing else "created"


def fill_page(page, item):
    page.title = item.title
    page.summary = item.summary
    page.body = body_blocks(item.body)
    page.visibility = item.visibility
    page.publication_date = item.publication_date
    page.import_fingerprint = item.fingerprint
    page.themes = item.themes
    if item.kind != "factsheet":
        page.kind = item.kind
    document = get_document(item) if item.document else None
    if isinstance(page, FactsheetPage):
        page.document = document
    else:
        page.documents = [HandreikingDocument(document=document)] if document else []
