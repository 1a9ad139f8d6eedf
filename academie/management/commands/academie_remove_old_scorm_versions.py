from django.core.management.base import BaseCommand

from academie.models import ScormPackage
from academie.scorm import cleanup


class Command(BaseCommand):
    help = (
        "Remove the unpacked files of earlier SCORM package versions once no launched "
        "lesson can read them any more (KPO_SCORM_CONTENT_MAX_AGE after the current "
        "version's upload) and no learner still following the course is on them, and the "
        "folders of deleted packages. Learners' attempts keep all their data. Safe to run "
        "daily and to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only list the versions that would be removed.",
        )

    def handle(self, dry_run, **options):
        if dry_run:
            for package in ScormPackage.objects.all():
                for version in cleanup.unreachable_versions(package):
                    self.stdout.write(f"{package} (#{package.pk}): version {version}")
            for key in cleanup.orphaned_folders():
                self.stdout.write(f"deleted package scorm/{key}/")
            return
        removed = cleanup.remove_old_versions()
        for package, version, files in removed:
            self.stdout.write(f"{package} (#{package.pk}): version {version}, {files} file(s)")
        self.stdout.write(f"{len(removed)} old version(s) removed.")
        orphans = cleanup.remove_orphaned_folders()
        for key, files in orphans:
            self.stdout.write(f"deleted package scorm/{key}/: {files} file(s)")
        self.stdout.write(f"{len(orphans)} folder(s) of deleted packages removed.")
