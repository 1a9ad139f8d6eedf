"""Dutch first: the interface is Dutch unless the visitor chose English with the language
switch (Django's ``set_language``, which keeps the choice in the language cookie).

The browser's ``Accept-Language`` is ignored on purpose: work laptops often ask for
English, which would put an English interface around the Dutch content."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


def chosen_language(request) -> str:
    """The language of the visitor's language cookie, or Dutch without a valid one."""
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if code:
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            pass  # an unknown or tampered cookie: the site's language
    return settings.LANGUAGE_CODE


class ChosenLanguageMiddleware:
    """Activates the chosen language (instead of Django's LocaleMiddleware, which follows
    ``Accept-Language``). Responses vary on ``Cookie``, where the choice lives."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        translation.activate(chosen_language(request))
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
