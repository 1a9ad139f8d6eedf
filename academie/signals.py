"""Receivers: the AVG export and deletion, and waiting lists after a training is published."""

from wagtail.signals import page_published

from academie import privacy, trainings
from academie.models import TrainingPage
from kpo.privacy import account_deleted, collect_personal_data


def fill_vacancies_after_publish(sender, instance, **kwargs):
    """An editor may have added seats: give them to the waiting list."""
    trainings.fill_all_vacancies(instance)


collect_personal_data.connect(privacy.export_academy_data, dispatch_uid="academie_export")
account_deleted.connect(privacy.delete_academy_data, dispatch_uid="academie_delete")
page_published.connect(
    fill_vacancies_after_publish, sender=TrainingPage, dispatch_uid="academie_fill_vacancies"
)
