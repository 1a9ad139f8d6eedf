"""``GET /health/``: is this app server fit to serve? For load balancers and monitoring.

Answered by a middleware at the top of the stack, before host validation, sessions and
caching, so a probe needs no login or public host name, never gets a cached answer and
never creates a session. It reveals no secrets: only statuses and counts.

- ``database``: one ``SELECT 1``. Down: the whole answer is 503, nothing works without it.
- ``search``: Elasticsearch's cluster health (when configured) and the number of index
  updates waiting for it. Down: ``degraded`` with 200, since search then answers from the
  database engine and postponed updates are sent later.
- ``tasks``: the background queue: tasks ready to run, the age of the oldest one and
  failures in the last hour. A queue nobody works on (oldest ready task older than
  ``STALE_QUEUE``) is ``degraded`` with 200: requests still work, emails and index updates wait.
"""

import datetime
import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django_tasks import task_backends

from search.engines import ENGINE_ERRORS

logger = logging.getLogger(__name__)

HEALTH_PATH = "/health/"
STALE_QUEUE = datetime.timedelta(minutes=5)
SEARCH_TIMEOUT = 2
OK, DEGRADED, DOWN = "ok", "degraded", "down"


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != HEALTH_PATH or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        return health_response()


def health_response():
    database = check_database()
    checks = {"database": database}
    if database["status"] == OK:
        checks["search"] = check_search()
        checks["tasks"] = check_tasks()
    statuses = {check["status"] for check in checks.values()}
    overall = DOWN if database["status"] != OK else (DEGRADED if statuses - {OK} else OK)
    response = JsonResponse(
        {"status": overall, "checks": checks}, status=503 if overall == DOWN else 200
    )
    add_never_cache_headers(response)
    return response


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        logger.warning("Health check: database unavailable: %s", error)
        return {"status": DOWN}
    return {"status": OK}


def check_search():
    from search.models import PendingIndexUpdate

    result = {"engine": "elasticsearch" if settings.ELASTICSEARCH_URL else "database"}
    result["pending_updates"] = PendingIndexUpdate.objects.count()
    if not settings.ELASTICSEARCH_URL:
        return {"status": OK, **result}
    from search.engines.elasticsearch import client_for

    try:
        cluster = (
            client_for(settings.ELASTICSEARCH_URL)
            .options(request_timeout=SEARCH_TIMEOUT)
            .cluster.health(timeout=f"{SEARCH_TIMEOUT}s")
        )
    except ENGINE_ERRORS as error:
        logger.warning("Health check: Elasticsearch unavailable: %s", error)
        return {"status": DEGRADED, "cluster": "unreachable", **result}
    status = OK if cluster["status"] in ("green", "yellow") else DEGRADED
    return {"status": status, "cluster": cluster["status"], **result}


def check_tasks():
    backend = task_backends["default"]
    result = {"backend": type(backend).__name__}
    if not backend.supports_get_result or "django_tasks_db" not in settings.INSTALLED_APPS:
        return {"status": OK, **result}
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    ready = DBTaskResult.objects.ready()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    age = (now - oldest).total_seconds() if oldest else 0
    failed = DBTaskResult.objects.failed().filter(
        finished_at__gte=now - datetime.timedelta(hours=1)
    )
    result.update(
        ready=ready.count(),
        oldest_ready_seconds=round(age),
        failed_last_hour=failed.count(),
    )
    return {"status": DEGRADED if age > STALE_QUEUE.total_seconds() else OK, **result}
