"""`make backup` / `make restore` as an operator runs them: the demo is loaded into a new
PostgreSQL database, backed up with `kpo_backup`, restored with `kpo_restore` into another
new database and an empty media folder, and every table row and every media file
(documents, images, community files) is there again."""

import hashlib
import os
import subprocess
import sys
import uuid
from pathlib import Path

import dj_database_url
import psycopg
import pytest
from django.conf import settings


def manage(*args, database_url, media_root):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kpo.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": database_url,
        "KPO_MEDIA_ROOT": str(media_root),
        "ELASTICSEARCH_URL": "",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def connect(database_url):
    params = dj_database_url.parse(database_url)
    return psycopg.connect(
        dbname=params["NAME"],
        host=params["HOST"],
        port=params["PORT"],
        user=params["USER"],
        password=params["PASSWORD"],
        autocommit=True,
    )


@pytest.fixture
def new_database():
    """Create empty databases on the test server; drop them afterwards."""
    server_url = os.environ["DATABASE_URL"]
    created = []

    def create():
        name = f"kpo_backup_{uuid.uuid4().hex[:12]}"
        with connect(server_url) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        created.append(name)
        return server_url.rsplit("/", 1)[0] + f"/{name}"

    yield create
    with connect(server_url) as connection:
        for name in created:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def table_counts(database_url) -> dict[str, int]:
    with connect(database_url) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        return {
            table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in tables
        }


def file_digests(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_a_restored_backup_holds_the_whole_demo(tmp_path, new_database):
    source, target = new_database(), new_database()
    media, restored_media = tmp_path / "media", tmp_path / "restored-media"
    manage("migrate", "--noinput", database_url=source, media_root=media)
    manage("kpo_demo", database_url=source, media_root=media)

    manage(
        "kpo_backup", "--target", str(tmp_path / "backups"), database_url=source, media_root=media
    )
    [backup] = (tmp_path / "backups").iterdir()
    manage("kpo_restore", str(backup), database_url=target, media_root=restored_media)

    original, restored = table_counts(source), table_counts(target)
    assert restored == original
    for table in (
        "wagtailcore_page",
        "wagtaildocs_document",
        "communities_post",
        "communities_communityfile",
        "communities_fileversion",
        "communities_postattachment",
        "kpo_user",
    ):
        assert restored[table] > 0, table
    with connect(target) as connection:
        titles = {row[0] for row in connection.execute("SELECT title FROM wagtailcore_page")}
    assert "Kennisbank" in titles
    files = file_digests(media)
    assert any(name.startswith("documents/") for name in files)
    assert any(name.startswith("communities/") for name in files)
    assert file_digests(restored_media) == files

    # Restoring over data is refused: only into a fresh database.
    with pytest.raises(AssertionError, match="pg_restore failed"):
        manage("kpo_restore", str(backup), database_url=target, media_root=tmp_path / "again")
