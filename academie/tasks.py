"""Background tasks (django-tasks) of the academy."""

from datetime import timedelta
from functools import partial

from django.db import transaction
from django_tasks import task

from academie.models import ScormPackage
from academie.scorm import cleanup
from academie.scorm.views import token_max_age

# Run a little after the last content token of the earlier versions has expired.
REMOVAL_MARGIN = timedelta(minutes=5)


@task()
def remove_old_scorm_versions(package_id: int) -> int:
    """Remove the earlier versions of one package that no token can reach any more."""
    removed = cleanup.remove_old_versions(ScormPackage.objects.filter(pk=package_id))
    return len(removed)


@task()
def remove_deleted_scorm_package(key: str) -> int:
    """Remove the unpacked files of a package deleted in the admin (nothing if a package
    still has ``key``)."""
    return cleanup.remove_package_folder(key)


def schedule_package_folder_removal(sender, instance, **kwargs):
    """After a package is deleted (``post_delete``), once the deletion is committed."""
    transaction.on_commit(partial(remove_deleted_scorm_package.enqueue, instance.key))


def schedule_old_version_removal(package):
    """After an upload: remove the earlier versions once no launched lesson can still read
    them. Needs a task backend that can defer (the database backend of production); without
    one, the daily ``academie_remove_old_scorm_versions`` command does it."""
    if package.version > 1 and remove_old_scorm_versions.get_backend().supports_defer:
        run_after = package.uploaded_at + timedelta(seconds=token_max_age()) + REMOVAL_MARGIN
        remove_old_scorm_versions.using(run_after=run_after).enqueue(package.pk)
