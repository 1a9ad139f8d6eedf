"""Wagtail's per-request lookups, answered from the shared cache.

On every page view Wagtail finds the request's ``Site`` (one query), walks the URL path from
the site's root page one slug at a time (two queries per level: the child, then its
specific row) and looks up the view restrictions of the page and its ancestors (two
queries). None of that changes between publishes, so ``CachedRoutingMiddleware`` keeps it
in the cache under the page cache's *generation* (``kpo/page_cache.py``): publishing,
unpublishing, moving or deleting a page, and saving a site or a view restriction, start a
new generation, after which everything is looked up afresh.

Nothing here decides what a user may see: the page's visibility and view restrictions are
checked on every request as before. What is cached:

- the site for a host name and port (the ``Site`` object Wagtail would find);
- for a URL path, the live page it routes to, as it was when the generation began (a
  page's live content only changes when it is published, which starts a new generation);
- for a page, whether any view restriction applies to it; when none does, Wagtail's
  restriction check gets an empty result without a query. Pages with restrictions are
  checked against the database as before.

Wagtail keeps the site and the route on the request (``request._wagtail_site`` and
``request._wagtail_route_for_request``); this module fills those in before Wagtail looks.
It only routes from the cache while no page type overrides ``Page.route`` (none does)."""

import functools

from django.core.cache import cache
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.url_routing import RouteResult

from kpo import page_cache

TIMEOUT = 3600
SITE_KEY = "kpo:site:{generation}:{host}:{port}"
# Keys name the format of what they hold, so a release that changes it never reads what
# the previous release stored in the same generation.
ROUTE_KEY = "kpo:route:page:{generation}:{site}:{path}"
RESTRICTED_KEY = "kpo:restricted:{generation}:{page}"


@functools.cache
def default_routing_only() -> bool:
    """True when every page type routes like ``Page.route`` (a path maps to one page)."""
    return all(model.route is Page.route for model in get_page_models())


def find_site(request):
    """The ``Site`` Wagtail's ``Site.find_for_request`` finds, from the cache when known."""
    host, port = request.get_host(), request.get_port()
    key = SITE_KEY.format(generation=page_cache.generation(), host=host, port=port)
    site = cache.get(key)
    if site is None:
        site = Site._find_for_request(request)
        if site is not None:
            cache.set(key, site, TIMEOUT)
    return site


def route_key(site, path: str) -> str:
    components = "/".join(component for component in path.split("/") if component)
    return ROUTE_KEY.format(generation=page_cache.generation(), site=site.pk, path=components)


def cached_route(request, path: str):
    """Put the route of ``path`` on the request the way ``Page.route_for_request`` would,
    with the live page as it was when the current generation began; return the page or
    None."""
    site = Site.find_for_request(request)
    if site is None or not default_routing_only():
        return None
    key = route_key(site, path)
    page = cache.get(key)
    if isinstance(page, Page):
        request._wagtail_route_for_request = RouteResult(page)
        return page
    result = Page.route_for_request(request, path)
    if result is None or result.args or result.kwargs:
        return None
    result.page.__dict__.pop("_cached_parent_obj", None)  # not the ancestors too
    cache.set(key, result.page, TIMEOUT)
    return result.page


def has_view_restrictions(page) -> bool:
    key = RESTRICTED_KEY.format(generation=page_cache.generation(), page=page.pk)
    restricted = cache.get(key)
    if restricted is None:
        restricted = page.get_view_restrictions().exists()
        cache.set(key, restricted, TIMEOUT)
    return restricted


def skip_restriction_query(page) -> None:
    """When no view restriction applies to ``page``, let its ``get_view_restrictions``
    answer the empty result without asking the database (for this request's instance)."""
    if not has_view_restrictions(page):
        page.get_view_restrictions = PageViewRestriction.objects.none


class CachedRoutingMiddleware:
    """Place it after ``CommonMiddleware`` (the host is validated by then)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = find_site(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and view_args:
            page = cached_route(request, view_args[0])
            if page is not None:
                skip_restriction_query(page)
        return None
