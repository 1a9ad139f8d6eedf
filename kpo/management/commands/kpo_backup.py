from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kpo import backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump custom format, or the SQLite file) and the media "
        "folder (tar) into a new timestamped folder under var/backups/ (or --target)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--target", default=str(settings.BASE_DIR / "var" / "backups"))

    def handle(self, *args, target, **options):
        try:
            folder = backup.backup(Path(target))
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
