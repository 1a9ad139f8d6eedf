from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView

from .review import pages_due_for_review


class ReviewReportView(PageReportView):
    """Admin report "Te herzien": pages whose review date has passed or is near, with owner."""

    page_title = _("Te herzien")
    header_icon = "time"
    results_template_name = "kennisbank/admin/review_report_results.html"
    index_url_name = "kennisbank_review_report"
    index_results_url_name = "kennisbank_review_report_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "review_date", "owner", "status_string"]
    export_headings = {
        "title": _("Titel"),
        "review_date": _("Herzien vóór"),
        "owner": _("Eigenaar"),
        "status_string": _("Status"),
    }

    def get_filename(self):
        return f"te-herzien-{timezone.localdate():%Y-%m-%d}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, today=timezone.localdate())

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "publish"]
        )
        return pages_due_for_review().filter(pk__in=editable.values("pk"))
