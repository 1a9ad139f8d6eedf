"""Download counts in the admin's templates (staff only: the admin views check access)."""

from django import template

from kennisbank.downloads import RECENT_DAYS, download_counts

register = template.Library()


@register.inclusion_tag("kennisbank/admin/downloads_document_stats.html")
def document_downloads(document):
    """The total and recent downloads of ``document``, as a description list."""
    return {"counts": download_counts([document.pk])[document.pk], "recent_days": RECENT_DAYS}
