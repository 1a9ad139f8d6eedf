"""Copy the media folder into the S3 bucket (``manage.py kpo_media_to_s3``).

Every file under the media folder is written to the bucket under the same name (the
database refers to files by name), unless the bucket already holds an object of that name
and size written after the file last changed: so the command is safe to rerun after an
interruption and copies only what is missing or changed since. Local files are left in
place; remove them once the site runs on S3."""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.core.files import File


@dataclass
class MoveReport:
    copied: list[str] = field(default_factory=list)
    copied_bytes: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


def media_files(root: Path):
    """The files under ``root`` as ``(storage name, path)``, in name order."""
    for path in sorted(root.rglob("*")):
        if path.is_file():
            yield path.relative_to(root).as_posix(), path


def move_media(root: Path, storage, dry_run=False) -> MoveReport:
    """Copy what ``storage`` lacks from ``root``; report what was copied, skipped, failed."""
    report = MoveReport()
    for name, path in media_files(root):
        stat = path.stat()
        # Object stores keep whole seconds.
        size, modified = stat.st_size, datetime.fromtimestamp(int(stat.st_mtime), UTC)
        if storage.holds_copy(name, size, modified):
            report.skipped += 1
            continue
        if not dry_run:
            try:
                with path.open("rb") as handle:
                    storage.put(name, File(handle, name=name))
            except OSError as error:
                report.failed.append((name, str(error)))
                continue
        report.copied.append(name)
        report.copied_bytes += size
    return report
