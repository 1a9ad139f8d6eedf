"""Reading an import file: JSON Lines or CSV (as a spreadsheet exports it) into records,
each with the number of the line (JSON Lines) or row (CSV) where the editor finds it."""

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

JSON_LINES = "jsonl"
CSV = "csv"
FORMATS = [JSON_LINES, CSV]
EXTENSIONS = {".jsonl": JSON_LINES, ".json": JSON_LINES, ".ndjson": JSON_LINES, ".csv": CSV}

# Columns every CSV file needs; the others are optional or needed by some page types only.
CSV_REQUIRED_COLUMNS = ["external_id", "type", "title", "summary", "body", "published"]
COLUMNS = [
    *CSV_REQUIRED_COLUMNS,
    "themes",
    "visibility",
    "document",
    "documents",
    "owner",
    "review_date",
    "start",
    "end",
    "location",
    "online",
    "registration_url",
]
DELIMITERS = [";", ",", "\t"]


class FileError(ValueError):
    """The whole file cannot be read; the message says why."""


@dataclass
class Record:
    """One item as read: its ``data``, or ``error`` when the line or row itself is unreadable."""

    number: int
    data: dict | None = None
    error: str = ""


@dataclass
class Source:
    records: list[Record]
    # "Regel" (a line of a JSON Lines file) or "Rij" (a spreadsheet row).
    unit: str
    notes: list[str] = field(default_factory=list)


def read_source(path: Path, chosen_format: str | None = None) -> Source:
    """The records of the file at ``path`` in ``chosen_format`` or the one its extension says."""
    file_format = chosen_format or EXTENSIONS.get(path.suffix.lower())
    if file_format is None:
        raise FileError(
            _(
                "Onbekend bestandsformaat %(suffix)s: gebruik .jsonl of .csv, of geef het "
                "formaat op met --format."
            )
            % {"suffix": path.suffix or _("(geen extensie)")}
        )
    content = path.read_bytes()
    return read_csv(content) if file_format == CSV else read_json_lines(content)


def read_json_lines(content: bytes) -> Source:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileError(
            _("Het bestand is geen UTF-8 (byte %(position)d).") % {"position": error.start}
        ) from None
    records = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            records.append(json_record(number, line))
    return Source(records, _("Regel"))


def json_record(number: int, line: str) -> Record:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        return Record(number, error=_("geen geldige JSON (%(error)s)") % {"error": error.msg})
    if not isinstance(data, dict):
        return Record(number, error=_("verwacht een JSON-object"))
    return Record(number, data)


def read_csv(content: bytes) -> Source:
    """Rows of a CSV file as Excel or LibreOffice write it: UTF-8 with or without BOM (or
    Excel's Windows-1252, with a note), ``;``, ``,`` or tab between cells, quoted cells
    over several lines. Row 1 holds the column names; numbers are the spreadsheet's rows."""
    notes = []
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = decode_windows_1252(content)
        notes.append(
            _(
                "Let op: het bestand is geen UTF-8 en is gelezen als Windows-1252 (Excel). "
                "Controleer letters met accenten, of sla het op als 'CSV UTF-8'."
            )
        )
    header_line = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=header_line.count)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [name.strip().lower() for name in next(rows, [])]
    check_columns(header)
    records = []
    for number, row in enumerate(rows, start=2):
        cells = [cell.replace("\r\n", "\n").strip() for cell in row]
        if any(cells):
            records.append(csv_record(number, header, cells))
    return Source(records, _("Rij"), notes)


def decode_windows_1252(content: bytes) -> str:
    try:
        return content.decode("cp1252")
    except UnicodeDecodeError as error:
        raise FileError(
            _("Het bestand is geen UTF-8 (byte %(position)d); sla het op als 'CSV UTF-8'.")
            % {"position": error.start}
        ) from None


def check_columns(header: list[str]) -> None:
    if not any(header):
        raise FileError(_("Het bestand is leeg: rij 1 moet de kolomnamen bevatten."))
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        raise FileError(
            _("Onbekende kolommen: %(unknown)s. Mogelijke kolommen: %(columns)s.")
            % {"unknown": ", ".join(unknown), "columns": ", ".join(COLUMNS)}
        )
    missing = [name for name in CSV_REQUIRED_COLUMNS if name not in header]
    if missing:
        raise FileError(_("Ontbrekende kolommen: %(columns)s.") % {"columns": ", ".join(missing)})
    doubles = sorted({name for name in header if name and header.count(name) > 1})
    if doubles:
        raise FileError(_("Dubbele kolommen: %(columns)s.") % {"columns": ", ".join(doubles)})


def csv_record(number: int, header: list[str], cells: list[str]) -> Record:
    if any(cells[len(header) :]):
        return Record(
            number,
            error=_("de rij heeft meer cellen (%(cells)d) dan er kolommen zijn (%(columns)d)")
            % {"cells": len(cells), "columns": len(header)},
        )
    data = {name: cell for name, cell in zip(header, cells, strict=False) if name and cell}
    return Record(number, data)
