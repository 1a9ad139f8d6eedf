from django import template

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
