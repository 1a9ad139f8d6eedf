"""Old SCORM package versions: removed from storage once no launched lesson can read them,
while learners keep their attempts and resume on the current version."""

import io
import json
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.db.models import ProtectedError
from django.test import override_settings
from django.utils import timezone

from academie import tasks
from academie.factories import ScormLessonFactory
from academie.forms import ScormPackageAdminForm
from academie.models import (
    Enrolment,
    EnrolmentStatus,
    LessonPage,
    ScormAttempt,
    ScormPackage,
)
from academie.scorm import cleanup, generator
from academie.scorm.views import DEFAULT_TOKEN_MAX_AGE

pytestmark = pytest.mark.django_db

MAX_AGE = timedelta(seconds=DEFAULT_TOKEN_MAX_AGE)


def upload_new_version(package, title="Nieuwe versie"):
    form = ScormPackageAdminForm(
        data={"title": package.title},
        files={"package": SimpleUploadedFile("p.zip", generator.simple_package(title))},
        instance=package,
    )
    assert form.is_valid(), form.errors
    return form.save()


def age(package, delta):
    """Pretend the current version was uploaded ``delta`` ago."""
    ScormPackage.objects.filter(pk=package.pk).update(uploaded_at=timezone.now() - delta)
    package.refresh_from_db()
    return package


def launch_config(client, lesson):
    page = client.get(lesson.url).content.decode()
    start = page.index('<script id="scorm-config" type="application/json">')
    return json.loads(page[page.index(">", start) + 1 : page.index("</script>", start)])


def folder(package, version):
    return f"scorm/{package.key}/v{version}/"


def test_old_versions_stay_while_a_launched_lesson_can_still_read_them(
    member_client, member, enrolment, lesson
):
    old_config = launch_config(member_client, lesson)  # the learner is on version 1
    package = upload_new_version(lesson.scorm_package)
    assert cleanup.stored_versions(package) == [1, 2]

    assert cleanup.remove_old_versions() == []
    age(package, MAX_AGE - timedelta(minutes=1))
    assert cleanup.remove_old_versions() == []
    assert member_client.get(old_config["launchUrl"]).status_code == 200


def test_old_versions_go_once_no_token_can_name_them_and_no_learner_is_on_them(
    member_client, member, enrolment, lesson
):
    config = launch_config(member_client, lesson)
    cmi = {"core": {"lesson_location": "2", "lesson_status": "incomplete"}, "suspend_data": "p2"}
    data = {"csrfmiddlewaretoken": config["csrfToken"], "commit": json.dumps({"cmi": cmi})}
    assert member_client.post(config["commitUrl"], data).status_code == 200
    package = upload_new_version(lesson.scorm_package)
    upload_new_version(package, "Derde versie")
    package = age(ScormPackage.objects.get(pk=package.pk), MAX_AGE + timedelta(minutes=1))
    assert package.version == 3
    assert ScormAttempt.objects.get(user=member).package_version == 1, "still on version 1"

    # The learner is still following the course on version 1: it stays, version 2 goes.
    removed = cleanup.remove_old_versions()
    assert [(item.pk, version) for item, version, _files in removed] == [(package.pk, 2)]
    assert removed[0][2] == 2, "manifest and page of version 2 (a simple package)"
    assert cleanup.stored_versions(package) == [1, 3]
    assert default_storage.exists(folder(package, 1) + "index.html")

    # The learner comes back: their attempt moves to version 3 with everything they did.
    config = launch_config(member_client, lesson)
    attempt = ScormAttempt.objects.get(user=member)
    assert attempt.package_version == 3
    assert attempt.suspend_data == "p2"
    assert config["cmi"]["core"]["entry"] == "resume"
    assert config["cmi"]["core"]["lesson_location"] == "2"
    assert member_client.get(config["launchUrl"]).status_code == 200

    # Now nobody is on version 1 any more.
    assert [version for _item, version, _files in cleanup.remove_old_versions()] == [1]
    assert cleanup.stored_versions(package) == [3]
    assert default_storage.listdir(f"scorm/{package.key}/") == (["v3"], [])
    assert default_storage.exists(folder(package, 3) + "index.html")
    assert cleanup.remove_old_versions() == [], "nothing left to remove"


@pytest.mark.parametrize(
    "change",
    [
        {"status": EnrolmentStatus.PENDING},
        {"status": EnrolmentStatus.REJECTED},
        {"completed_at": timezone.now()},
    ],
)
def test_only_learners_still_following_the_course_keep_their_version(
    member_client, member, enrolment, lesson, change
):
    launch_config(member_client, lesson)
    package = age(upload_new_version(lesson.scorm_package), MAX_AGE * 2)
    assert cleanup.unreachable_versions(package) == []
    Enrolment.objects.filter(pk=enrolment.pk).update(**change)
    assert cleanup.unreachable_versions(package) == [1]


def test_the_token_lifetime_decides(settings, lesson):
    settings.KPO_SCORM_CONTENT_MAX_AGE = 60
    package = age(upload_new_version(lesson.scorm_package), timedelta(minutes=2))
    assert cleanup.unreachable_versions(package) == [1]
    settings.KPO_SCORM_CONTENT_MAX_AGE = 600
    assert cleanup.unreachable_versions(package) == []


def test_the_command_removes_old_versions_of_every_package(lesson, course):
    first = age(upload_new_version(lesson.scorm_package), MAX_AGE * 2)
    other = ScormLessonFactory(parent=course, title="Andere casus").scorm_package
    recent = upload_new_version(other)

    call_command("academie_remove_old_scorm_versions", "--dry-run", stdout=(dry := io.StringIO()))
    assert f"(#{first.pk}): version 1" in dry.getvalue()
    assert cleanup.stored_versions(first) == [1, 2]

    call_command("academie_remove_old_scorm_versions", stdout=(out := io.StringIO()))
    assert f"(#{first.pk}): version 1, 4 file(s)" in out.getvalue()
    assert "1 old version(s) removed." in out.getvalue()
    assert cleanup.stored_versions(first) == [2]
    assert cleanup.stored_versions(recent) == [1, 2], "uploaded just now"


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@override_settings(TASKS=DATABASE_TASKS)
def test_an_upload_schedules_the_removal_for_when_the_tokens_have_expired(
    lesson, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        package = upload_new_version(lesson.scorm_package)
    scheduled = DBTaskResult.objects.get()
    assert scheduled.task_path == "academie.tasks.remove_old_scorm_versions"
    assert scheduled.args_kwargs == {"args": [package.pk], "kwargs": {}}
    assert scheduled.run_after == package.uploaded_at + MAX_AGE + tasks.REMOVAL_MARGIN

    # When it runs, the versions go (here: pretend the time has come).
    age(package, MAX_AGE + tasks.REMOVAL_MARGIN)
    assert tasks.remove_old_scorm_versions.call(package.pk) == 1
    assert cleanup.stored_versions(package) == [2]


def test_without_a_deferring_task_backend_nothing_is_scheduled(
    lesson, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        package = upload_new_version(lesson.scorm_package)
    assert cleanup.stored_versions(package) == [1, 2], "the immediate backend would run too early"


# --- deleted packages ---


def test_a_deleted_package_leaves_no_files_behind(course, django_capture_on_commit_callbacks):
    package = ScormLessonFactory(parent=course, title="Oude casus").scorm_package
    upload_new_version(package)
    kept = ScormLessonFactory(parent=course, title="Andere casus").scorm_package
    LessonPage.objects.filter(scorm_package=package).delete()
    key = package.key
    assert cleanup.stored(f"scorm/{key}/")

    with django_capture_on_commit_callbacks(execute=True):
        package.delete()
    assert cleanup.stored(f"scorm/{key}/") is False, "removed once the deletion is committed"
    assert tasks.remove_deleted_scorm_package.call(key) == 0, "safe to run again"
    assert cleanup.stored_versions(kept) == [1], "other packages keep their files"


def test_a_package_a_lesson_uses_cannot_be_deleted_and_keeps_its_files(lesson):
    package = lesson.scorm_package
    with pytest.raises(ProtectedError), transaction.atomic():
        package.delete()
    assert cleanup.remove_package_folder(package.key) == 0
    assert cleanup.remove_orphaned_folders(timezone.now() + timedelta(days=1)) == []
    assert cleanup.stored_versions(package) == [1]


def test_the_command_removes_folders_without_a_package_once_no_upload_can_be_writing_them(
    lesson,
):
    left_over = "scorm/mislukte-upload/v1/"
    default_storage.save(left_over + "index.html", io.BytesIO(b"<p>half</p>"))
    default_storage.save(left_over + "assets/course.js", io.BytesIO(b"1"))

    call_command("academie_remove_old_scorm_versions", stdout=(out := io.StringIO()))
    assert "0 folder(s) of deleted packages removed." in out.getvalue(), "maybe uploading"
    assert cleanup.stored(left_over)

    later = timezone.now() + cleanup.UPLOAD_GRACE
    assert cleanup.orphaned_folders(later) == ["mislukte-upload"]
    assert cleanup.remove_orphaned_folders(later) == [("mislukte-upload", 2)]
    assert not cleanup.stored("scorm/mislukte-upload/")
    assert cleanup.remove_orphaned_folders(later) == [], "safe to run again"
    assert cleanup.stored_versions(lesson.scorm_package) == [1]
