from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.views.reports import PageReportView

from .owner_forms import ReassignOwnersForm
from .responsible import responsible_for_pages
from .review import pages_due_for_review


class ReviewReportView(PageReportView):
    """Admin report "Te herzien": pages whose review date has passed or is near, with who is
    responsible and why; editors select pages and give them a new owner (POST)."""

    page_title = _("Te herzien")
    header_icon = "time"
    results_template_name = "kennisbank/admin/review_report_results.html"
    index_url_name = "kennisbank_review_report"
    index_results_url_name = "kennisbank_review_report_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = [
        "title",
        "review_date",
        "responsible.label",
        "responsible.reason",
        "status_string",
    ]
    export_headings = {
        "title": _("Titel"),
        "review_date": _("Herzien vóór"),
        "responsible.label": _("Verantwoordelijke"),
        "responsible.reason": _("Waarom"),
        "status_string": _("Status"),
    }

    def get_filename(self):
        return f"te-herzien-{timezone.localdate():%Y-%m-%d}"

    def post(self, request, *args, **kwargs):
        self.reassign_form = ReassignOwnersForm(request.POST, user=request.user)
        if not self.reassign_form.is_valid():
            messages.error(request, _("De eigenaar is niet gewijzigd. Zie de meldingen hieronder."))
            return self.get(request, *args, **kwargs)
        count = self.reassign_form.save(actor=request.user)
        messages.success(request, self.reassign_form.success_message(count))
        return redirect(self.report_url())

    def get_context_data(self, **kwargs):
        form = getattr(self, "reassign_form", None) or ReassignOwnersForm(user=self.request.user)
        return super().get_context_data(
            **kwargs,
            today=timezone.localdate(),
            reassign_form=form,
            selected_page_ids=form.selected_page_ids(),
            report_url=self.report_url(),
        )

    def report_url(self):
        """The report's own address with the current page number: where the form posts to."""
        query = self.request.GET.urlencode()
        return f"{self.get_index_url()}?{query}" if query else self.get_index_url()

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "publish"]
        )
        return (
            pages_due_for_review()
            .filter(pk__in=editable.values("pk"))
            .annotate_approved_schedule()
            .prefetch_workflow_states()
        )

    def decorate_paginated_queryset(self, object_list):
        """Who is responsible for each page, in a fixed number of queries."""
        pages = list(object_list)
        responsible = responsible_for_pages(pages)
        for page in pages:
            page.responsible = responsible[page.pk]
        return pages
