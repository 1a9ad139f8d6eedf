"""A URLconf whose view meets a real database outage: it queries a PostgreSQL connection
to a port nothing listens on."""

from django.db import connections
from django.urls import include, path

from kpo.urls import handler500  # noqa: F401  (the handler under test)


def unreachable_connection():
    """A real connection like the default one, to a closed loopback port."""
    settings = {**connections["default"].settings_dict, "HOST": "127.0.0.1", "PORT": "9"}
    return connections.create_connection("default").__class__(settings, alias="unreachable")


def database_down(request):
    with unreachable_connection().cursor() as cursor:
        cursor.execute("SELECT 1")


urlpatterns = [
    path("database-weg/", database_down),
    path("", include("kpo.urls")),
]
