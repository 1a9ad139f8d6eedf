from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from kpo.access import can_see

from .documents import can_download
from .download_report import DownloadReportMenuItem, MostDownloadedReportView
from .owner_forms import REASSIGN_ACTION, OwnerReassignedFormatter
from .version_views import RestoreVersionView
from .views import ReviewReportView


def refuse(request):
    """Anonymous visitors are asked to log in; logged-in users without access get a 403."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


@hooks.register("before_serve_page")
def check_page_visibility(page, request, serve_args, serve_kwargs):
    visibility = getattr(page, "visibility", None)
    if visibility is not None and not can_see(request.user, visibility):
        return refuse(request)
    return None


@hooks.register("before_serve_document")
def check_document_access(document, request):
    if not can_download(request.user, document):
        return refuse(request)
    return None


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path("reports/te-herzien/", ReviewReportView.as_view(), name="kennisbank_review_report"),
        path(
            "reports/te-herzien/results/",
            ReviewReportView.as_view(results_only=True),
            name="kennisbank_review_report_results",
        ),
        path(
            "documentversies/<int:version_id>/terugzetten/",
            RestoreVersionView.as_view(),
            name="kennisbank_restore_version",
        ),
    ]


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, ReviewReportView.any_permission_required
        )


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        _("Te herzien"),
        reverse("kennisbank_review_report"),
        name="te-herzien",
        icon_name="time",
        order=1150,
    )


@hooks.register("register_log_actions")
def register_owner_log_action(actions):
    actions.register_action(REASSIGN_ACTION)(OwnerReassignedFormatter)


@hooks.register("register_admin_urls")
def register_download_report_urls():
    return [
        path(
            "reports/meest-gedownload/",
            MostDownloadedReportView.as_view(),
            name="kennisbank_download_report",
        ),
        path(
            "reports/meest-gedownload/results/",
            MostDownloadedReportView.as_view(results_only=True),
            name="kennisbank_download_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_download_report_menu_item():
    return DownloadReportMenuItem(
        _("Meest gedownload"),
        reverse("kennisbank_download_report"),
        name="meest-gedownload",
        icon_name="download",
        order=1160,
    )
