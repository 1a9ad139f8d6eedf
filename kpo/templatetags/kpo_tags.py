import hashlib

from django import template

from kpo import page_cache
from kpo.access import access_tokens
from kpo.navigation import main_navigation

register = template.Library()


@register.inclusion_tag("components/navigation.html", takes_context=True)
def navigation(context):
    request = context.get("request")
    current_path = request.path if request is not None else ""
    items = [
        {"label": item.label, "url": item.url, "current": _is_current(item.url, current_path)}
        for item in main_navigation(request)
    ]
    return {"items": items}


def _is_current(url, path):
    return url != "/" and path.startswith(url)


@register.simple_tag
def content_generation():
    """The page cache's generation (kpo/page_cache.py): part of fragment cache keys, so a
    publish outdates cached fragments too."""
    return page_cache.generation()


@register.simple_tag(takes_context=True)
def access_key(context):
    """A digest of the user's access tokens, for fragment cache keys: a fragment that
    shows members-only or community content is shared only by users holding exactly the
    same tokens, and so allowed to see exactly the same content."""
    tokens = ",".join(sorted(access_tokens(context["request"].user)))
    return hashlib.sha256(tokens.encode()).hexdigest()[:32]
