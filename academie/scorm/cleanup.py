"""Removing the unpacked files of SCORM package versions that nobody can reach any more.

A new upload becomes the package's next version; the files of the earlier versions stay
for learners who launched the lesson before the upload. What a learner has done is not in
those files but in their ``ScormAttempt`` (status, score, ``lesson_location``,
``suspend_data``, time), and every launch moves the attempt to the package's current
version (``runtime.start_session``). So an old version's files are only read through a
content token signed while that version was current, and such a token is valid for
``KPO_SCORM_CONTENT_MAX_AGE`` seconds (``scorm.views.token_max_age``). Once that long has
passed since the current version was uploaded, no valid token names an older version.
Even then, a version stays while a learner who is still following the course (actively
enrolled, course not completed) has their attempt on it: they move to the current version,
with all their data, at their next launch, and only then is it removed.

Packages deleted in the admin leave their folder ``scorm/<key>/`` behind: it is removed
right after the deletion (``tasks.remove_deleted_scorm_package``) and by the daily command
(``remove_orphaned_folders``), which also removes what a failed first upload left. A package
that a lesson uses cannot be deleted (``LessonPage.scorm_package`` protects it), so nobody is
enrolled in the files of a deleted one. Everything here is safe to run again."""

import re
from datetime import timedelta

from django.core.files.storage import default_storage
from django.utils import timezone

from academie.models import EnrolmentStatus, LessonPage, ScormAttempt, ScormPackage
from academie.scorm.views import token_max_age

VERSION_FOLDER = re.compile(r"^v(\d+)$")
SCORM_ROOT = "scorm/"
# A folder without a package may be an upload being unpacked right now: it waits this long.
UPLOAD_GRACE = timedelta(hours=1)


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
    can name (none until ``token_max_age`` seconds after the current version's upload) and
    no learner still following the course has their attempt on."""
    now = now or timezone.now()
    if package.uploaded_at is None or now - package.uploaded_at < timedelta(
        seconds=token_max_age()
    ):
        return []
    in_use = versions_in_use(package)
    return [
        version
        for version in stored_versions(package)
        if version < package.version and version not in in_use
    ]


def versions_in_use(package):
    """The versions that attempts of learners still following a course name: actively
    enrolled in the lesson's course and the course not completed."""
    in_use = set()
    for lesson in LessonPage.objects.filter(scorm_package=package):
        course = lesson.get_parent()
        in_use.update(
            ScormAttempt.objects.filter(
                lesson=lesson,
                user__enrolments__course=course,
                user__enrolments__status=EnrolmentStatus.ACTIVE,
                user__enrolments__completed_at__isnull=True,
            ).values_list("package_version", flat=True)
        )
    return in_use


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


def remove_package_folder(key):
    """Remove the folder of the deleted package with ``key``; 0 while a package has it."""
    if ScormPackage.objects.filter(key=key).exists() or not stored(SCORM_ROOT + key + "/"):
        return 0
    return remove_folder(f"{SCORM_ROOT}{key}/")


def orphaned_folders(now=None):
    """Folders under ``scorm/`` that belong to no package, untouched for ``UPLOAD_GRACE``."""
    now = now or timezone.now()
    try:
        folders, _files = default_storage.listdir(SCORM_ROOT)
    except FileNotFoundError:
        return []
    keys = set(ScormPackage.objects.filter(key__in=folders).values_list("key", flat=True))
    return [
        key
        for key in sorted(folders)
        if key not in keys and now - newest_change(f"{SCORM_ROOT}{key}/") >= UPLOAD_GRACE
    ]


def remove_orphaned_folders(now=None):
    """Remove the folders of deleted packages (and failed first uploads). Returns a list of
    ``(key, files removed)``."""
    return [(key, remove_package_folder(key)) for key in orphaned_folders(now)]


def stored(folder):
    try:
        default_storage.listdir(folder)
    except FileNotFoundError:
        return False
    return True


def newest_change(folder):
    """When a file below ``folder`` was last written (its oldest possible moment if empty)."""
    folders, files = default_storage.listdir(folder)
    times = [default_storage.get_modified_time(folder + name) for name in files]
    times += [newest_change(f"{folder}{name}/") for name in folders]
    return max(times, default=timezone.now() - UPLOAD_GRACE)
