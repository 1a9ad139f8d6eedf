from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kpo import admin_views, page_cache, roles
from kpo.access import PUBLIC
from kpo.models import AllowedEmailDomain


class AllowedEmailDomainViewSet(SnippetViewSet):
    model = AllowedEmailDomain
    icon = "mail"
    menu_label = _("Toegestane e-maildomeinen")
    list_display = ["domain", "organisation"]
    search_fields = ["domain"]


register_snippet(AllowedEmailDomainViewSet)


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.is_administrator(request.user)


@hooks.register("register_admin_urls")
def register_account_admin_urls():
    return [
        path("aanvragen/", admin_views.ApprovalQueueView.as_view(), name="kpo_approval_queue"),
        path(
            "aanvragen/<int:pk>/goedkeuren/",
            admin_views.approve_application,
            name="kpo_approve_application",
        ),
        path(
            "aanvragen/<int:pk>/afwijzen/",
            admin_views.RejectApplicationView.as_view(),
            name="kpo_reject_application",
        ),
        path("logboek/", admin_views.AuditLogView.as_view(), name="kpo_audit_log"),
    ]


@hooks.register("register_admin_menu_item")
def register_approval_queue_menu_item():
    return AdministratorMenuItem(
        _("Aanvragen"), reverse("kpo_approval_queue"), name="aanvragen", icon_name="user", order=250
    )


@hooks.register("register_settings_menu_item")
def register_audit_log_menu_item():
    return AdministratorMenuItem(
        _("Beveiligingslogboek"),
        reverse("kpo_audit_log"),
        name="beveiligingslogboek",
        icon_name="history",
        order=900,
    )


@hooks.register("insert_global_admin_js")
def start_widgets_without_inline_scripts():
    """Starts the admin widgets whose inline scripts the Content-Security-Policy blocks."""
    return format_html('<script src="{}" defer></script>', static("js/admin-csp.js"))


@hooks.register("before_serve_page")
def allow_page_cache_for_public_pages(page, request, serve_args, serve_kwargs):
    """A public page without view restrictions, served to an anonymous visitor, may be
    stored in the page cache (``kpo.page_cache`` decides on the response)."""
    if request.user.is_authenticated or getattr(page, "visibility", PUBLIC) != PUBLIC:
        return None
    if not page.get_view_restrictions().exists():
        page_cache.mark_cacheable(request)
    return None
