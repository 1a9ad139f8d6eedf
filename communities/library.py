"""The file library: folders, uploads with versions, downloads, hiding and deleting.

Every upload (library files and post attachments) goes through ``kpo.uploads``: checked
by content, stored under a safe name in an unguessable folder."""

import mimetypes
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from communities.models import (
    CommunityFile,
    FileVersion,
    Folder,
    ModerationAction,
)
from communities.moderation import log
from kpo.uploads import safe_filename, validate_upload

FILES_PER_PAGE = 25
SORTS = {
    "titel": ("title", "pk"),
    "nieuwste": ("-updated_at", "-pk"),
    "downloads": ("-download_count", "title", "pk"),
}
DEFAULT_SORT = "titel"


@dataclass(frozen=True)
class CheckedUpload:
    """An upload that passed the validator, with the name and type to store it under."""

    file: object
    filename: str
    content_type: str
    size: int


def check_upload(uploaded_file, kind):
    """Validate ``uploaded_file`` as an upload of ``kind``; raises ``ValidationError``."""
    file_type = validate_upload(uploaded_file, kind)
    filename = safe_filename(uploaded_file.name, file_type)
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return CheckedUpload(uploaded_file, filename, content_type, uploaded_file.size)


def can_manage(user, membership, item):
    """Managers, and the uploader of a file for their own file."""
    return membership.is_manager or (
        item.uploaded_by_id is not None and item.uploaded_by_id == user.pk
    )


def visible_files(user, community, membership):
    """Files of the community; hidden ones only for managers and their uploader."""
    files = community.files.select_related("current_version", "uploaded_by")
    if membership.is_manager:
        return files
    return files.filter(Q(is_hidden=False) | Q(uploaded_by=user))


def files_in(files, folder, sort):
    ordering = SORTS.get(sort, SORTS[DEFAULT_SORT])
    return files.filter(folder=folder).order_by(*ordering)


def create_folder(community, user, name, parent=None):
    return Folder.objects.create(community=community, parent=parent, name=name, created_by=user)


@transaction.atomic
def add_file(community, user, upload, title, description="", folder=None):
    """A new library file with ``upload`` (a ``CheckedUpload``) as version 1."""
    item = CommunityFile.objects.create(
        community=community, folder=folder, title=title, description=description, uploaded_by=user
    )
    add_version(item, user, upload)
    return item


@transaction.atomic
def add_version(item, user, upload):
    """Store ``upload`` as the newest version of ``item``; earlier versions stay."""
    locked = CommunityFile.objects.select_for_update().get(pk=item.pk)
    last = locked.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = FileVersion(
        file=item,
        number=last + 1,
        filename=upload.filename,
        size=upload.size,
        content_type=upload.content_type,
        uploaded_by=user,
    )
    version.content.save(upload.filename, upload.file, save=False)
    version.save()
    item.current_version, item.updated_at = version, timezone.now()
    item.save(update_fields=["current_version", "updated_at"])
    return version


def record_download(version):
    """Count one download of ``version`` and of its file."""
    FileVersion.objects.filter(pk=version.pk).update(download_count=F("download_count") + 1)
    version.file.count_download()


@transaction.atomic
def hide_file(actor, item, reason):
    item.is_hidden, item.hidden_reason = True, reason
    item.save(update_fields=["is_hidden", "hidden_reason"])
    log(item.community, actor, ModerationAction.HIDE_FILE, file=item, reason=reason)


@transaction.atomic
def restore_file(actor, item):
    item.is_hidden, item.hidden_reason = False, ""
    item.save(update_fields=["is_hidden", "hidden_reason"])
    log(item.community, actor, ModerationAction.RESTORE_FILE, file=item)


@transaction.atomic
def delete_file(actor, item):
    """Delete the file with all its versions, also from storage once the delete is committed."""
    log(item.community, actor, ModerationAction.DELETE_FILE, reason=item.title)
    stored = [version.content for version in item.versions.all()]
    item.delete()
    transaction.on_commit(lambda: remove_stored(stored))


def remove_stored(fields):
    for field in fields:
        field.storage.delete(field.name)
