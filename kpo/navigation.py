"""The main navigation: the three pillars' section pages, "Vind een collega" for approved
members, and search.

Section pages are found by type under the site's root page, so editors can rename
or move them. The result is cached and cleared whenever a page is published,
unpublished, moved or deleted.
"""

import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.db import DatabaseError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from kpo.access import MEMBERS, can_see

logger = logging.getLogger(__name__)
CACHE_KEY = "kpo:navigation:sections:{site_id}"


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str


def section_page_types():
    from academie.models import AcademieIndexPage
    from communities.models import CommunitiesIndexPage
    from kennisbank.models import KennisbankIndexPage

    return [
        (_("Kennisbank"), KennisbankIndexPage),
        (_("Communities"), CommunitiesIndexPage),
        (_("Academie"), AcademieIndexPage),
    ]


def _section_urls(site):
    """Map each section's model name to the URL of its first live page on this site."""
    urls = {}
    for _label, model in section_page_types():
        page = model.objects.live().descendant_of(site.root_page, inclusive=True).first()
        if page is not None:
            urls[model.__name__] = page.get_url(current_site=site)
    return urls


def cached_section_urls(site):
    """``_section_urls`` of ``site``, from the cache when known."""
    key = CACHE_KEY.format(site_id=site.pk)
    urls = cache.get(key)
    if urls is None:
        urls = _section_urls(site)
        cache.set(key, urls, 3600)
    return urls


def section_url(request, model) -> str:
    """The URL of the section page of type ``model`` on this request's site, or ""."""
    site = Site.find_for_request(request)
    return cached_section_urls(site).get(model.__name__, "") if site is not None else ""


def main_navigation(request):
    """The header's navigation items for this request's site."""
    items = []
    try:
        site = Site.find_for_request(request) if request is not None else None
        if site is not None:
            urls = cached_section_urls(site)
            items = [
                NavItem(str(label), urls[model.__name__])
                for label, model in section_page_types()
                if model.__name__ in urls
            ]
    except DatabaseError:
        logger.warning("Navigation unavailable: database error", exc_info=True)
    if can_see(getattr(request, "user", None), MEMBERS):
        items.append(NavItem(str(_("Vind een collega")), reverse("kpo_member_directory")))
    items.append(NavItem(str(_("Zoeken")), reverse("search")))
    return items


def clear_navigation_cache(**kwargs):
    for site_id in Site.objects.values_list("pk", flat=True):
        cache.delete(CACHE_KEY.format(site_id=site_id))
