"""Wagtail's chooser widgets without their inline ``<script>``.

``BaseChooser.render`` appends ``<script>new DocumentChooser("id", {…})</script>`` to every
chooser field, which KPO's Content-Security-Policy does not run. Instead each chooser gets
an element that ``static/js/admin-csp.js`` turns into the same call (the templates of the
inline panels and date widgets in ``templates/wagtailadmin/`` do the same)."""

import json

from django.utils.html import format_html
from wagtail.admin.widgets import BaseChooser
from wagtail.admin.widgets.workflows import AdminTaskChooser

STARTER = '{}<span hidden data-kpo-init="{}" data-kpo-input="{}" data-kpo-options="{}"></span>'


def starter_arguments(widget, id_, name, value_data):
    """The JavaScript function and options Wagtail's own ``render_js_init`` would use."""
    if isinstance(widget, AdminTaskChooser):
        return "createTaskChooser", {}
    return widget.js_constructor, widget.get_js_init_options(id_, name, value_data)


def render_chooser_without_inline_script(widget, name, value, attrs=None, renderer=None):
    if not attrs or "id" not in attrs:
        raise TypeError("BaseChooser cannot be rendered without an 'id' attribute")
    id_ = attrs["id"]
    value_data = widget.get_value_data(value)
    function, options = starter_arguments(widget, id_, name, value_data)
    return format_html(
        STARTER, widget.render_html(name, value_data, attrs), function, id_, json.dumps(options)
    )


def install():
    BaseChooser.render = render_chooser_without_inline_script
