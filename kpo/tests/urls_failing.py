"""A URLconf with views that fail, to render the error pages in tests."""

from django.core.exceptions import PermissionDenied
from django.urls import include, path


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("boom")


urlpatterns = [
    path("verboden/", forbidden),
    path("kapot/", broken),
    path("", include("kpo.urls")),
]
