"""Receivers: the AVG export and deletion, waiting lists after a training is published,
and removing a deleted SCORM package's files."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published

from academie import privacy, tasks, trainings
from academie.models import ScormPackage, TrainingPage
from kpo.privacy import account_deleted, collect_personal_data


def fill_vacancies_after_publish(sender, instance, **kwargs):
    """An editor may have added seats: give them to the waiting list."""
    trainings.fill_all_vacancies(instance)


collect_personal_data.connect(privacy.export_academy_data, dispatch_uid="academie_export")
account_deleted.connect(privacy.delete_academy_data, dispatch_uid="academie_delete")
page_published.connect(
    fill_vacancies_after_publish, sender=TrainingPage, dispatch_uid="academie_fill_vacancies"
)
post_delete.connect(
    tasks.schedule_package_folder_removal,
    sender=ScormPackage,
    dispatch_uid="academie_remove_package_folder",
)
