from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from kpo.media_move import move_media
from kpo.s3storage import MediaStorage


class Command(BaseCommand):
    help = (
        "Copy the media folder (KPO_MEDIA_ROOT, or --source) into the S3 bucket "
        "(KPO_S3_BUCKET) under the same names. Files already in the bucket with the same size "
        "are skipped, so it is safe to rerun; local files are left in place."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source", type=Path, help="media folder (default: MEDIA_ROOT)")
        parser.add_argument("--dry-run", action="store_true", help="report only, copy nothing")
        parser.add_argument(
            "--list", action="store_true", dest="list_files", help="name every file copied"
        )

    def handle(self, *args, source=None, dry_run=False, list_files=False, **options):
        root = Path(source or settings.MEDIA_ROOT)
        storage = storages["default"]
        if not isinstance(storage, MediaStorage):
            raise CommandError("Media storage is not S3: set KPO_S3_BUCKET and its credentials.")
        if not root.is_dir():
            raise CommandError(f"No media folder at {root}.")
        report = move_media(root, storage, dry_run=dry_run)
        for name in report.copied if list_files else []:
            self.stdout.write(f"{'would copy' if dry_run else 'copied'} {name}")
        for name, error in report.failed:
            self.stderr.write(f"failed {name}: {error}")
        verb = "To copy" if dry_run else "Copied"
        self.stdout.write(
            f"{verb}: {len(report.copied)} files ({filesizeformat(report.copied_bytes)}); "
            f"already in the bucket: {report.skipped}; failed: {len(report.failed)}"
        )
        if report.failed:
            raise CommandError(f"{len(report.failed)} files could not be copied; run it again.")
