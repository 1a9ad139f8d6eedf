"""Backups: the database (a ``pg_dump`` custom-format dump, or a copy of the SQLite file)
and the media folder (a tar archive: documents, images, community files) in one
timestamped folder, and restoring them into a fresh database and media folder.

Used by ``manage.py kpo_backup`` / ``kpo_restore`` (``make backup`` / ``make restore``)."""

import glob
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone

DUMP_NAME = "database.dump"
SQLITE_NAME = "database.sqlite3"
MEDIA_NAME = "media.tar.gz"
MANIFEST_NAME = "manifest.json"


class BackupError(Exception):
    pass


def is_postgres(database: dict) -> bool:
    return "postgresql" in database["ENGINE"]


def postgres_tool(name: str) -> str:
    """``pg_dump``/``pg_restore`` from PATH, or the newest Debian PostgreSQL install."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=version_key)
    if not candidates:
        raise BackupError(f"{name} is missing: install the PostgreSQL client tools.")
    return candidates[-1]


def version_key(path: str) -> int:
    version = Path(path).parts[-3]
    return int(version) if version.isdigit() else 0


def postgres_args(database: dict) -> tuple[list[str], dict]:
    """Connection arguments and environment (the password never on the command line)."""
    args = ["--dbname", database["NAME"]]
    if database.get("HOST"):
        args += ["--host", str(database["HOST"])]
    if database.get("PORT"):
        args += ["--port", str(database["PORT"])]
    if database.get("USER"):
        args += ["--username", database["USER"]]
    env = {**os.environ, "PGPASSWORD": str(database.get("PASSWORD") or "")}
    return args, env


def run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")


def backup(target_root: Path, database: dict | None = None, media_root: Path | None = None):
    """Write a new backup folder under ``target_root`` and return its path."""
    database = database or settings.DATABASES["default"]
    media_root = Path(media_root or settings.MEDIA_ROOT)
    folder = Path(target_root) / timezone.now().strftime("%Y%m%dT%H%M%S%fZ")
    folder.mkdir(parents=True)
    if is_postgres(database):
        args, env = postgres_args(database)
        dump = [postgres_tool("pg_dump"), "--format=custom", "--no-owner", "--no-acl"]
        run([*dump, *args, "--file", str(folder / DUMP_NAME)], env)
    else:
        copy_sqlite(Path(database["NAME"]), folder / SQLITE_NAME)
    with tarfile.open(folder / MEDIA_NAME, "w:gz") as archive:
        if media_root.is_dir():
            archive.add(media_root, arcname=".")
    write_manifest(folder, database)
    return folder


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy, also while the site is writing (SQLite's online backup)."""
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)


def write_manifest(folder: Path, database: dict) -> None:
    files = {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
    }
    manifest = {
        "created": timezone.now().isoformat(),
        "database": "postgresql" if is_postgres(database) else "sqlite",
        "sha256": files,
    }
    (folder / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2))


def verify(folder: Path) -> dict:
    manifest = json.loads((folder / MANIFEST_NAME).read_text())
    for name, digest in manifest["sha256"].items():
        if hashlib.sha256((folder / name).read_bytes()).hexdigest() != digest:
            raise BackupError(f"{name} does not match its checksum: the backup is damaged.")
    return manifest


def restore(folder: Path, database: dict | None = None, media_root: Path | None = None):
    """Restore the backup in ``folder`` into an empty database and an empty media folder."""
    folder = Path(folder)
    database = database or settings.DATABASES["default"]
    media_root = Path(media_root or settings.MEDIA_ROOT)
    manifest = verify(folder)
    if media_root.exists() and any(media_root.iterdir()):
        raise BackupError(f"The media folder {media_root} is not empty.")
    if manifest["database"] == "postgresql":
        if not is_postgres(database):
            raise BackupError("This backup is of a PostgreSQL database: restore it into one.")
        args, env = postgres_args(database)
        restore_command = [postgres_tool("pg_restore"), "--no-owner", "--no-acl"]
        run([*restore_command, "--exit-on-error", *args, str(folder / DUMP_NAME)], env)
    else:
        target = Path(database["NAME"])
        if target.exists() and target.stat().st_size:
            raise BackupError(f"The database file {target} already exists.")
        shutil.copyfile(folder / SQLITE_NAME, target)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / MEDIA_NAME) as archive:
        archive.extractall(media_root, filter="data")
    return manifest
