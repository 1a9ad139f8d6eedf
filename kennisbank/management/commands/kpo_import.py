from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from kennisbank.importer import LineError, parse_line, save_item
from kennisbank.models import KennisbankIndexPage


class Command(BaseCommand):
    help = (
        "Import knowledge items from a JSON Lines file (one JSON object per line) into the "
        "kennisbank. Idempotent on external_id. Bad lines are reported with their line "
        "number and skipped; the exit status is non-zero if any line failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="JSONL file")

    def handle(self, *args, file, **options):
        if not file.is_file():
            raise CommandError(_("Bestand niet gevonden: %(file)s") % {"file": file})
        parent = KennisbankIndexPage.objects.first()
        if parent is None:
            raise CommandError(_("Er is geen kennisbank-overzicht om onder te importeren."))
        results = Counter()
        with file.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    results[self.import_line(parent, file.parent, number, line)] += 1
        self.stdout.write(
            _(
                "%(created)d nieuw, %(updated)d bijgewerkt, %(unchanged)d ongewijzigd, "
                "%(failed)d mislukt."
            )
            % {key: results[key] for key in ["created", "updated", "unchanged", "failed"]}
        )
        if results["failed"]:
            raise CommandError(
                _("%(failed)d regel(s) niet geïmporteerd.") % {"failed": results["failed"]}
            )

    def import_line(self, parent, base_dir, number, line):
        try:
            with transaction.atomic():
                return save_item(parent, parse_line(line, base_dir))
        except LineError as error:
            self.stderr.write(
                _("Regel %(number)d: %(reason)s") % {"number": number, "reason": error}
            )
            return "failed"
