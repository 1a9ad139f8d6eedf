"""``manage.py kpo_media_to_s3``: the media folder into the real bucket, under the same
names, safe to rerun, with a report of what it copied."""

import time

import pytest
from django.core.management import CommandError, call_command


@pytest.fixture
def media_folder(tmp_path):
    """A media folder whose names are this test's own (the bucket is shared)."""
    (tmp_path / "documents" / tmp_path.name).mkdir(parents=True)
    (tmp_path / "documents" / tmp_path.name / "handreiking.pdf").write_bytes(b"%PDF-1.4 hr")
    (tmp_path / "communities" / tmp_path.name).mkdir(parents=True)
    (tmp_path / "communities" / tmp_path.name / "verslag.txt").write_text("Verslag kenniskring")
    return tmp_path


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("kpo_media_to_s3", *args, stdout=out)
    return out.getvalue()


def test_copies_every_file_once_and_reports_it(s3_media, media_folder):
    first = run("--source", str(media_folder), "--list")

    assert f"copied documents/{media_folder.name}/handreiking.pdf" in first
    assert "Copied: 2 files (30\xa0bytes); already in the bucket: 0; failed: 0" in first
    with s3_media.open(f"communities/{media_folder.name}/verslag.txt") as stored:
        assert stored.read() == b"Verslag kenniskring"

    time.sleep(1.1)  # object times have whole seconds
    (media_folder / "documents" / media_folder.name / "handreiking.pdf").write_bytes(b"%PDF-1.4 HR")
    again = run("--source", str(media_folder))
    assert "Copied: 1 files" in again and "already in the bucket: 1" in again
    assert run("--source", str(media_folder)).endswith("already in the bucket: 2; failed: 0\n")


def test_a_dry_run_copies_nothing(s3_media, media_folder):
    report = run("--source", str(media_folder), "--dry-run")

    assert "To copy: 2 files" in report
    assert not s3_media.exists(f"documents/{media_folder.name}/handreiking.pdf")


def test_refuses_without_s3(media_folder):
    with pytest.raises(CommandError, match="KPO_S3_BUCKET"):
        run("--source", str(media_folder))
