from pathlib import Path

import dj_database_url
from django.core.management.base import BaseCommand, CommandError

from kpo import backup as backup_module


class Command(BaseCommand):
    help = (
        "Restore a backup folder (from kpo_backup) into an empty database and an empty media "
        "folder: by default the configured ones, or --database-url / --media-root. "
        "Afterwards run `migrate` (after an upgrade) and `kpo_search_index rebuild`."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="the backup folder, e.g. var/backups/20260101T…Z")
        parser.add_argument("--database-url", help="restore into this (empty) database")
        parser.add_argument("--media-root", help="restore the media into this (empty) folder")

    def handle(self, *args, backup: str, database_url=None, media_root=None, **options):
        database = dj_database_url.parse(database_url) if database_url else None
        try:
            manifest = backup_module.restore(
                Path(backup), database=database, media_root=Path(media_root) if media_root else None
            )
        except backup_module.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Restored the backup of {manifest['created']} from {backup}.")
        )
