"""Turning one record (a JSON object or a CSV row) into a validated ``Item``: every value,
theme, owner and file is checked before anything is written."""

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.rich_text import RichText

from kpo.models import Theme
from kpo.uploads import max_bytes, safe_filename, validate_upload

from ..models import (
    EventPage,
    FactsheetPage,
    HandreikingPage,
    KennisbankIndexPage,
    KennisbankPage,
    NewsIndexPage,
    NewsPage,
    Visibility,
)

REQUIRED_FIELDS = ["external_id", "type", "title", "summary", "body", "published"]
# Required for knowledge products; news is public and may have no themes.
PRODUCT_FIELDS = ["themes", "visibility"]
LIST_SEPARATOR = "|"
DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
DATETIME_FORMATS = [f"{date} {time}" for date in DATE_FORMATS for time in ["%H:%M", "%H:%M:%S"]]
TRUE_WORDS = {"true", "ja", "j", "yes", "waar", "1", "x"}
FALSE_WORDS = {"false", "nee", "n", "no", "onwaar", "0"}


class LineError(ValueError):
    """A line that cannot be imported; the message says why."""


@dataclass(frozen=True)
class PageType:
    """What the ``type`` column selects: the page model, where it lives and how many
    documents it holds (None: any number)."""

    model: type
    parent_model: type
    max_documents: int | None


PAGE_TYPES = {
    **{
        kind: PageType(HandreikingPage, KennisbankIndexPage, None)
        for kind in HandreikingPage.Kind.values
    },
    "factsheet": PageType(FactsheetPage, KennisbankIndexPage, 1),
    "bijeenkomst": PageType(EventPage, KennisbankIndexPage, 0),
    "nieuws": PageType(NewsPage, NewsIndexPage, 0),
}
TYPE_ALIASES = {"event": "bijeenkomst", "news": "nieuws"}


@dataclass
class DocumentFile:
    """A validated file to store as a Wagtail document."""

    name: str
    content: bytes


@dataclass
class Item:
    external_id: str
    page_type: PageType
    title: str
    # Page field values (body as StreamField blocks); themes are set apart (many-to-many).
    fields: dict
    themes: list
    live: bool
    owner: object
    documents: list[DocumentFile] = field(default_factory=list)
    fingerprint: str = ""


class Lookups:
    """What every line looks up, read once per import: the themes and the people who may
    own pages."""

    def __init__(self):
        self._themes = None
        self._owners = {}

    def themes(self) -> dict:
        if self._themes is None:
            themes = {theme.name.lower(): theme for theme in Theme.objects.all()}
            themes.update({theme.slug: theme for theme in themes.values()})
            self._themes = themes
        return self._themes

    def owner(self, email: str):
        key = email.lower()
        if key not in self._owners:
            self._owners[key] = (
                PagePermissionPolicy()
                .users_with_any_permission(["add", "change", "publish"])
                .filter(email__iexact=email, is_active=True)
                .first()
            )
        if self._owners[key] is None:
            raise LineError(
                _(
                    "onbekende eigenaar '%(email)s': geen actieve gebruiker met dit "
                    "e-mailadres die pagina's mag bewerken"
                )
                % {"email": email}
            )
        return self._owners[key]


def parse_record(data: dict, base_dir: Path, lookups: Lookups) -> Item:
    """Validate one record and return an ``Item``, or raise ``LineError``."""
    missing = [name for name in REQUIRED_FIELDS if name not in data]
    if missing:
        raise LineError(_("ontbrekende velden: %(fields)s") % {"fields": ", ".join(missing)})
    kind = text(data, "type").lower()
    kind = TYPE_ALIASES.get(kind, kind)
    if kind not in PAGE_TYPES:
        raise LineError(
            _("onbekend type '%(type)s' (kies uit: %(choices)s)")
            % {"type": data["type"], "choices": ", ".join(PAGE_TYPES)}
        )
    page_type = PAGE_TYPES[kind]
    is_news = page_type.model is NewsPage
    if not is_news:
        missing = [name for name in PRODUCT_FIELDS if name not in data]
        if missing:
            raise LineError(_("ontbrekende velden: %(fields)s") % {"fields": ", ".join(missing)})
    publication_date, live = parse_published(data["published"])
    item = Item(
        external_id=text(data, "external_id"),
        page_type=page_type,
        title=text(data, "title"),
        fields={"body": body_blocks(text(data, "body"))},
        themes=find_themes(data.get("themes"), lookups, required=not is_news),
        live=live,
        owner=lookups.owner(text(data, "owner")) if data.get("owner") else None,
        documents=read_documents(data, base_dir, page_type),
    )
    item.fields["title"] = item.title
    if is_news:
        item.fields.update(news_fields(data, text(data, "summary"), publication_date))
    else:
        item.fields.update(
            summary=text(data, "summary"),
            publication_date=publication_date,
            visibility=parse_visibility(data["visibility"]),
        )
    if issubclass(page_type.model, KennisbankPage):
        item.fields["review_date"] = optional_date(data, "review_date")
    if page_type.model is HandreikingPage:
        item.fields["kind"] = kind
    if page_type.model is EventPage:
        item.fields.update(event_fields(data))
    source = json.dumps(data, sort_keys=True).encode()
    item.fingerprint = hashlib.sha256(
        source + b"".join(document.content for document in item.documents)
    ).hexdigest()
    return item


def text(data: dict, name: str) -> str:
    value = data.get(name, "")
    if not isinstance(value, str) or not value.strip():
        raise LineError(_("veld '%(field)s' moet tekst zijn") % {"field": name})
    return value.strip()


def optional_text(data: dict, name: str) -> str:
    return text(data, name) if data.get(name) not in (None, "") else ""


def parse_visibility(value) -> str:
    if value not in Visibility.values:
        raise LineError(
            _("onbekende zichtbaarheid '%(value)s' (kies uit: %(choices)s)")
            % {"value": value, "choices": ", ".join(Visibility.values)}
        )
    return value


def news_fields(data: dict, summary: str, publication_date) -> dict:
    """News is always public and has no review date."""
    if data.get("visibility") not in (None, "", Visibility.PUBLIC):
        raise LineError(
            _("nieuwsberichten zijn altijd openbaar: laat 'visibility' leeg of kies 'public'")
        )
    if data.get("review_date"):
        raise LineError(_("nieuwsberichten hebben geen herziendatum ('review_date')"))
    return {"intro": summary, "date": publication_date}


def event_fields(data: dict) -> dict:
    if not data.get("start"):
        raise LineError(_("een bijeenkomst heeft een 'start' (datum en tijd)"))
    fields = {
        "start": parse_datetime(data["start"], "start"),
        "end": parse_datetime(data["end"], "end") if data.get("end") else None,
        "location": optional_text(data, "location"),
        "online": parse_bool(data.get("online", False), "online"),
        "registration_url": optional_text(data, "registration_url"),
    }
    return fields


def parse_published(value):
    """``published`` is a date (live, with that publication date) or yes/no (today)."""
    if isinstance(value, str) and value.strip().lower() in TRUE_WORDS | FALSE_WORDS:
        value = value.strip().lower() in TRUE_WORDS
    if isinstance(value, bool):
        return timezone.localdate(), value
    date = parse_date(value) if isinstance(value, str) else None
    if date is None:
        raise LineError(
            _("'published' moet een datum (JJJJ-MM-DD of DD-MM-JJJJ), ja/true of nee/false zijn")
        )
    return date, True


def parse_date(value: str):
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value.strip(), date_format).date()
        except ValueError:
            continue
    return None


def optional_date(data: dict, name: str):
    value = data.get(name)
    if value in (None, ""):
        return None
    date = parse_date(value) if isinstance(value, str) else None
    if date is None:
        raise LineError(
            _("'%(field)s' moet een datum zijn (JJJJ-MM-DD of DD-MM-JJJJ), niet '%(value)s'")
            % {"field": name, "value": value}
        )
    return date


def parse_datetime(value, name: str) -> datetime.datetime:
    """A date and time, read in the site's time zone unless it carries its own offset."""
    moment = None
    if isinstance(value, str):
        for datetime_format in DATETIME_FORMATS:
            try:
                moment = datetime.datetime.strptime(value.strip(), datetime_format)
                break
            except ValueError:
                continue
        else:
            moment = iso_datetime(value)
    if moment is None:
        raise LineError(
            _("'%(field)s' moet een datum met tijd zijn (JJJJ-MM-DD UU:MM of DD-MM-JJJJ UU:MM)")
            % {"field": name}
        )
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def iso_datetime(value: str):
    if "T" not in value:
        return None
    try:
        return datetime.datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def parse_bool(value, name: str) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in TRUE_WORDS | FALSE_WORDS:
        return word in TRUE_WORDS
    raise LineError(_("'%(field)s' moet ja of nee zijn") % {"field": name})


def as_list(value, name: str) -> list[str]:
    """A JSON list of texts, or texts separated by ``|`` (a spreadsheet cell)."""
    if isinstance(value, str):
        value = value.split(LIST_SEPARATOR)
    if not isinstance(value, list) or not all(isinstance(entry, str) for entry in value):
        raise LineError(
            _("'%(field)s' moet een lijst zijn (in CSV gescheiden door |)") % {"field": name}
        )
    return [entry.strip() for entry in value if entry.strip()]


def find_themes(value, lookups: Lookups, required: bool) -> list:
    names = as_list(value, "themes") if value not in (None, "") else []
    if required and not names:
        raise LineError(_("'themes' moet een lijst met minstens één themanaam zijn"))
    themes = lookups.themes()
    unknown = [name for name in names if name.lower() not in themes]
    if unknown:
        raise LineError(_("onbekende thema's: %(names)s") % {"names": ", ".join(unknown)})
    return list(dict.fromkeys(themes[name.lower()] for name in names))


def document_paths(data: dict) -> list[str]:
    paths = []
    if data.get("document") not in (None, ""):
        if not isinstance(data["document"], str):
            raise LineError(_("'document' moet een bestandspad zijn"))
        paths.append(data["document"].strip())
    if data.get("documents") not in (None, ""):
        paths += as_list(data["documents"], "documents")
    return list(dict.fromkeys(paths))


def read_documents(data: dict, base_dir: Path, page_type: PageType) -> list[DocumentFile]:
    paths = document_paths(data)
    limit = page_type.max_documents
    if limit is not None and len(paths) > limit:
        name = page_type.model._meta.verbose_name
        if limit == 0:
            raise LineError(_("een %(type)s heeft geen documenten") % {"type": name})
        raise LineError(
            _("een %(type)s heeft hoogstens %(limit)d document(en), niet %(count)d")
            % {"type": name, "limit": limit, "count": len(paths)}
        )
    return [read_document(path, base_dir) for path in paths]


def read_document(path_value: str, base_dir: Path) -> DocumentFile:
    """A file checked by content with the upload validator; a relative path is relative to
    the import file."""
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
    try:
        file_type = validate_upload(upload, "document")
    except ValidationError as error:
        raise LineError(f"{path_value}: {' '.join(error.messages)}") from None
    return DocumentFile(safe_filename(path.name, file_type), upload.read())


def body_blocks(body: str) -> list:
    """Plain text, paragraphs separated by blank lines, as StreamField paragraphs."""
    paragraphs = [part.strip() for part in body.replace("\r\n", "\n").split("\n\n")]
    return [
        ("paragraph", RichText(f"<p>{escape(paragraph)}</p>"))
        for paragraph in paragraphs
        if paragraph
    ]
