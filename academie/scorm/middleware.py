"""The separate SCORM content host answers package content only."""

from django.http import HttpResponseNotFound
from django.urls import Resolver404, resolve

from academie.scorm.views import is_content_host

CONTENT_VIEWS = {"academie:scorm_launch", "academie:scorm_content"}


class ContentHostMiddleware:
    """On the host of ``KPO_SCORM_CONTENT_ORIGIN`` every URL but the launch page and the
    package files is a bare 404, answered before sessions, users or pages are looked up:
    the site's pages, login and admin never run on the origin where package scripts do."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_content_host(request) and not is_content_view(request.path_info):
            return HttpResponseNotFound(b"Not found", content_type="text/plain")
        return self.get_response(request)


def is_content_view(path):
    try:
        return resolve(path).view_name in CONTENT_VIEWS
    except Resolver404:
        return False
