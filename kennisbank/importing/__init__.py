"""Bulk import of kennisbank items (knowledge products, events and news) from JSON Lines or
CSV, used by ``manage.py kpo_import``: ``sources`` reads the file, ``items`` validates each
record, ``saving`` saves it in a transaction of its own, ``run`` ties them together."""

from .items import LineError, Lookups, parse_record
from .run import Importer, LineReport
from .saving import import_item, without_submission_emails
from .sources import FORMATS, FileError, read_source

__all__ = [
    "FORMATS",
    "FileError",
    "Importer",
    "LineError",
    "LineReport",
    "Lookups",
    "import_item",
    "parse_record",
    "read_source",
    "without_submission_emails",
]
