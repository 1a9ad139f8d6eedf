from collections import Counter
from contextlib import nullcontext
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kennisbank.importing import FORMATS, FileError, Importer, read_source
from kennisbank.importing.progress import ProgressBar
from kennisbank.importing.saving import (
    CREATED,
    DRAFT,
    FAILED,
    PUBLISHED,
    SUBMITTED,
    UNCHANGED,
    UPDATED,
    without_submission_emails,
)


class Command(BaseCommand):
    help = (
        "Import kennisbank items (handreikingen and other products, factsheets, events, news) "
        "from a JSON Lines or CSV file. Idempotent on external_id. Every line is reported "
        "(new, updated, unchanged or failed with its reason); a failed line leaves nothing "
        "behind and the exit status is non-zero if any line failed. See docs/operations.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="JSONL or CSV file")
        parser.add_argument(
            "--format", choices=FORMATS, help="file format (default: from the extension)"
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="check everything and report what would happen, without saving anything",
        )
        parser.add_argument(
            "--submit-for-review",
            action="store_true",
            help="submit new and changed items to the page workflow instead of publishing",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, file, format, dry_run, submit_for_review, no_progress, **options):
        if not file.is_file():
            raise CommandError(_("Bestand niet gevonden: %(file)s") % {"file": file})
        try:
            source = read_source(file, format)
        except FileError as error:
            raise CommandError(str(error)) from None
        for note in source.notes:
            self.stdout.write(self.style.WARNING(note))
        if dry_run:
            self.stdout.write(_("Proefimport: er wordt niets opgeslagen."))
        importer = Importer(file.parent, dry_run=dry_run, submit=submit_for_review)
        progress = ProgressBar(
            self.stderr, len(source.records), not no_progress and self.stderr.isatty()
        )
        totals = Counter()
        quiet = without_submission_emails() if submit_for_review else nullcontext()
        with quiet:
            for record in source.records:
                report = importer.import_record(record)
                totals[report.outcome] += 1
                if report.state:
                    totals[report.state] += 1
                if report.outcome == FAILED or options["verbosity"] > 0:
                    progress.clear()
                    self.write_line(source.unit, report)
                progress.advance()
        progress.close()
        self.write_totals(totals, dry_run)
        if totals[FAILED]:
            raise CommandError(
                _("%(failed)d regel(s) of rij(en) niet geïmporteerd.") % {"failed": totals[FAILED]}
            )

    def write_line(self, unit, report):
        where = f"{unit} {report.number}"
        if report.external_id:
            where += f" ({report.external_id})"
        if report.outcome == FAILED:
            self.stdout.write(
                self.style.ERROR(
                    _("%(where)s: mislukt: %(reason)s") % {"where": where, "reason": report.reason}
                )
            )
            return
        words = {
            CREATED: _("nieuw"),
            UPDATED: _("bijgewerkt"),
            UNCHANGED: _("ongewijzigd"),
        }[report.outcome]
        states = {
            PUBLISHED: _("gepubliceerd"),
            DRAFT: _("concept, niet gepubliceerd"),
            SUBMITTED: _("ter beoordeling aangeboden (workflow %(workflow)s)")
            % {"workflow": report.workflow},
        }
        if report.state:
            words = f"{words}, {states[report.state]}"
        self.stdout.write(f"{where}: {words}")

    def write_totals(self, totals, dry_run):
        summary = _(
            "%(created)d nieuw, %(updated)d bijgewerkt, %(unchanged)d ongewijzigd, "
            "%(failed)d mislukt."
        ) % {key: totals[key] for key in [CREATED, UPDATED, UNCHANGED, FAILED]}
        if totals[SUBMITTED]:
            summary += " " + _(
                "%(submitted)d ter beoordeling aangeboden; de beoordelaars vinden ze op hun "
                "dashboard (per item is geen e-mail verstuurd)."
            ) % {"submitted": totals[SUBMITTED]}
        if dry_run:
            summary = _("Proefimport, niets opgeslagen: %(summary)s") % {"summary": summary}
        self.stdout.write(summary)
