"""Versions of kennisbank documents: replacing a document's file keeps the earlier file
(with its number, date, uploader and note), and an editor can restore an earlier one.

The current file stays the Wagtail document's own file, served by Wagtail's serve view;
an earlier file is kept in a ``DocumentVersion`` and served by ``download_version`` after
the same access check (``before_serve_document``). A document uploaded before it was ever
replaced is version 1.0 of its upload date."""

import os
import re

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models.version import FIRST_NUMBER, DocumentVersion

MAJOR = re.compile(r"^(\d+)")


def current_version(document) -> DocumentVersion | None:
    """The row of ``document``'s current file, if it was ever replaced."""
    return document.versions.filter(file="").first()


def first_version(document) -> DocumentVersion:
    """The version a document had before any replacement: 1.0, as uploaded."""
    return DocumentVersion(
        document=document,
        number=FIRST_NUMBER,
        created_at=document.created_at,
        created_by=document.uploaded_by_user,
    )


def known_numbers(document) -> set[str]:
    numbers = set(document.versions.values_list("number", flat=True))
    return numbers or {FIRST_NUMBER}


def next_number(document) -> str:
    """The next whole number after the highest one: 1.0 → 2.0, 2.3 → 3.0."""
    majors = [int(m.group(1)) for n in known_numbers(document) if (m := MAJOR.match(n))]
    return f"{max(majors, default=1) + 1}.0"


def keep_replaced_file(document, old_name, user, number="", note="") -> DocumentVersion:
    """Keep the file ``document`` had until now (stored as ``old_name``) as an earlier
    version, and record the document's new file as its current version. Call it before
    the old file is deleted."""
    storage = document.file.storage
    with transaction.atomic():
        replaced = current_version(document) or first_version(document)
        number = number or next_number(document)
        with storage.open(old_name, "rb") as old_file:
            replaced.file.save(os.path.basename(old_name), File(old_file), save=False)
        replaced.file_size = replaced.file.size
        replaced.save()
        return DocumentVersion.objects.create(
            document=document,
            number=number,
            created_at=timezone.now(),
            created_by=user,
            note=note,
        )


def restore(version, user) -> DocumentVersion:
    """Make the earlier ``version``'s file current again, as a new version; the file it
    replaces is kept as well, so a restore loses nothing."""
    document = version.document
    old_name = document.file.name
    with version.file.open("rb") as earlier:
        document.file.save(version.filename, File(earlier), save=False)
    document._set_document_file_metadata()
    note = _("Versie %(number)s teruggezet.") % {"number": version.number}
    with transaction.atomic():
        restored = keep_replaced_file(document, old_name, user, note=note)
        document.save()  # after the versions: saving the document outdates cached pages
    document.file.storage.delete(old_name)
    return restored


def delete_version_file(sender, instance, **kwargs):
    """Signal receiver (post_delete of ``DocumentVersion``): an earlier file goes with its
    row, once the deletion is committed."""
    if instance.file:
        name, storage = instance.file.name, instance.file.storage
        transaction.on_commit(lambda: storage.delete(name))
