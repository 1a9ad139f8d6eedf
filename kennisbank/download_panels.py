"""A read-only panel on a page's edit view: the downloads of the documents the page uses."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .downloads import RECENT_DAYS, documents_of_page, download_counts

HEADING = _("Downloads")


class DocumentDownloadsPanel(Panel):
    """Each document of the saved page with its downloads in total and in the last 90 days.
    Shown on the edit view only (a new page has no downloads yet)."""

    def __init__(self, heading=HEADING, icon="download", **kwargs):
        super().__init__(heading=heading, icon=icon, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "kennisbank/admin/downloads_panel.html"

        def is_shown(self):
            return self.instance.pk is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            documents = list(documents_of_page(self.instance))
            counts = download_counts(document.pk for document in documents)
            context["rows"] = [(document, counts[document.pk]) for document in documents]
            context["recent_days"] = RECENT_DAYS
            return context
