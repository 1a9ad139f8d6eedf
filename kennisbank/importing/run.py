"""One import run: each record parsed, checked against the others and saved on its own."""

from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from .items import LineError, Lookups, parse_record
from .saving import FAILED, import_item


@dataclass
class LineReport:
    """What happened to one line or row (``reason`` says why it failed)."""

    number: int
    external_id: str
    outcome: str
    state: str = ""
    workflow: str = ""
    reason: str = ""


class Importer:
    def __init__(self, base_dir: Path, *, dry_run=False, submit=False):
        self.base_dir = base_dir
        self.dry_run = dry_run
        self.submit = submit
        self.lookups = Lookups()
        self.numbers = {}

    def import_record(self, record) -> LineReport:
        if record.error:
            return LineReport(record.number, "", FAILED, reason=record.error)
        external_id = str(record.data.get("external_id", "")).strip()
        try:
            item = parse_record(record.data, self.base_dir, self.lookups)
            self.check_once(item.external_id, record.number)
            saved = import_item(item, dry_run=self.dry_run, submit=self.submit)
        except LineError as error:
            return LineReport(record.number, external_id, FAILED, reason=str(error))
        return LineReport(record.number, external_id, saved.outcome, saved.state, saved.workflow)

    def check_once(self, external_id: str, number: int) -> None:
        """An ``external_id`` twice in one file is a mistake; the first line wins."""
        first = self.numbers.setdefault(external_id, number)
        if first != number:
            raise LineError(
                _("'%(id)s' staat al op regel of rij %(number)d van dit bestand")
                % {"id": external_id, "number": first}
            )
