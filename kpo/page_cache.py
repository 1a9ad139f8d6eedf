"""The page cache: public Wagtail pages, as rendered for anonymous visitors, are kept in
the shared cache and served to other anonymous visitors without touching the database.

What may be stored (all must hold):
- a GET request without a session cookie and without an Authorization header;
- a Wagtail page that marked itself cacheable (``mark_cacheable`` in a ``before_serve_page``
  hook: a public page, served to an anonymous user, without view restrictions);
- a 200 response that sets no cookie and is not marked private or no-store.

Everything else passes straight through: a logged-in member (who has a session cookie)
never gets a cached page, and nothing rendered for a member is ever stored. Responses
to requests with a session are marked ``Cache-Control: private`` so that no proxy keeps
them either, and every page response varies on ``Cookie``.

Stored pages are keyed on the full URL and the request headers the response varies on
(language), with a *generation* in the key: publishing, unpublishing, moving or deleting a
page, or changing a community, a theme or the site settings, starts a new generation, so
all stored pages are outdated at once. ``KPO_PAGE_CACHE_SECONDS`` bounds the age of a page
for changes that start no new generation (0 turns the cache off)."""

import time

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import (
    get_cache_key,
    learn_cache_key,
    patch_cache_control,
    patch_vary_headers,
)

from kpo.language import chosen_language

GENERATION_KEY = "kpo:page-cache:generation"
CACHEABLE_ATTRIBUTE = "_kpo_page_cacheable"
HIT_HEADER = "X-KPO-Cache"


def mark_cacheable(request) -> None:
    setattr(request, CACHEABLE_ATTRIBUTE, True)


def generation() -> str:
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = new_generation()
    return value


def new_generation(**kwargs) -> str:
    """Outdate every stored page (a signal receiver: accepts and ignores signal arguments)."""
    value = str(time.time_ns())
    cache.set(GENERATION_KEY, value, None)
    return value


def on_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        new_generation()


def key_prefix() -> str:
    return f"kpo-page-{generation()}"


def has_session(request) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def may_use_cache(request) -> bool:
    return (
        settings.KPO_PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and not has_session(request)
        and "HTTP_AUTHORIZATION" not in request.META
    )


def may_store(request, response) -> bool:
    user = getattr(request, "user", None)
    cache_control = response.get("Cache-Control", "")
    return (
        getattr(request, CACHEABLE_ATTRIBUTE, False)
        and not (user is not None and user.is_authenticated)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


class AnonymousPageCacheMiddleware:
    """Place it after the security and static-file middleware and before the session
    middleware, so that a hit costs no session or user lookup."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_use_cache(request):
            return self.mark_personal(request, self.get_response(request))
        # The key ends in the page's language, which ChosenLanguageMiddleware activates later on.
        request.LANGUAGE_CODE = chosen_language(request)
        prefix = key_prefix()
        key = get_cache_key(request, prefix, "GET", cache=cache)
        if key is not None:
            cached = cache.get(key)
            if cached is not None:
                cached[HIT_HEADER] = "hit"
                return cached
        response = self.get_response(request)
        if may_store(request, response):
            patch_vary_headers(response, ["Cookie"])
            key = learn_cache_key(
                request, response, settings.KPO_PAGE_CACHE_SECONDS, prefix, cache=cache
            )
            cache.set(key, response, settings.KPO_PAGE_CACHE_SECONDS)
            response[HIT_HEADER] = "miss"
        return self.mark_personal(request, response)

    def mark_personal(self, request, response):
        """A response to a request with a session (or a user) may hold personal content:
        keep it out of shared caches."""
        user = getattr(request, "user", None)
        personal = has_session(request) or (user is not None and user.is_authenticated)
        if personal and "no-store" not in response.get("Cache-Control", ""):
            patch_cache_control(response, private=True)
        patch_vary_headers(response, ["Cookie"])
        return response
