"""The URL patterns of the project, Wagtail's admin included, for the suites that visit them."""

from django.urls import URLResolver, get_resolver


def walk(resolver=None, prefix=""):
    """Every URL pattern of the project (Wagtail's admin included), as its route string."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern)


def routes():
    return list(dict.fromkeys(walk()))
