"""The admin report "Meest gedownload": documents by downloads in a period (the last 90 days
unless chosen), of one theme or all, with the pages that use them; CSV and XLSX export."""

import datetime
from dataclasses import dataclass

import django_filters
from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateInput
from wagtail.documents import get_document_model
from wagtail.permission_policies.pages import PagePermissionPolicy

from kpo.models import Theme

from .downloads import most_downloaded, pages_using, recent_start

SPREADSHEET_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    theme: Theme | None = None


class DownloadFilterForm(forms.Form):
    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("van"), cleaned_data.get("tot")
        if start and end and start > end:
            self.add_error("tot", _("De einddatum ligt vóór de begindatum. Kies een latere datum."))
        elif start and not end and start > timezone.localdate():
            self.add_error("van", _("De begindatum ligt na vandaag. Kies een eerdere datum."))
        return cleaned_data


class DownloadFilterSet(django_filters.FilterSet):
    """The report's parameters (read by the view, not filters of a queryset)."""

    thema = django_filters.ModelChoiceFilter(
        label=_("Thema"), queryset=Theme.objects.all(), method="as_parameter"
    )
    van = django_filters.DateFilter(label=_("Van"), widget=AdminDateInput, method="as_parameter")
    tot = django_filters.DateFilter(
        label=_("Tot en met"), widget=AdminDateInput, method="as_parameter"
    )

    class Meta:
        model = get_document_model()
        fields = []
        form = DownloadFilterForm

    def as_parameter(self, queryset, name, value):
        return queryset


class PagesColumn(Column):
    """The pages that use the document, each linked to its edit view."""

    cell_template_name = "kennisbank/admin/downloads_pages_cell.html"


def spreadsheet_text(value):
    """``value`` as text a spreadsheet never runs as a formula."""
    text = str(value)
    return f"'{text}" if text.startswith(SPREADSHEET_FORMULA_START) else text


class MostDownloadedReportView(ReportView):
    page_title = _("Meest gedownload")
    header_icon = "download"
    results_template_name = "kennisbank/admin/downloads_report_results.html"
    index_url_name = "kennisbank_download_report"
    index_results_url_name = "kennisbank_download_report_results"
    filterset_class = DownloadFilterSet
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    columns = [
        TitleColumn("title", label=_("Document"), url_name="wagtaildocs:edit"),
        PagesColumn("pages", label=_("Gebruikt op")),
        NumberColumn("period_downloads", label=_("Downloads in de periode")),
        NumberColumn("total_downloads", label=_("Downloads in totaal")),
    ]
    list_export = ["title", "pages_text", "period_downloads", "total_downloads"]
    export_headings = {
        "title": _("Document"),
        "pages_text": _("Gebruikt op"),
        "period_downloads": _("Downloads in de periode"),
        "total_downloads": _("Downloads in totaal"),
    }
    custom_field_preprocess = {
        field: {ReportView.FORMAT_CSV: spreadsheet_text} for field in ("title", "pages_text")
    }

    @classmethod
    def may_open(cls, user):
        return cls.permission_policy.user_has_any_permission(user, cls.any_permission_required)

    @cached_property
    def period(self) -> Period | None:
        """The period and theme asked for (by default the last 90 days, all themes);
        ``None`` when the filters are not valid."""
        if not self.filters.form.is_valid():
            return None
        chosen = self.filters.form.cleaned_data
        today = timezone.localdate()
        return Period(
            start=chosen.get("van") or recent_start(today),
            end=chosen.get("tot") or today,
            theme=chosen.get("thema"),
        )

    def get_queryset(self):
        period = self.period
        if period is None:
            return get_document_model().objects.none()
        return most_downloaded(period.start, period.end, period.theme)

    def filter_queryset(self, queryset):
        return queryset  # the filters are the report's parameters, read in get_queryset

    def decorate_paginated_queryset(self, object_list):
        documents = list(object_list)
        using = pages_using(document.pk for document in documents)
        for document in documents:
            document.pages = using[document.pk]
            document.pages_text = ", ".join(page.title for page in document.pages)
        return documents

    def get_filename(self):
        period = self.period
        if period is None:
            return "meest-gedownload"
        return f"meest-gedownload-{period.start:%Y-%m-%d}-{period.end:%Y-%m-%d}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        period = self.period
        context["period"] = period
        if period is not None:
            context["period_text"] = _("%(start)s tot en met %(end)s") % {
                "start": date_format(period.start, "j F Y"),
                "end": date_format(period.end, "j F Y"),
            }
        return context


class DownloadReportMenuItem(MenuItem):
    def is_shown(self, request):
        return MostDownloadedReportView.may_open(request.user)
