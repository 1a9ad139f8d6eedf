"""Background tasks (django-tasks) that keep the search index in sync. They run after the
saving transaction commits, so saving never waits for, or fails on, the search engine.

With a task backend that can defer tasks (the database backend of the production
profile), updates postponed while Elasticsearch was unreachable are tried again every
``RETRY_DELAY`` until they are sent, so they reach the index by themselves after an
outage; ``kpo_search_index retry`` does the same by hand."""

import datetime

from django.utils import timezone
from django_tasks import task

from . import indexing

RETRY_DELAY = datetime.timedelta(seconds=30)


@task()
def update_search_item(app_label: str, model_name: str, pk: str) -> None:
    """Update one item; once the engine answers again, also send what was postponed."""
    if indexing.update_item(app_label, model_name, pk):
        indexing.retry_pending()
    else:
        schedule_retry()


@task()
def update_search_items(app_label: str, model_name: str, pks: list[str]) -> None:
    """Update many items of one model (all posts of a renamed community, for instance)."""
    sent = [indexing.update_item(app_label, model_name, pk) for pk in pks]
    if sent and all(sent):
        indexing.retry_pending()


@task()
def retry_pending_index_updates() -> int:
    pending = indexing.retry_pending()
    if pending:
        schedule_retry()
    return pending


def schedule_retry() -> None:
    if retry_pending_index_updates.get_backend().supports_defer:
        retry_pending_index_updates.using(run_after=timezone.now() + RETRY_DELAY).enqueue()
