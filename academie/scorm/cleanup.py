"""Removing the unpacked files of SCORM package versions that nobody can reach any more.

A new upload becomes the package's next version; the files of the earlier versions stay
for learners who launched the lesson before the upload. What a learner has done is not in
those files but in their ``ScormAttempt`` (status, score, ``lesson_location``,
``suspend_data``, time), and every launch moves the attempt to the package's current
version (``runtime.start_session``). So an old version's files are only read through a
content token signed while that version was current, and such a token is valid for
``KPO_SCORM_CONTENT_MAX_AGE`` seconds (``scorm.views.token_max_age``). Once that long has
passed since the current version was uploaded, no valid token names an older version: all
of them can go. Attempts that still name an old version in ``package_version`` keep all
their data and resume on the current version at their next launch."""

import re
from datetime import timedelta

from django.core.files.storage import default_storage
from django.utils import timezone

from academie.models import ScormPackage
from academie.scorm.views import token_max_age

VERSION_FOLDER = re.compile(r"^v(\d+)$")


def package_folder(package):
    return f"scorm/{package.key}/"


def stored_versions(package):
    """The version numbers with a folder in storage, oldest first."""
    try:
        folders, _files = default_storage.listdir(package_folder(package))
    except FileNotFoundError:
        return []
    return sorted(int(match[1]) for name in folders if (match := VERSION_FOLDER.match(name)))


def unreachable_versions(package, now=None):
    """``package``'s stored versions below the current one that no valid content token
    can name: none until ``token_max_age`` seconds after the current version's upload."""
    now = now or timezone.now()
    if package.uploaded_at is None or now - package.uploaded_at < timedelta(
        seconds=token_max_age()
    ):
        return []
    return [version for version in stored_versions(package) if version < package.version]


def remove_folder(folder):
    """Delete ``folder`` (ending in ``/``) and everything below it from default storage;
    returns the number of files removed."""
    folders, files = default_storage.listdir(folder)
    removed = 0
    for name in files:
        default_storage.delete(folder + name)
        removed += 1
    for name in folders:
        removed += remove_folder(f"{folder}{name}/")
    default_storage.delete(folder.rstrip("/"))  # the folder itself, where storage has folders
    return removed


def remove_old_versions(packages=None, now=None):
    """Remove the unreachable versions of ``packages`` (default: all). Returns a list of
    ``(package, version, files removed)``."""
    removed = []
    for package in packages if packages is not None else ScormPackage.objects.all():
        for version in unreachable_versions(package, now):
            files = remove_folder(f"{package_folder(package)}v{version}/")
            removed.append((package, version, files))
    return removed
