"""Background tasks (django-tasks) that keep the search index in sync. They run after the
saving transaction commits, so saving never waits for, or fails on, the search engine."""

from django_tasks import task

from . import indexing


@task()
def update_search_item(app_label: str, model_name: str, pk: str) -> None:
    """Update one item; once the engine answers again, also send what was postponed."""
    if indexing.update_item(app_label, model_name, pk):
        indexing.retry_pending()


@task()
def retry_pending_index_updates() -> int:
    return indexing.retry_pending()
