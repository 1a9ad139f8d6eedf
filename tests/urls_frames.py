"""A URLconf with views that opt in to frames, as the SCORM player and its content do,
and one with a nonced inline script."""

from django.http import HttpResponse
from django.urls import include, path

from kpo.csp import allows_same_origin_frames, frameable_by_same_origin


@allows_same_origin_frames
def player(request):
    return HttpResponse('<iframe src="/inhoud/"></iframe>')


@frameable_by_same_origin
def framed_content(request):
    return HttpResponse("<p>Les</p>")


def inline_script(request):
    return HttpResponse(f'<script nonce="{request.csp_nonce}">1</script>')


urlpatterns = [
    path("inline/", inline_script),
    path("speler/", player),
    path("inhoud/", framed_content),
    path("", include("kpo.tests.urls_failing")),
]
